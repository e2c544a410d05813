"""Imported lazily by app.py: loading it raises, so touching the lazy module raises."""

raise ZeroDivisionError("this module fails whenever it is finally loaded")
