"""The explorer's callbacks, one module per concern, each with ``register(app, ...)``."""
