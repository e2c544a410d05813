"""Static views of inline clientside JavaScript: its function's name, its literal ``set_props`` writes."""

from __future__ import annotations

import re

#: ``dash_clientside.set_props(`` (or a destructured ``set_props(``) up to its first argument.
_CALL = re.compile(r"(?<![\w$.])(?:dash_clientside\s*\.\s*)?set_props\s*\(\s*")
_STRING = re.compile(r"""(["'])((?:\\.|(?!\1).)*)\1""")
_KEY = re.compile(r"""\s*(?:(["'])((?:\\.|(?!\1).)*)\1|([A-Za-z_$][\w$]*))\s*:""")
#: Comments and blank space a source may open with before its function.
_LEADING = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.DOTALL)
_IDENT = r"[A-Za-z_$][\w$]*"
#: ``function name(``, ``async function* name(``.
_NAMED_FUNCTION = re.compile(rf"(?:async\s+)?function\s*\*?\s*({_IDENT})\s*\(")
#: A function value: ``function``, ``async``, ``(args) =>`` or ``arg =>``.
_FUNCTION_VALUE = rf"(?:async\b|function\b|\([^()]*\)\s*=>|{_IDENT}\s*=>)"
#: ``const name = (...) =>``, ``let name = function``, ``window.dash_clientside.ns.name = ...``.
_ASSIGNED = re.compile(
    rf"(?:(?:const|let|var)\s+)?((?:{_IDENT}\s*\.\s*)*{_IDENT})\s*=\s*(?={_FUNCTION_VALUE})")
#: ``window.dash_clientside.ns = {name: function ...}`` (or ``name(args) {``).
_NAMESPACE_OBJECT = re.compile(
    rf"(?:window\s*\.\s*)?dash_clientside\s*\.\s*({_IDENT})\s*=\s*"
    rf"(?:Object\.assign\s*\([^{{]*)?\{{\s*({_IDENT})\s*(?::\s*(?={_FUNCTION_VALUE})|\()")
_NAMESPACE_PREFIX = re.compile(r"^(?:window\.)?dash_clientside\.")


def js_function_name(js_source: str | None) -> str | None:
    """The name its author gave the function an inline clientside source holds, or None
    (an anonymous function): what a reader calls it, where Dash only has a hash.

    >>> js_function_name("function update_title(n) { return n; }")
    'update_title'
    >>> js_function_name("const toggle = (n, open) => !open")
    'toggle'
    >>> js_function_name("window.dash_clientside.ui = {resize: function(w) { return w; }}")
    'ui.resize'
    >>> js_function_name("dash_clientside.ui.resize = (w) => w")
    'ui.resize'
    >>> js_function_name("function(n) { return n; }") is None
    True
    """
    text = js_source or ""
    start = _LEADING.match(text).end()
    for pattern in (_NAMED_FUNCTION, _NAMESPACE_OBJECT, _ASSIGNED):
        found = pattern.match(text, start)
        if found is None:
            continue
        if pattern is _NAMESPACE_OBJECT:
            return f"{found.group(1)}.{found.group(2)}"
        return _NAMESPACE_PREFIX.sub("", re.sub(r"\s+", "", found.group(1)))
    return None


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
