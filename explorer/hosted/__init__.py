"""Hosted mode: settings, the projects file, snapshot history, the CI API, auth and the Celery worker."""
