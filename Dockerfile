# The explorer in hosted mode: gunicorn with gthread workers, as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PORT=8050 \
    DCE_DATA_DIR=/data

WORKDIR /srv/explorer
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY app.py gunicorn.conf.py ./
COPY analysis ./analysis
COPY explorer ./explorer
COPY assets ./assets
COPY examples ./examples

RUN useradd --create-home --uid 10001 explorer && mkdir -p /data && chown explorer /data
USER explorer
# Snapshot history, analysis results and background jobs: shared by web and Celery workers.
VOLUME ["/data"]

EXPOSE 8050
# Liveness: /healthz answers while the stored snapshots warm up (readiness is /readyz, 503
# until then), so a restart over a large history is never killed for being slow to warm.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8050\")}/healthz', timeout=4)"

# Set DCE_CONFIG to a projects file (mount it) to serve your projects; without it, the demo.
# gunicorn.conf.py reads GUNICORN_* variables and warms each worker before it serves.
CMD ["gunicorn", "app:server", "-k", "gthread", "--workers", "2", "--threads", "4"]
