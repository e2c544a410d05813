"""Static mode (``--static``): a snapshot read from the project's source with ``ast``, no code run."""
