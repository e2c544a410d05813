"""Test-suite root: pytest puts this folder on ``sys.path``, so every test imports the shared
helpers (``paths``, the snapshot factory, hosted support) by their module names."""
