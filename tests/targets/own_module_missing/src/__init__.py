"""The project's own package, without the module app.py asks for."""
