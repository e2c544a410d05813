"""gunicorn settings for the hosted explorer, each overridable from the environment.

``gunicorn app:server -k gthread --workers 2 --threads 4`` reads this file from the working
directory; command-line options win over it. Variables: GUNICORN_WORKERS, GUNICORN_THREADS,
GUNICORN_BIND (else 0.0.0.0:$PORT, PORT default 8050), GUNICORN_TIMEOUT,
GUNICORN_GRACEFUL_TIMEOUT, GUNICORN_KEEPALIVE.
"""

import os
import sys

worker_class = "gthread"  # threads serve async callbacks too (dash[async]: a loop per request)
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8050')}"
# A request may wait on a probe the first time a project is opened (the probe's own
# timeout is 60 s by default): leave it room before gunicorn kills the worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None  # "-" logs requests to stdout
# No preload_app: each worker builds and warms its own app after the fork, so no SQLite
# (diskcache) or Redis connection is shared between processes.
preload_app = False


def post_worker_init(worker) -> None:
    """Warm each worker's app before it accepts connections (Dash's first-request race)."""
    from explorer.hosted.auth import parse_credentials
    from explorer.hosted.server import warm_up

    warm_up(worker.wsgi, parse_credentials(os.environ.get("DCE_BASIC_AUTH")))


def on_starting(server) -> None:
    """Refuse bad DCE_* settings and a bad projects file in the master, before any worker
    starts: a worker that exits while importing the app is restarted again and again."""
    from analysis.errors import ConfigError
    from explorer.hosted.projects_file import load_projects
    from explorer.hosted.server import HostedSettings

    try:
        settings = HostedSettings.from_env()
        if settings.config:
            load_projects(settings.config)
    except ConfigError as exc:
        print(f"error: {exc.message}", file=sys.stderr, flush=True)
        raise SystemExit(2) from None
