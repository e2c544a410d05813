"""Background-callback managers: Diskcache on one machine, Celery + Redis to scale out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from uuid import uuid4

from dash import CeleryManager, DiskcacheManager

from analysis.errors import ConfigError

#: Seconds a finished job's result stays in Redis if the page never collects it.
RESULT_EXPIRES = 3600
#: The job id Dash signs for the page when the job never reached the queue.
UNQUEUED = "unqueued"
QUEUE_DOWN = ("the job queue (Redis) is unreachable, so the analysis did not start; "
              "try again once it is back")
CONTACT_LOST = ("the job queue (Redis) became unreachable while the analysis ran; "
                "press Analyse again once it is back")
JOB_LOST = ("the job queue (Redis) lost this analysis (it restarted or was emptied); "
            "press Analyse again")
#: How long a web request waits for an unreachable Redis: a page answers within seconds.
WEB_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def diskcache_manager(cache_dir: str | Path) -> DiskcacheManager:
    """Jobs run in processes of this machine, their results in a diskcache under cache_dir."""
    import diskcache

    return DiskcacheManager(diskcache.Cache(str(Path(cache_dir) / "jobs")))


def celery_app(redis_url: str, *, worker: bool = False) -> Any:
    """A Celery app using Redis as broker and result backend (Dash reads results from it).

    ``worker``: settings of a worker process, which rides out an outage of any length;
    the web processes' own calls give up within seconds, so a page says what happened.
    """
    try:
        from celery import Celery
    except ImportError:
        raise ConfigError("DCE_REDIS_URL is set but Celery is not installed; run "
                          "pip install '.[hosted]' in a clone of Dash Callback Explorer "
                          "(the hosted extra), or pip install -r requirements.txt there") from None
    if not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"DCE_REDIS_URL {redis_url!r} is not a Redis URL; "
                          f"use e.g. redis://localhost:6379/0")
    app = Celery("dash-callback-explorer", broker=redis_url, backend=redis_url)
    app.conf.update(
        result_expires=RESULT_EXPIRES,
        task_acks_late=True,  # a job whose worker dies is redelivered, not lost
        worker_prefetch_multiplier=1,  # probes are long: do not hoard them on one worker
        # Reconnect to the broker at start and after any loss, forever (the default gives
        # up after 100 tries, and the worker exits).
        broker_connection_retry_on_startup=True,
        broker_connection_retry=True,
        broker_connection_max_retries=None,
        # A late-acked job cannot be acknowledged on the connection that was lost: acking on
        # that connection's closed channel is how kombu reaches its connection parameters
        # with no connection (AttributeError 'hostname', issue 13). Cancelled instead, it is
        # redelivered (Celery 6's default).
        worker_cancel_long_running_tasks_on_connection_loss=True,
        # A hung Redis must not hang a request or a job forever.
        redis_socket_connect_timeout=3,
        redis_socket_timeout=10,
        broker_transport_options={"socket_connect_timeout": 3, "socket_timeout": 10},
        result_backend_transport_options={} if worker else {"retry_policy": WEB_RETRY},
        task_publish_retry_policy=WEB_RETRY,
    )
    return app


def _redis_errors() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import OperationalError
    from redis.exceptions import RedisError

    return (RedisError, OperationalError, OSError)


def job_error(message: str) -> dict:
    """A job's result as Dash stores a job that raised: the page's on_error handler shows it."""
    return {"background_callback_error": {"msg": message, "tb": ""}}


class ResilientCeleryManager(CeleryManager):
    """CeleryManager whose jobs fail with a message when Redis is unreachable or lost them,
    instead of a 500 (Dash lets every Redis error through) or polling forever (a job Redis
    forgot is PENDING for ever)."""

    def call_job_fn(self, key: str, job_fn: Any, args: Any, context: Any) -> str:
        job = str(uuid4())
        try:
            # Marks the job as queued: a job without its mark was lost by Redis.
            self.handle.backend.set(_queued(job), "1", expires=RESULT_EXPIRES)
            job_fn.apply_async((key, self._make_progress_key(key), args, context),
                               task_id=job)
        except _redis_errors():
            return UNQUEUED  # signed by Dash like any job id: the next poll says why
        return job

    def get_result(self, key: str, job: str | None) -> Any:
        if job == UNQUEUED:
            return job_error(QUEUE_DOWN)
        try:
            result = super().get_result(key, job)
            if result is self.UNDEFINED:
                if job and self.handle.backend.get(_queued(job)) is None:
                    return job_error(JOB_LOST)
                return result
        except _redis_errors():
            return job_error(CONTACT_LOST)
        if job:
            self._quietly(self.clear_cache_entry, _queued(job))  # done: no longer queued
        return result

    def job_running(self, job: str | None) -> bool:
        if job == UNQUEUED:
            return False
        try:
            return bool(super().job_running(job))
        except _redis_errors():
            return False

    def terminate_job(self, job: str | None) -> None:
        if job != UNQUEUED:
            self._quietly(super().terminate_job, job)

    def get_progress(self, key: str) -> Any:
        return self._quietly(super().get_progress, key)

    def get_updated_props(self, key: str) -> dict:
        return self._quietly(super().get_updated_props, key) or {}

    @staticmethod
    def _quietly(call: Any, *args: Any) -> Any:
        """``call(*args)``, or None when Redis is unreachable: nothing the page needs."""
        try:
            return call(*args)
        except _redis_errors():
            return None


def _queued(job: str) -> str:
    return f"dce-queued-{job}"


def background_manager(cache_dir: str | Path, redis_url: str | None = None) -> Any:
    """CeleryManager when a Redis URL is configured, else DiskcacheManager (no services)."""
    if redis_url:
        return ResilientCeleryManager(celery_app(redis_url))
    return diskcache_manager(cache_dir)
