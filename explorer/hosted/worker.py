"""Celery worker entry point: ``celery -A explorer.hosted.worker worker`` runs the explorer's analyses.

The worker builds the same hosted app as the web processes (same ``DCE_CONFIG``,
``DCE_DATA_DIR`` and ``DCE_REDIS_URL``): Dash registers each background callback as a Celery
task named after the callback, so the worker must define the same callbacks to run them.
"""

from __future__ import annotations

from analysis.errors import ConfigError
from explorer.background import celery_app
from explorer.hosted.server import HostedSettings, build_hosted_app

_settings = HostedSettings.from_env()
if not _settings.redis_url:
    raise ConfigError("the Celery worker needs DCE_REDIS_URL (the same as the web app's)")

# Celery looks for the attribute ``celery`` (``app`` would be taken first: do not define it).
celery = celery_app(_settings.redis_url, worker=True)
dash_app = build_hosted_app(_settings, celery=celery, warm=False)
