"""A normal app whose module globals misbehave whenever anything looks at them.

Each object below breaks a way of looking: attribute reads, ``hasattr``, ``isinstance``,
``==``/``hash``/``bool``/``len``/``iter``, ``repr``/``str``, properties with side effects and a
``__class__`` that lies. The probe must skip them all and still find every callback.
"""

import functools
import importlib.util
import os
import sys
import types

from dash import Dash, Input, Output, callback, dcc, html
from flask import request  # a werkzeug LocalProxy: outside a request every read raises
from werkzeug.local import Local, LocalProxy



def trip(what: str) -> None:
    """A side effect the probe must never cause: a line in $HOSTILE_TRIPWIRE (if set)."""
    path = os.environ.get("HOSTILE_TRIPWIRE")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(what + "\n")


unbound_user = LocalProxy(Local(), "user")  # werkzeug: "object is not bound" on any read


class OddError(BaseException):
    """Neither an Exception nor SystemExit/KeyboardInterrupt, and it cannot even be printed."""

    def __str__(self) -> str:
        raise OddError()

    def __repr__(self) -> str:
        raise OddError()


class Hostile:
    """Every question asked of it raises something odd."""

    def __getattr__(self, name):
        raise OddError()

    def __eq__(self, other):
        raise OddError()

    def __hash__(self):
        raise OddError()

    def __bool__(self):
        raise OddError()

    def __len__(self):
        raise OddError()

    def __iter__(self):
        raise OddError()

    def __repr__(self):
        raise OddError()

    __str__ = __repr__


class Liar:
    """Claims to be a Dash app (and a dict) through ``__class__``."""

    @property
    def __class__(self):
        trip("Liar.__class__")
        return Dash

    def __getattr__(self, name):
        raise LookupError(f"Liar has no {name}")


class ClassRaises:
    """``isinstance`` asks ``__class__`` when the type does not match: this one raises."""

    @property
    def __class__(self):
        raise RuntimeError("no class for you")


class SideEffects:
    """Properties that change the world when read."""

    @property
    def cache_info(self):
        trip("SideEffects.cache_info")
        return lambda: None

    @property
    def __wrapped__(self):
        trip("SideEffects.__wrapped__")
        return None

    @property
    def server(self):
        trip("SideEffects.server")
        raise RuntimeError("reading .server starts a server")


class HostileDict(dict):
    """A dict whose every view raises (the probe looks in dicts and lists for apps)."""

    def items(self):
        raise OddError()

    def values(self):
        raise OddError()

    def __iter__(self):
        raise OddError()

    def __len__(self):
        raise OddError()


class HostileList(list):
    def __iter__(self):
        raise OddError()

    def __len__(self):
        raise OddError()

    def __getitem__(self, index):
        raise OddError()


class LazyModule(types.ModuleType):
    """A lazy module whose attributes can never be loaded."""

    def __getattr__(self, name):
        raise ImportError(f"lazy module {self.__name__!r} cannot load {name!r}")


class DictRaisesModule(types.ModuleType):
    @property
    def __dict__(self):
        raise OddError()


def _lazy_import(name: str, path: str) -> types.ModuleType:
    """importlib's own LazyLoader: the module's code runs at the first attribute read."""
    spec = importlib.util.spec_from_file_location(name, path)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


HERE = os.path.dirname(os.path.abspath(__file__))
lazy_broken = _lazy_import("hostile_lazy_broken", os.path.join(HERE, "broken_on_load.py"))
never_loads = LazyModule("hostile_never_loads")
never_loads.__file__ = os.path.join(HERE, "never_loads.py")  # inside the project root
sys.modules["hostile_never_loads"] = never_loads
dict_raises = DictRaisesModule("hostile_dict_raises")
sys.modules["hostile_dict_raises"] = dict_raises
sys.modules["hostile_not_a_module"] = Hostile()  # some libraries put odd objects there

hostile = Hostile()
liar = Liar()
class_raises = ClassRaises()
side_effects = SideEffects()
hostile_dict = HostileDict(app=None)
hostile_list = HostileList([1, 2])


@functools.lru_cache(maxsize=32)
def price_of(item: str) -> int:
    return len(item)


app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="item"),
    html.Div(id="price"),
    html.Div(id="echo"),
    html.Div(id="odd-props", title=hostile_list, children=[html.Span("fine")]),
])




class UnprintableKey:
    """Hashable, but its repr raises: the probe names apps kept in dicts by their key."""

    def __repr__(self):
        raise OddError()


APPS_BY_ODD_KEY = {UnprintableKey(): app}


@app.callback(Output("price", "children"), Input("item", "value"))
def show_price(item):
    return price_of(item or "")


@callback(Output("echo", "children"), Input("item", "value"))
def echo(item):
    return item


def __getattr__(name):
    """PEP 562: the module itself raises for any name it lacks, and not AttributeError."""
    raise RuntimeError(f"module app has no {name!r} and will not say so politely")
