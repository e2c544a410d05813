"""A package in the common project layout: app.py imports its siblings relatively."""
