"""Static mode: Dash's split of callback arguments into Outputs, Inputs, States and call grouping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.snapshot import Dependency, id_to_str
from analysis.static.values import Dep


class NotACallback(ValueError):
    """Arguments Dash itself would refuse (or that this reading does not follow)."""


@dataclass(frozen=True)
class Split:
    """What ``dash.dependencies.handle_grouped_callback_args`` makes of a decorator's arguments."""

    outputs: Any  # the grouping: a Dep, a list/tuple or dict of them, or [] for no output
    flat_outputs: tuple[Dep, ...]
    inputs: tuple[Dep, ...]
    states: tuple[Dep, ...]
    grouping: Any  # Dash's inputs_state_indices
    prevent_initial_call: Any


_NESTED = (list, tuple, dict)


def flatten(grouping: Any) -> list:
    """The leaves of a grouping, in order (one loop for a flat list, the usual case)."""
    if isinstance(grouping, (list, tuple)):
        leaves: list = []
        for item in grouping:
            if isinstance(item, _NESTED):
                leaves += flatten(item)
            else:
                leaves.append(item)
        return leaves
    if isinstance(grouping, dict):
        return flatten(list(grouping.values()))
    return [grouping]


def _by_index(grouping: Any, indexes: list[int]) -> Any:
    """``make_grouping_by_index``: the grouping's leaves replaced by ``indexes`` in order."""
    if isinstance(grouping, (list, tuple)) and not any(isinstance(i, _NESTED) for i in grouping):
        return list(indexes)  # a flat list: its leaves are the indexes, in order
    position = iter(indexes)

    def rebuild(node: Any) -> Any:
        if isinstance(node, (list, tuple)):
            return [rebuild(item) for item in node]
        if isinstance(node, dict):
            return {key: rebuild(item) for key, item in node.items()}
        return next(position)
    return rebuild(grouping)


def _all_of(value: Any, kinds: tuple[str, ...]) -> bool:
    if isinstance(value, Dep):
        return value.kind in kinds
    leaves = flatten(value)
    return bool(leaves) and all(isinstance(d, Dep) and d.kind in kinds for d in leaves)


def split_arguments(args: list, kwargs: dict) -> Split:
    """The port of Dash's ``handle_grouped_callback_args`` over statically read values."""
    prevent = kwargs.get("prevent_initial_call")
    if prevent is None and args and isinstance(args[-1], bool):
        args, prevent = args[:-1], args[-1]
    if "output" not in kwargs and "inputs" not in kwargs:
        flat = _flat_split(args, prevent)
        if flat is not None:
            return flat
    flat_args: list = []
    for arg in args:
        flat_args += list(arg) if isinstance(arg, (list, tuple)) else [arg]
    if "output" in kwargs:
        outputs = kwargs["output"]
        outputs = list(outputs) if isinstance(outputs, (list, tuple)) else outputs
        if not all(isinstance(d, Dep) and d.kind == "Output" for d in flatten(outputs)):
            raise NotACallback("output= holds something other than Output")
    else:
        outputs = []
        while flat_args and _all_of(flat_args[0], ("Output",)):
            outputs.append(flat_args.pop(0))
    if isinstance(outputs, list) and len(outputs) == 1:
        first = kwargs.get("output", args[0] if args else None)
        if not isinstance(first, (list, tuple)):
            outputs = outputs[0]
    if "inputs" in kwargs:
        inputs, state = kwargs["inputs"], kwargs.get("state")
        inputs = [inputs] if isinstance(inputs, Dep) else inputs
        state = [state] if isinstance(state, Dep) else state
        if isinstance(inputs, dict):
            grouped: Any = {**(state or {}), **inputs} if isinstance(state or {}, dict) else None
        elif isinstance(inputs, (list, tuple)) and isinstance(state or [], (list, tuple)):
            grouped = list(inputs) + list(state or [])
        else:
            grouped = None
        if grouped is None:
            raise NotACallback("inputs= and state= of different shapes")
    else:
        parameters = []
        while flat_args and _all_of(flat_args[0], ("Input", "State")):
            parameters.append(flat_args.pop(0))
        grouped = parameters[0] if len(parameters) == 1 else parameters
    if flat_args:
        raise NotACallback("arguments that are not Output, Input or State")
    flat = flatten(grouped) if grouped != [] else []
    if not all(isinstance(d, Dep) and d.kind in ("Input", "State") for d in flat):
        raise NotACallback("inputs that are not Input or State")
    ins = [d for d in flat if d.kind == "Input"]
    states = [d for d in flat if d.kind == "State"]
    counts = {"Input": 0, "State": 0}
    indexes = []
    for dep in flat:
        indexes.append(counts[dep.kind] + (len(ins) if dep.kind == "State" else 0))
        counts[dep.kind] += 1
    flat_outputs = tuple(flatten(outputs)) if outputs != [] else ()
    return Split(outputs, flat_outputs, tuple(ins), tuple(states),
                 _by_index(grouped, indexes) if flat else [], prevent)


def _flat_split(args: list, prevent: Any) -> Split | None:
    """``split_arguments`` of the usual call, ``callback(Output(...), ..., Input(...),
    State(...), ...)``: every argument one dependency, the Outputs first; None for any other
    (then the general port decides). One pass, where the port flattens and regroups."""
    outputs = 0
    for dep in args:
        if type(dep) is not Dep or dep.kind != "Output":
            break
        outputs += 1
    inputs: list[Dep] = []
    states: list[Dep] = []
    indexes: list[int] = []
    for dep in args[outputs:]:
        if type(dep) is not Dep:
            return None
        if dep.kind == "Input":
            indexes.append(len(inputs))
            inputs.append(dep)
        elif dep.kind == "State":
            indexes.append(-1 - len(states))  # numbered after the Inputs, once all are known
            states.append(dep)
        else:
            return None
    grouping: Any = [i if i >= 0 else len(inputs) - 1 - i for i in indexes]
    if len(grouping) == 1:
        grouping = grouping[0]
    flat_outputs = tuple(args[:outputs])
    return Split(flat_outputs[0] if outputs == 1 else list(flat_outputs), flat_outputs,
                 tuple(inputs), tuple(states), grouping, prevent)


def dependency(dep: Dep) -> Dependency:
    """The snapshot's ``Dependency`` of a ``Dep`` (as ``Dependency(...)``, filled directly:
    see ``analysis.snapshot.from_fields``; three per callback)."""
    made = object.__new__(Dependency)
    made.__dict__.update(id=dep.id, property=dep.property, allow_duplicate=dep.allow_duplicate,
                         allow_optional=dep.allow_optional)
    return made


def _inputs_hash(split: Split) -> str:
    import hashlib  # here: OpenSSL's start-up is paid by the apps whose keys hold a hash

    text_inputs = ".".join(f"{id_to_str(d.id)}.{d.property}" for d in split.inputs)
    return hashlib.sha256(text_inputs.encode("utf-8")).hexdigest()


def output_key(split: Split, fallback: str) -> str:
    """Dash's ``create_callback_id``; ``fallback`` where Dash hashes the call site instead.
    The hash of the Inputs is computed only where the key holds it (no Output, or an
    Output with ``allow_duplicate``): most keys do not."""
    if not split.flat_outputs:
        return _inputs_hash(split) if split.inputs else fallback
    hashed = _inputs_hash(split) if any(d.allow_duplicate for d in split.flat_outputs) else ""

    def concat(dep: Dep) -> str:
        key = id_to_str(dep.id).replace(".", "\\.") + "." + dep.property
        return key + (f"@{hashed}" if dep.allow_duplicate else "")
    if isinstance(split.outputs, (list, tuple, dict)):
        return ".." + "...".join(concat(d) for d in split.flat_outputs) + ".."
    return concat(split.outputs)
