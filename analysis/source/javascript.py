"""Static views of inline clientside JavaScript: the literal ``set_props`` writes it makes."""

from __future__ import annotations

import re

#: ``dash_clientside.set_props(`` (or a destructured ``set_props(``) up to its first argument.
_CALL = re.compile(r"(?<![\w$.])(?:dash_clientside\s*\.\s*)?set_props\s*\(\s*")
_STRING = re.compile(r"""(["'])((?:\\.|(?!\1).)*)\1""")
_KEY = re.compile(r"""\s*(?:(["'])((?:\\.|(?!\1).)*)\1|([A-Za-z_$][\w$]*))\s*:""")


def js_set_props_targets(js_source: str | None) -> list[tuple[str, str]]:
    """(component id, property) for each ``set_props("id", {prop: ...})`` with a literal
    string id and an object literal of props (nested values skipped, only its own keys).

    >>> js_set_props_targets('''function(n) {
    ...     dash_clientside.set_props("msg", {children: "saved " + n, style: {color: "red"}});
    ...     dash_clientside.set_props(someId, {value: 1});
    ...     return n;
    ... }''')
    [('msg', 'children'), ('msg', 'style')]
    """
    found: list[tuple[str, str]] = []
    for call in _CALL.finditer(js_source or ""):
        literal = _STRING.match(js_source, call.end())
        if literal is None:
            continue  # an id from a variable or an object: not guessed
        component_id = _unquote(literal.group(0))
        rest = js_source[literal.end():].lstrip()
        if not rest.startswith(","):
            continue
        body = rest[1:].lstrip()
        if body.startswith("{"):
            found.extend((component_id, key) for key in _object_keys(body))
    return found


def _unquote(text: str) -> str:
    """A quoted JS string's text (ids seldom hold escapes; an escaped quote is undone)."""
    return text[1:-1].replace("\\" + text[0], text[0])


def _object_keys(text: str) -> list[str]:
    """The top-level keys of the object literal ``text`` starts with."""
    keys: list[str] = []
    depth, index, expect_key = 0, 0, False
    while index < len(text):
        char = text[index]
        if char in "\"'`":
            end = _skip_string(text, index)
            index = end
            continue
        if char in "{[(":
            depth += 1
            expect_key = char == "{" and depth == 1
        elif char in "}])":
            depth -= 1
            if depth == 0:
                break
        elif char == "," and depth == 1:
            expect_key = True
        if expect_key and depth == 1 and char in "{,":
            key = _KEY.match(text, index + 1)
            if key:
                keys.append(key.group(2) if key.group(1) else key.group(3))
                index = key.end()
                expect_key = False
                continue
            expect_key = False
        index += 1
    return keys


def _skip_string(text: str, start: int) -> int:
    """The index just after the string literal that starts at ``start``."""
    quote, index = text[start], start + 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == quote:
            return index + 1
        index += 1
    return index
