"""What callbacks did at run time, as plain data (no Dash, no I/O): the live plugin's log and its stats."""
