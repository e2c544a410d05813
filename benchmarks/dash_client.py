"""A small HTTP stand-in for dash-renderer: loads a Dash page and sends real callback requests.

It reads ``/_dash-layout`` and ``/_dash-dependencies`` like the renderer, keeps each
component's current props, builds ``/_dash-update-component`` bodies (pattern-matching ALL
inputs included) and applies responses, so follow-up callbacks see the new values.
"""

from __future__ import annotations

import base64
import http.client
import json
import urllib.parse
from typing import Any, Iterator

GRAPH_ELEMENTS = "graph.elements"


def id_text(component_id: Any) -> str:
    """Dash's text of an id: dict ids as sorted compact JSON."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def walk_layout(node: Any, found: dict[str, dict]) -> None:
    """Collect ``id text -> props`` of every component in a layout tree."""
    if isinstance(node, list):
        for child in node:
            walk_layout(child, found)
    elif isinstance(node, dict):
        props = node.get("props") if "namespace" in node else None
        if isinstance(props, dict):
            if "id" in props:
                found[id_text(props["id"])] = props
            for value in props.values():
                walk_layout(value, found)


def matches(pattern: dict, component_id: Any) -> bool:
    """Whether a concrete dict id matches a pattern whose wildcards are ``["ALL"]`` etc."""
    if not isinstance(component_id, dict) or set(component_id) != set(pattern):
        return False
    return all(isinstance(v, list) or component_id[k] == v for k, v in pattern.items())


class HttpTransport:
    """Requests over one kept-alive ``http.client`` connection (reopened once when the server
    closed it). Not requests: the load generator shares the machine with the server, and
    requests spent as much CPU per call as the server did."""

    def __init__(self, url: str, auth: tuple[str, str] | None = None) -> None:
        parts = urllib.parse.urlsplit(url.rstrip("/"))
        if not parts.hostname:
            raise ValueError(f"not an http URL: {url!r}")
        self.prefix = parts.path
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.headers = {"Content-Type": "application/json"}
        if auth:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        for attempt in (0, 1):
            try:
                self.connection.request(method, self.prefix + path, body=body,
                                        headers=self.headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                if attempt:
                    raise
            except BaseException:  # a timeout, a refused connect: never reuse a half-used one
                self.connection.close()
                raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Drop the connection; the next request opens a new one."""
        self.connection.close()


class DashClient:
    """One simulated browser tab on a Dash app."""

    def __init__(self, url: str, auth: tuple[str, str] | None = None,
                 transport: Any = None) -> None:
        self.url = url.rstrip("/")
        #: ``request(method, path, body) -> (status, bytes)`` and ``close()``.
        self.transport = transport or HttpTransport(url, auth)
        self.props: dict[str, dict] = {}
        self.dict_ids: dict[str, dict] = {}  # id text -> parsed dict id (patterns match these)
        self.callbacks: list[dict] = []

    def close(self) -> None:
        self.transport.close()

    def _get(self, path: str) -> bytes:
        status, data = self.transport.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}")
        return data

    def load_page(self) -> bool:
        """What a browser fetches first: the page, the layout, the callbacks. On a connection
        of its own, as a new tab opens one: the server's workers share connections out as
        they are opened, so kept ones would stay with whichever worker accepted first."""
        self.transport.close()
        self._get("/")
        self.props = {}
        walk_layout(json.loads(self._get("/_dash-layout")), self.props)
        self.dict_ids = {key: json.loads(key) for key in self.props if key.startswith("{")}
        self.callbacks = [cb for cb in json.loads(self._get("/_dash-dependencies"))
                          if not cb.get("clientside_function")]
        return True

    def initial_graph(self) -> list[dict]:
        """Fire the callback that fills the graph, as the renderer does on load; the node data
        (for taps) it returned, or the page's own when it came with the first drawing (the
        callback then answers 204)."""
        for output, request in self.requests_for(None, None, output=GRAPH_ELEMENTS):
            changed = self.post(request)
            graph_id, prop = GRAPH_ELEMENTS.split(".")
            elements = ((changed or {}).get(GRAPH_ELEMENTS)
                        or self.props.get(graph_id, {}).get(prop) or [])
            return [e["data"] for e in elements
                    if isinstance(e, dict) and "source" not in e.get("data", {})
                    and e["data"].get("key")]
        raise RuntimeError(f"no callback writes {GRAPH_ELEMENTS}")

    def follow_ups(self, changed: dict[str, Any]) -> Iterator[tuple[str, dict]]:
        """The requests the renderer sends next, for callbacks fed by the changed props."""
        for key in changed:
            yield from self.requests_for(key, changed[key], set_value=False)

    def requests_for(self, trigger: str | None, value: Any, *, output: str | None = None,
                     set_value: bool = True) -> Iterator[tuple[str, dict]]:
        """Callback bodies for those with ``trigger`` as an Input (or writing ``output``)."""
        if trigger is not None and set_value:
            self._set(trigger, value)
        for callback in self.callbacks:
            if callback.get("background") or "{" in callback["output"]:
                continue  # job polling and pattern outputs: not what this client measures
            inputs = [f"{d['id']}.{d['property']}" for d in callback["inputs"]]
            if (trigger is not None and trigger in inputs) or \
                    (output is not None and output in callback["output"]):
                yield callback["output"], self._body(callback, trigger)

    def post(self, body: dict, keep: bool = True) -> dict[str, Any]:
        """Send one callback request; the props its response sets (empty on 204).
        ``keep=False`` reads the whole answer but skips decoding it: the load generator
        shares the machine with the server, so it spends no CPU on what it never uses."""
        status, data = self.transport.request("POST", "/_dash-update-component",
                                              json.dumps(body).encode())
        if status == 204:
            return {}
        if status != 200:
            raise RuntimeError(f"callback {body['output'][:60]}: HTTP {status}: "
                               f"{data[:200].decode('utf-8', 'replace')}")
        if not keep:
            return {}
        changed = {}
        for component, props in json.loads(data).get("response", {}).items():
            for prop, new in props.items():
                changed[f"{component}.{prop}"] = new
                self._set(f"{component}.{prop}", new)
        return changed

    def _set(self, key: str, value: Any) -> None:
        component, _, prop = key.rpartition(".")
        if component.startswith("{") and component not in self.dict_ids:
            self.dict_ids[component] = json.loads(component)
        self.props.setdefault(component, {})[prop] = value

    def _body(self, callback: dict, trigger: str | None) -> dict:
        outputs = [self._spec(d, with_value=False) for d in self._outputs(callback)]
        return {
            "output": callback["output"],
            "outputs": outputs if callback["output"].startswith("..") else outputs[0],
            "inputs": [self._spec(d) for d in callback["inputs"]],
            "state": [self._spec(d) for d in callback.get("state", [])],
            "changedPropIds": [trigger] if trigger else [],
        }

    @staticmethod
    def _outputs(callback: dict) -> list[dict]:
        key = callback["output"]
        parts = key.strip(".").split("...") if key.startswith("..") else [key]
        found = []
        for part in parts:
            component, _, prop = part.rpartition(".")
            found.append({"id": component, "property": prop.split("@")[0]})
        return found

    def _spec(self, dependency: dict, with_value: bool = True) -> Any:
        text, prop = dependency["id"], dependency["property"]
        if text.startswith("{"):
            pattern = json.loads(text)
            return [self._concrete(parsed, prop, with_value) for parsed in self.dict_ids.values()
                    if matches(pattern, parsed)]
        return self._concrete(text, prop, with_value)

    def _concrete(self, component_id: Any, prop: str, with_value: bool) -> dict:
        spec = {"id": component_id, "property": prop}
        if with_value:
            spec["value"] = self.props.get(id_text(component_id), {}).get(prop)
        return spec
