"""How findings name a callback: its function, or where an inline clientside one is declared."""

from __future__ import annotations

from analysis.snapshot import Callback


def callback_label(callback: Callback) -> str:
    """The function name in backticks; a clientside one also says where it is declared.

    >>> callback_label(Callback(index=0, function="app.draw"))
    '`draw`'
    >>> callback_label(Callback(index=1, function="clientside:inline.ab12", kind="clientside",
    ...                         file="app.py", line=9))
    '`ab12` (clientside, app.py:9)'
    """
    if callback.kind == "clientside":
        return f"`{callback.name}` (clientside, {callback.location})"
    return f"`{callback.name}`"
