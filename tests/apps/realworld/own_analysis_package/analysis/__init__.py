"""The project's own `analysis` package (convenience-paradox, round 10, has one)."""
