"""A package whose entry file imports its siblings absolutely (``import mypkg...``)."""
