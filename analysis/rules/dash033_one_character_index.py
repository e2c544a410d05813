"""DASH033 one-character-index: a pattern-matching index read as one character of prop_id."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import at_line, callback_label, triggered_id_spelling
from analysis.rules.dash032_legacy_trigger_parsing import hand_parsers, one_character_read


@rule(
    "DASH033",
    "one-character-index",
    "warning",
    'a callback takes a pattern-matching index as one character of triggered[...]["prop_id"]: '
    "wrong from index 10 on",
)
def one_character_index(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks with a pattern-matching (dict id) Input that keep one character
    of ``triggered[...]["prop_id"]`` as the index (``text[-1]`` after the ``prop_id`` was cut
    down with ``split``). Other hand parses of ``prop_id`` are DASH032's (opt-in).

    ## Why is this bad?
    For a dict id, ``prop_id`` is JSON text: ``'{"index":12,"type":"row"}.n_clicks'``. One
    character of it is right for indices 0-9 only; from 10 on the code reads one digit
    (10 as 0), i.e. another component's index, and acts on the wrong row. Indices reach 10
    as soon as rows are added by a counter (``n_clicks`` of an "add" button), even when
    fewer than ten are on screen. A browser test (tests/browser/test_one_digit_index.py)
    shows Dash 4.4.1 sending index 10 and such code reading 0.

    ## Example
    ```python
    @callback(Output("rows", "children"), Input({"type": "delete", "index": ALL}, "n_clicks"),
              State("rows", "children"), prevent_initial_call=True)
    def delete(clicks, rows):
        index = int(ctx.triggered[0]["prop_id"].split(",")[0][-1])  # row 12 deletes row 2
        return [row for row in rows if row["props"]["id"]["index"] != index]
    ```

    ## Use instead
    ```python
        index = ctx.triggered_id["index"]
    ```
    """
    for callback, function in hand_parsers(ctx):
        character = one_character_read(function)
        if character is None:
            continue
        instead = triggered_id_spelling(callback.inputs)
        last = isinstance(character.slice, ast.UnaryOp)  # [-1]: the last digit
        at = at_line(callback, function.lineno, character.lineno)
        yield one_character_index.finding(
            f'{callback_label(callback)} takes the triggered index as one character of '
            f'triggered[...]["prop_id"] (`{ast.unparse(character)}`{at}): right for '
            f'indices 0-9 only, '
            f'from 10 on it reads {"the last digit (10 as 0)" if last else "one digit"}, '
            f"another component's index: use {instead}", [callback])
