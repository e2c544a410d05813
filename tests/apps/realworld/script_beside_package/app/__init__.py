"""The package the script app.py shares its name with."""
