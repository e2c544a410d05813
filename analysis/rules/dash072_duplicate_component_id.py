"""DASH072 duplicate-component-id: two components in one layout share an id."""

from __future__ import annotations

from collections import Counter
from pathlib import PureWindowsPath
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._copied_subtrees import copied_subtrees
from analysis.rules._naming import LISTED, callback_label, callback_labels, listing
from analysis.snapshot import Callback, Component, IdReference, Layout, id_to_str


@rule(
    "DASH072",
    "duplicate-component-id",
    "error",
    "two components in one layout share an id",
    static_note=(
        "finds duplicates in the literal parts of layouts; ids inside unresolved parts are "
        "unknown, and `htmlFor`-style references are not read"
    ),
)
def duplicate_component_id(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Reports an id that appears on more than one component of the app's layout (``app.layout``),
    always; and an id that appears twice in one page's layout, or in a page's layout and the
    app's layout around it (``dash.page_container`` shows both together), when something refers
    to that id: a callback's Output, Input or State, a ``set_props`` write, or an HTML
    attribute in those layouts that names an element by id (``htmlFor``, ``aria-labelledby``,
    ``aria-describedby``, ``aria-controls``, ``aria-owns``, ``aria-activedescendant``,
    ``list``, ``form``, ``headers``, ``href="#id"``, and a dash-bootstrap-components
    ``Tooltip``/``Popover`` ``target``). A pattern-matching (dict) id is reported as soon as
    it is duplicated: such ids exist for pattern-matching callbacks. The same id on two
    different pages is fine: only one page is shown at a time. A ``validation_layout`` is never
    shown, so its duplicates are not reported. Nor are copies nested inside each other in a
    page that callbacks only write (Outputs, ``set_props``; no Input, State or HTML reference):
    the renderer keeps the innermost copy, so every write lands inside all the others, as if
    only it had the id; nor ``dcc.Download`` copies that callbacks only write: the data
    reaches one of them, and one starts the download.

    A subtree placed twice (a content list shown in a mobile and a desktop box) doubles every
    id in it: the ids whose copies were each made at one place (one object placed twice, one
    helper called twice) are one finding per layout, naming how many ids and those callbacks
    use; when callbacks use none of them (heading anchors only), a page's copies are not
    reported. Where no copy's creation site is known (a live snapshot), an id only heading
    anchors point at is not reported either: a lone copy cannot be told from such a subtree.

    The finding points at the first of the components, where the project created it, names
    each one's type and place, and what refers to the id: ``id 'x' is used by html.H3
    (docs.py:13) and dmc.Drawer (drawer.py:14) in the layout of page 'docs' (callbacks `open`
    (docs.py:30) use it)``. A component a library built (a Markdown heading's anchor) is
    placed at the project line that called the library.

    ## Why is this bad?
    Dash checks ids only in ``app.layout``: at its first request the app fails with
    ``DuplicateIdError: Duplicate component id found in the initial layout``. A layout that a
    callback delivers (a page, a router's content) is not checked at all, neither by Dash nor
    by the renderer; there the duplicate breaks what refers to the id. The renderer indexes an
    id at the last copy in the layout: a click on either button fires the callback, but it is
    given the last copy's value, and its Output reaches only the last copy. The browser
    resolves ``htmlFor``, ``aria-*`` and ``#id`` links to the first copy: the second form's
    label focuses the first form's input. A duplicate that nothing refers to is invalid HTML
    but changes nothing a user sees (``tests/browser/test_duplicate_ids.py`` records all of
    this on Dash 4.4.1).

    ## Example
    ```python
    app.layout = html.Div([
        html.Button("Save", id="save"),
        html.Div(html.Button("Save all", id="save")),
    ])
    ```

    ## Use instead
    ```python
    app.layout = html.Div([
        html.Button("Save", id="save"),
        html.Div(html.Button("Save all", id="save-all")),
    ])
    ```
    """
    holders = _components_by_layout_and_id(ctx)
    readers = _Readers(ctx)
    shells = _shells(ctx)
    duplicates = list(_duplicates(ctx, holders, shells))
    # an id a label or aria attribute names breaks on its own (the browser takes the first
    # copy): it stays its own finding; heading anchors (href="#id") fold into the subtree
    labelled = {r.id for r in ctx.snapshot.references if r.attribute != "href"}
    subtrees = copied_subtrees([d for d in duplicates if d[1] not in labelled], holders)
    layouts = {layout.name: layout for layout, _, _ in duplicates}
    in_subtree: set[tuple[str, str]] = set()
    for (name, copies), ids in subtrees.items():
        used = [i for i in ids if readers.of(layouts[name].app, i)]
        in_subtree.update((name, i) for i in ids if len(used) >= 2 or i not in used)
        if len(used) < 2:
            continue  # one id callbacks use: its own finding, as before; the rest are copies
        found = _subtree_finding(ctx, layouts[name], copies, ids, holders, readers)
        if found is not None:
            yield found
    for layout, id_text, shell in duplicates:
        if shell is None and (layout.name, id_text) in in_subtree:
            continue  # reported once with its subtree
        users = readers.of(layout.app, id_text)
        own = holders.get((layout.name, id_text), [])
        outer = holders.get((shell.name, id_text), []) if shell is not None else []
        on_screen = {layout.name} | ({shells[layout.app].name} if layout.app in shells else set())
        pointers = [r for r in ctx.snapshot.references
                    if r.id == id_text and r.layout in on_screen]
        refused = layout.path is None  # app.layout: Dash refuses it at its first request
        pattern = any(isinstance(c.id, dict) for c in (*outer, *own))
        if not (refused or users or pointers or pattern):
            continue  # nothing refers to it: invalid HTML, nothing a user sees changes
        if not (refused or users or pattern) and _anchors_only(pointers) and not any(
                c.site for c in (*outer, *own)):
            continue  # heading anchors alone, and no creation sites (a live snapshot) to tell
            # a lone copy from a subtree placed twice, whose anchors change nothing: silent
        if not (refused or pointers or pattern or shell is not None) and (
                _written_inside(own, users, id_text) or _downloads_only(own, users, id_text)):
            continue  # the writes land in one copy, which is all they need
        where = f"page {layout.name!r}" if layout.name != "app" else f"app {layout.app!r}"
        if shell is not None:
            found = [*outer, *own]
            clash = (f"is used by {_listing(outer)} in the layout of app {layout.app!r} and by "
                     f"{_listing(own)} in the layout of {where}, which is shown inside it"
                     if outer and own else
                     f"is in the layout of app {layout.app!r} and again in the layout of "
                     f"{where}, which is shown inside it")
        else:
            found = own
            clash = (f"is used by {_listing(own)} in the layout of {where}" if own else
                     f"is used by several components in the layout of {where}")
        file, line = _location(ctx, found, layout, shell, users)
        pointed = users[0] if users and (users[0].file, users[0].line) == (file, line) else None
        named = listing(callback_label(cb) if cb is pointed else callback_labels([cb])
                        for cb in users)
        why = [f"callbacks {named} use it"] if users else []
        if pointers:
            why.append(f"{_pointers(pointers)} {'points' if len(pointers) == 1 else 'point'} "
                       f"at it")
        yield duplicate_component_id.finding(
            f"id {id_text!r} {clash}" + (f" ({'; '.join(why)})" if why else ""),
            users,
            components=[id_text],
            file=file,
            line=line,
        )


def _anchors_only(pointers: list) -> bool:
    """Whether every reference to the id is an ``href="#id"`` (a heading anchor's link)."""
    return bool(pointers) and all(r.attribute == "href" for r in pointers)


def _subtree_finding(ctx: LintContext, layout: Layout, copies: int, ids: list[str],
                     holders: dict[tuple[str, str], list[Component]],
                     readers: _Readers) -> Finding | None:
    """One finding for a subtree placed ``copies`` times: how many ids it doubles and those
    callbacks use (but only write into one copy, as ``_downloads_only``/``_written_inside``).
    None when there are none and Dash does not refuse the layout (a page): a heading
    anchor's or an unused id's copies change nothing a callback does."""
    used: dict[str, list[Callback]] = {}
    for id_text in ids:
        users, own = readers.of(layout.app, id_text), holders[(layout.name, id_text)]
        if users and not (_downloads_only(own, users, id_text)
                          or _written_inside(own, users, id_text)):
            used[id_text] = users
    if not used and layout.path is not None:
        return None
    users = sorted({cb.index: cb for found in used.values() for cb in found}.values(),
                   key=lambda cb: cb.index)
    first = holders[(layout.name, ids[0])]
    file, line = _location(ctx, first, layout, None, users)
    where = f"page {layout.name!r}" if layout.name != "app" else f"app {layout.app!r}"
    why = (f": callbacks {listing((callback_label(cb) for cb in users), limit=3)} use "
           f"{listing((repr(i) for i in used), limit=5)}" if used else "")
    return duplicate_component_id.finding(
        f"{len(ids)} ids are each on {copies} components in the layout of {where}, copies of "
        f"one subtree placed {copies} times" + why,
        users, components=list(used) or ids[:1], file=file, line=line,
    )


def _downloads_only(copies: list[Component], users: list[Callback], id_text: str) -> bool:
    """True when every copy is a ``dcc.Download`` that callbacks only write: the renderer hands
    the data to one copy, and one Download is all a download needs."""
    return (len(copies) > 1 and all(c.type == "dash_core_components.Download" for c in copies)
            and not any(d.id_str == id_text for cb in users for d in (*cb.inputs, *cb.states)))


def _written_inside(copies: list[Component], users: list[Callback], id_text: str) -> bool:
    """True when the copies are nested, each inside the one before (the renderer keeps the
    last in document order, the innermost), and no callback reads the id: the writes all
    land in the innermost copy, inside the others (tests/browser/test_duplicate_copies.py)."""
    if len(copies) < 2 or copies[-1].within != len(copies) - 1:
        return False
    return not any(d.id_str == id_text for cb in users for d in (*cb.inputs, *cb.states))


class _Readers:
    """The callbacks of each app that name an id in a dependency or a literal ``set_props``,
    indexed once, when the first duplicate asks (reading set_props parses function bodies)."""

    def __init__(self, ctx: LintContext) -> None:
        self._ctx = ctx
        self._by_id: dict[tuple[str | None, str], list[Callback]] | None = None

    def of(self, app: str, id_text: str) -> list[Callback]:
        """The callbacks of ``app`` (global ones count for every app) that name ``id_text``."""
        if self._by_id is None:
            self._by_id = {}
            for cb in self._ctx.callbacks:
                owner = self._ctx.app_of(cb)
                named = {d.id_str for d in (*cb.outputs, *cb.inputs, *cb.states)}
                named.update(id_to_str(i) for i, _ in self._ctx.set_props_targets(cb))
                for text in named:
                    self._by_id.setdefault((owner.name if owner else None, text), []).append(cb)
        users = [*self._by_id.get((app, id_text), ()), *self._by_id.get((None, id_text), ())]
        return sorted(users, key=lambda cb: cb.index)


def _pointers(references: list[IdReference]) -> str:
    """``html.Label(htmlFor='email') (forms.py:12)``: each referring component, as _listing."""
    counts = Counter(
        f"{_kind(r.type)}({r.attribute}={'#' + r.id if r.attribute == 'href' else r.id!r})"
        + (f" ({r.site})" if r.site else "") for r in references)
    parts = [f"{text} ×{count}" if count > 1 else text for text, count in counts.items()]
    if len(parts) > LISTED:
        return listing(parts)
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


#: How Dash's docs and each library's own import the common component namespaces.
_NAMESPACE_ALIASES = {
    "dash_html_components": "html",
    "dash_core_components": "dcc",
    "dash_mantine_components": "dmc",
    "dash_bootstrap_components": "dbc",
    "dash_ag_grid": "dag",
}


def _listing(components: list[Component]) -> str:
    """``html.H3 (docs.py:13) and dmc.Drawer (drawer.py:14)``: each component's type as the
    project imports it and where the project created it; one site that made several copies
    (a loop, a reused object) is counted, not repeated."""
    counts = Counter(_described(c) for c in components)  # first appearance order
    parts = [f"{text} ×{count}" if count > 1 else text for text, count in counts.items()]
    if len(parts) > LISTED:
        return listing(parts)
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _described(component: Component) -> str:
    kind = _kind(component.type)
    return f"{kind} ({component.site})" if component.site else kind


def _kind(type_name: str) -> str:
    """``html.Label`` for ``dash_html_components.Label``: the type as the project imports it."""
    namespace, _, name = type_name.rpartition(".")
    return f"{_NAMESPACE_ALIASES.get(namespace, namespace)}.{name}" if namespace else name


def _location(ctx: LintContext, found: list[Component], layout: Layout, shell: Layout | None,
              users: list[Callback]) -> tuple[str | None, int | None]:
    """Where the finding points: the first component whose creation site is known; without
    one (an older snapshot, components a library made), the layout's file, else the first
    callback using the id, else the app's file. Only project-relative paths: the reporters
    would print an absolute one, or the bare target, as the place."""
    site = next((c for c in found if c.site), None)
    if site is not None:
        return site.file, site.line
    if _in_project(layout.file):
        return layout.file, None
    if users and _in_project(users[0].file):
        return users[0].file, users[0].line
    for fallback in (shell.file if shell else None, *_app_files(ctx, layout.app)):
        if _in_project(fallback):
            return fallback, None
    return None, None


def _app_files(ctx: LintContext, app: str) -> list[str | None]:
    """The files of the app's own layouts (the module that made the app)."""
    return [lay.file for lay in ctx.snapshot.layouts if lay.app == app and lay.path is None]


def _in_project(path: str | None) -> bool:
    """A recorded path inside the project: relative to its root (others are absolute)."""
    return bool(path) and not path.startswith(("/", "<")) and not PureWindowsPath(path).drive


def _components_by_layout_and_id(ctx: LintContext) -> dict[tuple[str, str], list[Component]]:
    """The components of the snapshot by (layout name, id text), in walk order."""
    holders: dict[tuple[str, str], list[Component]] = {}
    for component in ctx.snapshot.components:
        holders.setdefault((component.layout, component.id_str), []).append(component)
    return holders


def _shells(ctx: LintContext) -> dict[str, Layout]:
    """Each app's own layout (``app.layout``), by app name."""
    shells: dict[str, Layout] = {}
    for layout in ctx.snapshot.layouts:
        if layout.path is None and not layout.name.startswith("validation"):
            shells.setdefault(layout.app, layout)
    return shells


def _duplicates(ctx: LintContext, holders: dict[tuple[str, str], list[Component]],
                shells: dict[str, Layout]) -> Iterator[tuple[Layout, str, Layout | None]]:
    """(layout, id text, the app's layout when the id is shared with it) for every duplicate:
    within one layout, then between a page's layout and its app's layout (the page is shown
    inside it). A validation_layout is never shown: none of its own."""
    ids_in: dict[str, set[str]] = {}
    for layout_name, id_text in holders:
        ids_in.setdefault(layout_name, set()).add(id_text)
    for layout in ctx.snapshot.layouts:
        if layout.path is None and layout.name.startswith("validation"):
            continue
        yield from ((layout, id_text, None) for id_text in layout.duplicate_ids)
        shell = shells.get(layout.app)
        if layout.path is None or shell is None:
            continue  # only pages are rendered inside their app's layout
        shared = ids_in.get(layout.name, set()) & ids_in.get(shell.name, set())
        yield from ((layout, id_text, shell) for id_text in sorted(shared))
