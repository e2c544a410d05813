"""Dash Callback Explorer's analysis: probe a Dash project, snapshot it, lint its callback graph."""

__version__ = "0.1.0"
