"""A generated-looking component class (its defaults are in ../metadata.json)."""
from dash.development.base_component import Component


class Gauge(Component):
    """A Gauge component.

    Keyword arguments:

    - id (string; optional)

    - level (number; default 5):
        The docstring disagrees with metadata.json, which wins.
    """

    _namespace = "widgets"
    _type = "Gauge"
    _prop_names = ["id", "level", "label", "mode", "ticks", "colors", "shown", "note"]
    _valid_wildcard_attributes = []

    def __init__(self, id=None, **kwargs):
        self._prop_names = list(Gauge._prop_names)
        self.available_properties = list(Gauge._prop_names)
        self.available_wildcard_properties = []
        super().__init__(id=id, **kwargs)
