"""Background-callback managers: Diskcache on one machine, Celery + Redis to scale out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dash import CeleryManager, DiskcacheManager

from analysis.errors import ConfigError

#: Seconds a finished job's result stays in Redis if the page never collects it.
RESULT_EXPIRES = 3600


def diskcache_manager(cache_dir: str | Path) -> DiskcacheManager:
    """Jobs run in processes of this machine, their results in a diskcache under cache_dir."""
    import diskcache

    return DiskcacheManager(diskcache.Cache(str(Path(cache_dir) / "jobs")))


def celery_app(redis_url: str) -> Any:
    """A Celery app using Redis as broker and result backend (Dash reads results from it)."""
    try:
        from celery import Celery
    except ImportError:
        raise ConfigError("DCE_REDIS_URL is set but Celery is not installed; run "
                          "pip install -r requirements-hosted.txt") from None
    if not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"DCE_REDIS_URL {redis_url!r} is not a Redis URL; "
                          f"use e.g. redis://localhost:6379/0")
    app = Celery("dash-callback-explorer", broker=redis_url, backend=redis_url)
    app.conf.update(
        result_expires=RESULT_EXPIRES,
        task_acks_late=True,  # a job whose worker dies is redelivered, not lost
        worker_prefetch_multiplier=1,  # probes are long: do not hoard them on one worker
        broker_connection_retry_on_startup=True,
    )
    return app


def background_manager(cache_dir: str | Path, redis_url: str | None = None) -> Any:
    """CeleryManager when a Redis URL is configured, else DiskcacheManager (no services)."""
    if redis_url:
        return CeleryManager(celery_app(redis_url))
    return diskcache_manager(cache_dir)
