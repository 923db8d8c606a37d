"""YAML with positions: read a file as nodes, and check it against a small declarative schema.

Every problem is one line, `path:line:col: what is wrong`, with a did-you-mean suggestion where one
helps; every problem of a file is collected, so a user fixes them all in one go. Rule files
(factcheck.rules), the data files beside them (factcheck.lexicon.config) and rule examples
(factcheck.rule_tests) are all checked with these helpers.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same marks, ~8x faster
MAX_ALIAS_GROWTH = 100_000  # values that aliases may add to a document beyond those written out


def safe_compose(text: str, loader: type[Any] | None = None) -> yaml.Node | None:
    """The node tree of YAML text, the one way every YAML file and front matter is read. It refuses what
    would make a reader hang or run out of memory: aliases that would add more than MAX_ALIAS_GROWTH
    values (a "billion laughs"), an alias inside its own anchor (a loop), nesting too deep to read.
    `loader` may resolve plain scalars its own way (the decisions file's reads every value as text).
    Raises yaml.MarkedYAMLError, with the position where one is known."""
    try:
        root = yaml.compose(text, Loader=loader or _Loader)
    except RecursionError:  # the pure-Python reader, on deep nesting (libyaml stops at 1,000 levels itself)
        raise yaml.composer.ComposerError(problem="nested too deeply to read") from None
    if root is not None:
        _check_aliases(root)
    return root


def safe_load(text: str, constructor: type[yaml.constructor.SafeConstructor] = yaml.constructor.SafeConstructor) -> Any:
    """The Python value of YAML text, read with safe_compose (so with the same limits), then built by
    `constructor` (a SafeConstructor, or a subclass that reads some tags its own way)."""
    root = safe_compose(text)
    return None if root is None else constructor().construct_document(root)


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes a list or mapping holds (keys and values), in order."""
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _check_aliases(root: yaml.Node) -> None:
    """Walk the tree once (an alias is the same node met again): refuse loops, and aliases that would
    add more than MAX_ALIAS_GROWTH values. The position given is the list or mapping holding the alias."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    growth = 0
    stack: list[tuple[yaml.Node, yaml.Node, bool]] = [(root, root, False)]
    while stack:
        node, parent, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
        elif key in on_path:
            raise yaml.composer.ComposerError(problem="an alias stands inside its own anchor (a loop)",
                                              problem_mark=parent.start_mark)
        elif key in size:
            growth += size[key]
            if growth > MAX_ALIAS_GROWTH:
                raise yaml.composer.ComposerError(
                    problem=f"aliases would expand the document by more than {MAX_ALIAS_GROWTH:,} values "
                            "(an alias bomb); refused", problem_mark=parent.start_mark)
        elif isinstance(node, yaml.ScalarNode):
            size[key] = 1
        else:
            on_path.add(key)
            stack.append((node, parent, True))
            stack.extend((child, node, False) for child in reversed(_children(node)))


class ConfigError(ValueError):
    """One or more problems in YAML configuration (rule files, data files, examples), each `path:line:col: ...`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def loc(path: str, node: yaml.Node) -> str:
    """`path:line:col` of a node, counted from 1 as editors do."""
    return f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def suggest(word: str, options: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest option, or nothing when none is close."""
    close = difflib.get_close_matches(word, [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def value_of(node: yaml.Node | None) -> Any:
    """The Python value of a node, as yaml.safe_load would give it."""
    if node is None:
        return None
    constructor = yaml.constructor.SafeConstructor()  # a fresh one: it keeps every node it built
    return constructor.construct_object(node, deep=True)


def describe(value: object) -> str:
    """How to name a YAML value in a message: `'lots'`, `true`, `a list`, `a mapping`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value) if isinstance(value, str) else str(value)


def compose_text(text: str, shown: str, problems: list[str]) -> yaml.Node | None:
    """The node tree of YAML text, or None with a `path:line:col: not valid YAML (...)` problem."""
    try:
        return safe_compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else f"{shown}:1:1"
        what = exc.problem or exc.context or "syntax error"
        if exc.problem and exc.context:
            what = f"{exc.problem}, {exc.context}"
        problems.append(f"{where}: not valid YAML ({what})")
    except yaml.YAMLError as exc:
        problems.append(f"{shown}:1:1: not valid YAML ({exc})")
    return None


def compose_file(path: Path, problems: list[str], shown: str | None = None) -> yaml.Node | None:
    """Read and compose one file; an unreadable file or bad YAML becomes a problem, never an exception."""
    shown = shown if shown is not None else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{shown}:1:1: not UTF-8 (invalid byte at offset {exc.start}); re-save it as UTF-8")
        return None
    except OSError as exc:
        problems.append(f"{shown}:1:1: cannot be read ({exc.strerror or exc})")
        return None
    return compose_text(text, shown, problems)


def entries(path: str, node: yaml.MappingNode, problems: list[str]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """The keys of a mapping node, each with its key and value nodes; a key given twice is a problem
    (plain YAML keeps the last one silently, and the first is lost)."""
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for knode, vnode in node.value:
        key = value_of(knode) if isinstance(knode, yaml.ScalarNode) else None
        if not isinstance(key, str):
            hint = " (put it in quotes: YAML reads yes/no/on/off as true/false)" if isinstance(key, bool) else \
                " (put it in quotes)" if isinstance(key, (int, float, dt.date)) else ""
            problems.append(f"{loc(path, knode)}: a key must be a name (text), not {describe(key)}{hint}")
            continue
        if key in out:
            first = out[key][0].start_mark.line + 1
            problems.append(f"{loc(path, knode)}: '{key}' is given twice (first on line {first}); the first would be lost")
            continue
        out[key] = (knode, vnode)
    return out


# --- a small schema language ------------------------------------------------------------------

BAD = object()  # what a spec returns for a value it rejected (the problem is already recorded)


@dataclass
class Checker:
    """One validation pass: where problems go, and references to resolve once everything is read."""

    path: str
    problems: list[str] = field(default_factory=list)
    refs: list[tuple[str, yaml.Node, str, str]] = field(default_factory=list)  # (path, node, value, target)

    def problem(self, node: yaml.Node, message: str) -> object:
        self.problems.append(f"{loc(self.path, node)}: {message}")
        return BAD

    def resolve(self, names: Mapping[str, Iterable[str]]) -> None:
        """Check the recorded references whose target ("currencies.yaml:currencies") is in `names`
        against the names it holds; references to other targets are kept for a later call."""
        kept = []
        for path, node, value, target in self.refs:
            known = names.get(target)
            if known is None:
                kept.append((path, node, value, target))
                continue
            known = list(known)
            if value not in known:
                file, _, key = target.rpartition(":")
                self.problems.append(f"{loc(path, node)}: '{value}' is not one of the '{key}' in {file}"
                                     f"{suggest(value, known)}")
        self.refs = kept


@dataclass(frozen=True, kw_only=True)
class Spec:
    """What a value must be. `doc` says what it is for (the reference in docs/rules.md is checked
    against these); `default` is what the code uses when the key is absent."""

    doc: str = ""
    default: Any = None

    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        raise NotImplementedError

    def kind(self) -> str:
        """A short type name for messages and documentation."""
        raise NotImplementedError

    def children(self) -> Iterator[tuple[str, Spec]]:
        """Named sub-specs, for walking a schema (documentation, tests)."""
        return iter(())


@dataclass(frozen=True)
class Text(Spec):
    """A string; `choices` closes the set; `ref` ("file.yaml:key" or "key") names where its values must come from."""

    choices: tuple[str, ...] = ()
    ref: str = ""
    pattern: str = ""  # a regular expression the whole text must match
    pattern_hint: str = ""  # what the pattern means, for the message: "three capital letters"

    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        value = value_of(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(node, yaml.ScalarNode) or not isinstance(value, str):
            hint = " (put it in quotes: YAML reads yes/no/on/off as true/false)" if isinstance(value, bool) else \
                " (put it in quotes)" if isinstance(value, (int, float, dt.date)) else ""
            return ck.problem(node, f"{name} must be text, not {describe(value_of(node))}{hint}")
        if not value.strip():
            return ck.problem(node, f"{name} must not be empty")
        if self.choices and value not in self.choices:
            return ck.problem(node, f"{name} must be one of {', '.join(self.choices)}, not {value!r}"
                                    f"{suggest(value, self.choices)}")
        if self.pattern and not re.fullmatch(self.pattern, value):
            return ck.problem(node, f"{name} must be {self.pattern_hint or 'text matching ' + self.pattern}, not {value!r}")
        if self.ref:
            target = self.ref if ":" in self.ref else f"{Path(ck.path).name}:{self.ref}"
            ck.refs.append((ck.path, node, value, target))
        return value

    def kind(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        return f"text ({self.pattern_hint})" if self.pattern_hint else "text"


@dataclass(frozen=True)
class Number(Spec):
    """A number within [low, high]; `integer` asks for a whole number."""

    low: float | None = None
    high: float | None = None
    integer: bool = False
    above: float | None = None  # strictly greater than

    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        value = value_of(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not isinstance(node, yaml.ScalarNode):
            return ck.problem(node, f"{name} must be a {'whole ' if self.integer else ''}number, "
                                    f"not {describe(value_of(node))}")
        if self.integer and not isinstance(value, int):
            return ck.problem(node, f"{name} must be a whole number, not {value!r}")
        if math.isnan(value) or (self.low is not None and value < self.low) or (self.high is not None and value > self.high) \
                or (self.above is not None and value <= self.above):
            return ck.problem(node, f"{name} must be {self._range()}, not {value!r}")
        return value

    def _range(self) -> str:
        if self.above is not None:
            return f"greater than {self.above:g}" + (f" and at most {self.high:g}" if self.high is not None else "")
        if self.low is not None and self.high is not None:
            return f"between {self.low:g} and {self.high:g}"
        if self.low is not None:
            return f"at least {self.low:g}"
        return f"at most {self.high:g}" if self.high is not None else "a number"

    def kind(self) -> str:
        base = "whole number" if self.integer else "number"
        return base if self._range() == "a number" else f"{base}, {self._range()}"


@dataclass(frozen=True)
class Flag(Spec):
    """true or false."""

    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        value = value_of(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, bool):
            return ck.problem(node, f"{name} must be true or false, not {describe(value_of(node))}")
        return value

    def kind(self) -> str:
        return "true or false"


@dataclass(frozen=True)
class Date(Spec):
    """An ISO date, YYYY-MM-DD (written without quotes, or quoted: both are read as a date)."""

    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        value = value_of(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        return ck.problem(node, f"{name} must be a date written YYYY-MM-DD, not {describe(value_of(node))}")

    def kind(self) -> str:
        return "date (YYYY-MM-DD)"


@dataclass(frozen=True)
class ListOf(Spec):
    """A list of `item`; `nullable` also accepts an empty value (read as an empty list)."""

    item: Spec = field(default_factory=Text)
    nullable: bool = False
    min_items: int = 0

    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        if self.nullable and _is_null(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            return ck.problem(node, f"{name} must be a list ([a, b, ...]), not {describe(value_of(node))}")
        if len(node.value) < self.min_items:
            return ck.problem(node, f"{name} must have at least {self.min_items} item(s)")
        out = [self.item.check(n, ck, f"item {i + 1} of {name}") for i, n in enumerate(node.value)]
        return [v for v in out if v is not BAD]

    def kind(self) -> str:
        return f"list of {self.item.kind()}"

    def children(self) -> Iterator[tuple[str, Spec]]:
        yield from self.item.children()


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping whose keys are names the user chooses (an entity, an attribute, a currency code)."""

    value: Spec = field(default_factory=Text)
    key: Text = field(default_factory=Text)
    nullable: bool = False
    key_label: str = "name"  # what a key is, for the documentation: "currency code", "attribute"
    distinct: bool = False  # a word in the value lists may belong to one key only (else the last would win)
    keys_are_words: bool = False  # with `distinct`: a key is also one of its own words (an entity's name)

    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        if self.nullable and _is_null(node):
            return {}
        if not isinstance(node, yaml.MappingNode):
            return ck.problem(node, f"{name} must be a mapping (key: value), not {describe(value_of(node))}")
        out: dict[str, Any] = {}
        owner: dict[str, tuple[str, int]] = {}
        for key, (knode, vnode) in entries(ck.path, node, ck.problems).items():
            if self.key.check(knode, ck, f"a key of {name}") is BAD:
                continue
            value = self.value.check(vnode, ck, f"'{key}'")
            if value is not BAD:
                out[key] = value
            if self.distinct:
                self._claim_words(key, knode, vnode, owner, ck)
        return out

    def _claim_words(self, key: str, knode: yaml.Node, vnode: yaml.Node, owner: dict[str, tuple[str, int]],
                     ck: Checker) -> None:
        words = [(key, knode)] if self.keys_are_words else []
        if isinstance(vnode, yaml.SequenceNode):
            words += [(w, n) for n in vnode.value if isinstance(w := value_of(n), str)]
        for word, wnode in _first_of_each(words):
            first = owner.setdefault(word, (key, wnode.start_mark.line + 1))
            if first[0] != key:
                ck.problem(wnode, f"'{word}' already belongs to '{first[0]}' (line {first[1]}); a word can name one only")

    def kind(self) -> str:
        return f"mapping of {self.key_label} to {self.value.kind()}"

    def children(self) -> Iterator[tuple[str, Spec]]:
        yield f"<{self.key_label}>", self.value


@dataclass(frozen=True)
class Keys(Spec):
    """A mapping with a closed set of keys: an unknown key is an error, with a suggestion.

    `check_all` runs on the checked values (and the mapping node) for rules that tie keys together.
    """

    fields: Mapping[str, Spec] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    nullable: bool = False
    check_all: Callable[[KeysSeen], None] | None = None
    build: Callable[[dict[str, Any], yaml.MappingNode, Checker], Any] | None = None  # values -> a record


    def check(self, node: yaml.Node, ck: Checker, name: str) -> Any:
        if self.nullable and _is_null(node):
            return {}
        label = name or "the file"
        if not isinstance(node, yaml.MappingNode):
            keys = ", ".join(self.fields)
            return ck.problem(node, f"{label} must be a mapping with keys {keys}, not {describe(value_of(node))}")
        before = len(ck.problems)
        found = entries(ck.path, node, ck.problems)
        out: dict[str, Any] = {}
        for key, (knode, vnode) in found.items():
            spec = self.fields.get(key)
            if spec is None:
                where = f" in {name}" if name else ""
                top = "top-level " if not name else ""
                ck.problem(knode, f"unknown {top}key '{key}'{where}{suggest(key, self.fields)} "
                                  f"(keys: {', '.join(self.fields)})")
                continue
            value = spec.check(vnode, ck, f"'{key}'")
            if value is not BAD:
                out[key] = value
        missing = [k for k in self.required if k not in found]
        for key in missing:
            ck.problem(node, f"{label} has no '{key}' (required)")
        if self.check_all is not None and not missing:
            self.check_all(KeysSeen(name.strip("'"), out, node, found, ck))
        if self.build is not None:
            return self.build(out, node, ck) if len(ck.problems) == before else BAD
        return out

    def kind(self) -> str:
        return "mapping"

    def children(self) -> Iterator[tuple[str, Spec]]:
        yield from self.fields.items()


@dataclass(frozen=True)
class KeysSeen:
    """What a `Keys.check_all` hook sees: the mapping's own name (its key in the parent), its checked
    values, its node and its entries, and the checker to report to."""

    name: str
    values: dict[str, Any]
    node: yaml.MappingNode
    found: dict[str, tuple[yaml.Node, yaml.Node]]
    ck: Checker

    def problem(self, key: str, message: str) -> None:
        """Report at the value of `key` (or at the mapping when the key is absent)."""
        self.ck.problem(self.found[key][1] if key in self.found else self.node, message)


def _first_of_each(words: list[tuple[str, yaml.Node]]) -> list[tuple[str, yaml.Node]]:
    """Each word once (an entity's name is often also the first of its own aliases)."""
    seen: dict[str, yaml.Node] = {}
    for word, node in words:
        seen.setdefault(word, node)
    return list(seen.items())


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def walk(spec: Spec, prefix: str = "") -> Iterator[tuple[str, Spec]]:
    """Every key path of a schema with its spec: `hedges.<name>.width`, ... (for docs and tests)."""
    for name, child in spec.children():
        path = f"{prefix}.{name}" if prefix else name
        yield path, child
        yield from walk(child, path)


__all__ = ["BAD", "Checker", "ConfigError", "Date", "Flag", "Keys", "KeysSeen", "ListOf", "MapOf", "Number", "Spec", "Text",
           "compose_file", "compose_text", "describe", "entries", "loc", "safe_compose", "safe_load", "suggest",
           "value_of", "walk"]
