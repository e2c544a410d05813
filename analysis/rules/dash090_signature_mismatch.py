"""DASH090 signature-mismatch: the function cannot take the arguments Dash calls it with."""

from __future__ import annotations

import re
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Callback
from analysis.source.python import FunctionNode
from analysis.source.signature import inner_decorator_names, is_lru_cache, signature_of


@rule(
    "DASH090",
    "signature-mismatch",
    "error",
    "the callback function cannot take the Inputs and States Dash passes to it",
)
def signature_mismatch(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Binds the arguments Dash passes to the callback's signature, exactly as Dash calls it: one
    positional argument per Input/State in declaration order (States declared before Inputs
    come first), keyword arguments by name for the ``inputs=dict(...)`` form, and an extra
    leading ``set_progress`` for background callbacks with ``progress=``. ``*args``,
    ``**kwargs``, defaults and keyword-only parameters count as Python counts them. Inline
    clientside JavaScript functions are checked too: a parameter beyond the Inputs+States is
    always ``undefined`` (functions using ``arguments`` or ``...rest`` are skipped). Methods,
    ``functools.partial`` and unknown decorators are skipped: their real signature is unknown.

    ## Why is this bad?
    Dash does not compare the function with its dependencies when registering it. The app
    starts, and every call of the callback then fails with ``TypeError`` (missing or
    unexpected argument) -- or, with a parameter too few in JavaScript, silently computes
    with ``undefined``.

    ## Example
    ```python
    @callback(Output("total", "children"),
              Input("qty", "value"), Input("price", "value"), State("tax", "value"))
    def show_total(qty, price):
        return qty * price
    ```

    ## Use instead
    ```python
    @callback(Output("total", "children"),
              Input("qty", "value"), Input("price", "value"), State("tax", "value"))
    def show_total(qty, price, tax):
        return qty * price * (1 + tax)
    ```
    """
    for callback in ctx.callbacks:
        if callback.kind == "clientside":
            problem = _js_problem(callback)
        else:
            problem = _python_problem_of(ctx, callback)
        if problem:
            yield signature_mismatch.finding(
                f"callback {callback_label(callback)} does not fit its {_describe(callback)}: {problem}",
                [callback], (*callback.inputs, *callback.states),
            )


def _describe(callback: Callback) -> str:
    parts = [f"{len(callback.inputs)} Input(s)", f"{len(callback.states)} State(s)"]
    if _passes_progress(callback):
        parts.insert(0, "set_progress")
    return " + ".join(parts)


def _passes_progress(callback: Callback) -> bool:
    return callback.background and bool(callback.progress)


def _python_problem_of(ctx: LintContext, callback: Callback) -> str | None:
    """``_python_problem`` on the header alone (``ctx.signature``), confirmed on the full
    parse when it finds one: a header that parses says nothing of the body, and a source
    that does not parse whole is not checked at all."""
    header = ctx.signature(callback)
    if header is None or _python_problem(callback, header) is None:
        return None
    function = ctx.function(callback)
    return _python_problem(callback, function) if function is not None else None


def _python_problem(callback: Callback, function: FunctionNode) -> str | None:
    """Why Dash's call would fail, or None when it binds (or we cannot tell)."""
    if function.name != callback.name or not _wrappers_transparent(callback, function):
        return None  # a partial, a renamed wrapper or an unknown decorator: signature unknown
    if _is_method(callback, function):
        return None
    args: list[str] = ["set_progress"] if _passes_progress(callback) else []
    kwargs: dict[str, None] = {}
    grouping = callback.arg_grouping
    if grouping is None:
        args += ["arg"] * (len(callback.inputs) + len(callback.states))
    elif isinstance(grouping, dict):
        kwargs = {str(name): None for name in grouping}
    elif isinstance(grouping, list):
        args += ["arg"] * len(grouping)
    else:
        args.append("arg")
    if not kwargs and _binds_positionally(function, len(args)):
        return None  # the common case, answered without building a Signature
    try:
        signature_of(function).bind(*args, **kwargs)
    except TypeError as exc:
        return str(exc)
    return None


def _binds_positionally(function: FunctionNode, count: int) -> bool:
    """True when ``count`` positional arguments certainly bind to the function's parameters."""
    spec = function.args
    positional = len(spec.posonlyargs) + len(spec.args)
    required = positional - len(spec.defaults)
    keyword_only_required = any(default is None for default in spec.kw_defaults)
    return (not keyword_only_required and required <= count
            and (count <= positional or spec.vararg is not None))


def _wrappers_transparent(callback: Callback, function: FunctionNode) -> bool:
    """Only ``lru_cache``/``cache`` sit between Dash and the function: they pass arguments on."""
    return all(is_lru_cache(n) for n in [*callback.wrappers, *inner_decorator_names(function)])


def _is_method(callback: Callback, function: FunctionNode) -> bool:
    """Defined in a class body: Dash may get it bound (``self`` filled) or not; we can't tell."""
    qualname = callback.function
    if callback.module and qualname.startswith(callback.module + "."):
        enclosing = qualname[len(callback.module) + 1 :].split(".")[:-1]
        if enclosing and enclosing[-1] != "<locals>":
            return True
    positional = [*function.args.posonlyargs, *function.args.args]
    return bool(positional) and positional[0].arg in ("self", "cls")


_JS_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_JS_HEAD = re.compile(
    r"^\s*(?:async\s+)?(?:function\b\s*[\w$]*\s*\(|\(|(?P<single>[A-Za-z_$][\w$]*)\s*=>)"
)


def _js_problem(callback: Callback) -> str | None:
    """Params past the Inputs+States without a default are always ``undefined``."""
    if not callback.js_source:
        return None
    source = _JS_COMMENTS.sub("", callback.js_source)
    parameters = js_parameters(source)
    if parameters is None or re.search(r"\barguments\b", source):
        return None
    if any(p.startswith("...") for p in parameters):
        return None
    passed = len(callback.inputs) + len(callback.states)
    unset = [p for p in parameters[passed:] if "=" not in p]
    if unset:
        return (f"JavaScript parameter(s) {', '.join(unset)} never receive a value "
                f"(Dash passes {passed} argument(s))")
    return None


def js_parameters(source: str) -> list[str] | None:
    """The parameter texts of the JS function at the start of ``source``, or None.

    >>> js_parameters("function(a, b = f(1, 2), {c, d}) { return a; }")
    ['a', 'b = f(1, 2)', '{c, d}']
    >>> js_parameters("async (x) => x * 2"), js_parameters("n => n + 1")
    (['x'], ['n'])
    """
    head = _JS_HEAD.match(source)
    if head is None:
        return None
    if head.group("single"):
        return [head.group("single")]
    depth, current, parameters = 0, "", []
    for char in source[head.end():]:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                break
            depth -= 1
        if char == "," and depth == 0:
            parameters.append(current.strip())
            current = ""
        else:
            current += char
    else:
        return None  # unbalanced: not a function we can read
    if current.strip():
        parameters.append(current.strip())
    return parameters
