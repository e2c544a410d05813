"""A component package that publishes its JavaScript defaults the way react-docgen does."""
from widgets.Gauge import Gauge

__all__ = ["Gauge"]
