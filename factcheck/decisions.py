"""Review decisions: an editor's verdict on a finding (confirmed, dismissed, fixed), kept in a YAML
file beside the corpus and keyed by the finding's fingerprint, so that the next run shows only what
is still open.

The file is data people edit and merge: entries are sorted by fingerprint, one block each, and it is
validated on load with the line of every mistake. Every change takes the file's lock, re-reads it,
applies itself and writes it atomically (through a symlink, to its target), so that reviews run at
once lose nothing; a file that does not load is never written over. It stays fast at 10^5 entries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import gc
import getpass
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml
from filelock import FileLock, Timeout

from factcheck.core.files import remove_orphans, target_of, write_atomic
from factcheck.core.records import Finding
from factcheck.core.yamlcheck import safe_compose

FILE_NAME = "factcheck-decisions.yaml"
STATUSES = ("confirmed", "dismissed", "fixed")  # "open" is the absence of a decision
OPEN_STATUSES = ("open", "confirmed")  # these still count toward the exit code and are shown
ENTRY_KEYS = ("status", "reason", "who", "when", "rule", "fact")
TOP_KEYS = ("version", "decisions")
VERSION = 1
FINGERPRINT = re.compile(r"^[0-9a-f]{6,64}$")
PREFIX = re.compile(r"^[0-9a-f]{4,64}$")  # what `review --set` accepts: a fingerprint or a unique prefix of it
FULL_DIGITS = 16  # a finding's fingerprint, as the rules make it
LOCK_TIMEOUT = 60.0  # seconds to wait for another writer; a write holds the lock for a few seconds at most
T = TypeVar("T")
CONFLICT_MARK = re.compile(r"^(<{7}|={7}|>{7}|\|{7})( |\r?$)", re.MULTILINE)  # what a version-control merge leaves
HEADER = (
    "# factcheck review decisions: one entry per finding fingerprint, sorted so that it merges cleanly.\n"
    "# Written by `factcheck review`; safe to edit by hand (`factcheck check` names the line of any mistake).\n"
    "# status: confirmed (a real conflict, still counted), dismissed (not a conflict: reason required),\n"
    "# fixed (corrected in our copy). Delete an entry to reopen its finding.\n"
)


_NULL_TAG = "tag:yaml.org,2002:null"
_STR_TAG = "tag:yaml.org,2002:str"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml when PyYAML has it
    """Builds the node tree of a decisions file, fast: every value in it is text, so a plain scalar is
    told apart only as null or a string (PyYAML's resolver tried a dozen patterns on each)."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _NULL_TAG if value in _NULLS else _STR_TAG
        return str(super().resolve(kind, value, implicit))


class DecisionsError(Exception):
    """A decisions file that does not load; each problem is `path:line: what is wrong`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Decision:
    """One editor's verdict on one finding. `rule` and `fact` only help a person reading the file."""

    fingerprint: str
    status: str
    reason: str = ""
    who: str = ""
    when: str = ""
    rule: str = ""
    fact: str = ""
    line: int = dataclasses.field(default=0, compare=False)  # where it stands in the file, for messages

    def to_json(self) -> dict[str, str]:
        """The `decision` object of a finding in the JSON contract."""
        return {"reason": self.reason, "who": self.who, "when": self.when}

    def entry(self) -> dict[str, str]:
        """The entry as written to the file (empty fields left out)."""
        return {k: getattr(self, k) for k in ENTRY_KEYS if getattr(self, k)}


def default_path(paths: Sequence[str | os.PathLike[str]]) -> Path:
    """`factcheck-decisions.yaml` in the folder the articles are in (the folder given, or the one
    folder all given files share), else in the current directory."""
    folders = {(p if p.is_dir() else p.parent) for p in map(Path, paths)}
    if len({f.resolve() for f in folders}) == 1:
        return next(iter(folders)) / FILE_NAME
    return Path(FILE_NAME)


def current_user(who: str | None = None) -> str:
    """Who decides: the --who given, else $FACTCHECK_USER, else the login name."""
    if who and who.strip():
        return who.strip()
    if os.environ.get("FACTCHECK_USER", "").strip():
        return os.environ["FACTCHECK_USER"].strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (e.g. a container without a passwd entry)
        return "unknown"


def now() -> str:
    """An ISO 8601 timestamp in UTC, to the second."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- loading and validation -------------------------------------------------------------------


def load_decisions(path: str | os.PathLike[str]) -> dict[str, Decision]:
    """The decisions in `path` by fingerprint; a missing file is no decisions.

    Raises DecisionsError naming each problem with its line; nothing is guessed or dropped.
    """
    path = Path(path)
    if not path.exists():
        return {}
    if path.is_dir():
        raise DecisionsError([f"{path}: is a folder, not a decisions file"])
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DecisionsError([f"{path}: cannot read it ({exc.strerror or exc})"]) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecisionsError([f"{path}:{line}: not UTF-8 text (byte {exc.start})"]) from exc
    conflict = CONFLICT_MARK.search(text) if any(c * 7 in text for c in "<=>|") else None
    if conflict:
        line = text.count("\n", 0, conflict.start()) + 1
        raise DecisionsError([(f"{path}:{line}: an unresolved merge conflict: keep the entries of both sides and"
                               " delete the marker lines")])
    problems: list[str] = []
    with _collector_paused():
        decisions = _read_root(str(path), _compose(path, text), problems)
    if problems:
        raise DecisionsError(problems)
    return decisions


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the nodes and decisions of a large file are built: they hold
    no cycles, and its passes over them, again and again, made 10^5 entries load five times slower."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compose(path: Path, text: str) -> yaml.Node | None:
    """The file's YAML node tree (lines kept for messages); a syntax error is a DecisionsError with its line."""
    try:
        return safe_compose(text, loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "see above"
        if exc.context and exc.problem and exc.context_mark:
            what += f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise DecisionsError([f"{path}:{line}: not valid YAML: {what}"]) from exc
    except yaml.reader.ReaderError as exc:  # a control character: find it (libyaml counts bytes, not characters)
        bad = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        line = text.count("\n", 0, max(text.find(bad), 0)) + 1
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        raise DecisionsError([f"{path}:{line}: not valid YAML: character {char} is not allowed"]) from exc
    except yaml.YAMLError as exc:
        raise DecisionsError([f"{path}:1: not valid YAML: {' '.join(str(exc).split())}"]) from exc


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _read_root(path: str, root: yaml.Node | None, problems: list[str]) -> dict[str, Decision]:
    if root is None:  # an empty file, or only comments
        return {}
    if not isinstance(root, yaml.MappingNode):
        problems.append(f"{path}:{_line(root)}: expected a mapping with a 'decisions:' key")
        return {}
    decisions: dict[str, Decision] = {}
    for key, value in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else ""
        if name == "decisions":
            decisions = _read_entries(path, value, problems)
        elif name == "version":
            if not (isinstance(value, yaml.ScalarNode) and value.value == str(VERSION)):
                problems.append(f"{path}:{_line(value)}: version must be {VERSION}")
        else:
            problems.append(f"{path}:{_line(key)}: unknown key '{name}'{_suggest(name, TOP_KEYS)}"
                            f" (expected {', '.join(TOP_KEYS)})")
    return decisions


def _read_entries(path: str, node: yaml.Node, problems: list[str]) -> dict[str, Decision]:
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return {}
    if not isinstance(node, yaml.MappingNode):
        problems.append(f"{path}:{_line(node)}: 'decisions' must map each fingerprint to its decision")
        return {}
    out: dict[str, Decision] = {}
    first_line: dict[str, int] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            problems.append(f"{path}:{_line(key)}: a fingerprint must be a plain string")
            continue
        fingerprint = key.value.strip().lower()
        if not FINGERPRINT.match(fingerprint):
            problems.append(f"{path}:{_line(key)}: '{key.value}' is not a finding fingerprint (hex digits, as"
                            " `factcheck check --format json` shows them)")
            continue
        if fingerprint in first_line:
            problems.append(f"{path}:{_line(key)}: a second entry for {fingerprint} (the first is on line"
                            f" {first_line[fingerprint]})")
            continue
        first_line[fingerprint] = _line(key)
        decision = _read_entry(path, fingerprint, _line(key), value, problems)
        if decision:
            out[fingerprint] = decision
    return out


def _read_entry(path: str, fingerprint: str, line: int, node: yaml.Node, problems: list[str]) -> Decision | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append(f"{path}:{_line(node)}: the decision for {fingerprint} must be a mapping"
                        f" ({', '.join(ENTRY_KEYS)})")
        return None
    fields: dict[str, str] = {}
    nodes: dict[str, yaml.Node] = {}
    ok = True
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else ""
        if name not in ENTRY_KEYS:
            problems.append(f"{path}:{_line(key)}: unknown key '{name}'{_suggest(name, ENTRY_KEYS)}"
                            f" (expected {', '.join(ENTRY_KEYS)})")
            ok = False
        elif not isinstance(value, yaml.ScalarNode):
            problems.append(f"{path}:{_line(value)}: '{name}' must be a single value")
            ok = False
        else:
            fields[name] = "" if value.tag == _NULL_TAG else value.value.strip()
            nodes[name] = value
    status = fields.get("status", "")
    if not status:
        problems.append(f"{path}:{_line(node)}: the decision for {fingerprint} has no status"
                        f" ({', '.join(STATUSES)})")
        return None
    if status not in STATUSES:
        hint = ("; delete the entry to reopen the finding" if status == "open"
                else _suggest(status, STATUSES) or f" (expected {', '.join(STATUSES)})")
        problems.append(f"{path}:{_line(nodes['status'])}: unknown status '{status}'{hint}")
        return None
    if status == "dismissed" and not fields.get("reason"):
        problems.append(f"{path}:{_line(node)}: dismissing {fingerprint} needs a reason")
        ok = False
    when = fields.get("when", "")
    if when and not _is_timestamp(when):
        problems.append(f"{path}:{_line(nodes['when'])}: 'when' is not an ISO timestamp: '{when}'")
        ok = False
    return Decision(fingerprint=fingerprint, line=line, **fields) if ok else None


def _is_timestamp(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


# --- writing ----------------------------------------------------------------------------------


def render(decisions: dict[str, Decision]) -> str:
    """The file's text: a header, then one block per fingerprint in sorted order, long lines kept whole.
    What yaml.safe_dump would write, built line by line: at 10^5 entries the dumper took a minute."""
    if not decisions:
        return HEADER + f"version: {VERSION}\ndecisions: {{}}\n"
    lines = [HEADER, f"version: {VERSION}\ndecisions:\n"]
    for fp in sorted(decisions):
        lines.append(f"  {_scalar(fp)}:\n")
        lines += [f"    {key}: {_scalar(value)}\n" for key, value in decisions[fp].entry().items()]
    return "".join(lines)


_PLAIN_START = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@`\s]|[-?:](?=\S)")  # no YAML indicator or space first
_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=65536)
def _scalar(text: str) -> str:
    """One string as YAML writes it, on one line: plain when it reads back as the same string, else in
    single quotes, else (a control character or a line break) double-quoted by PyYAML itself."""
    printable = text.isprintable()
    plain = (printable and _PLAIN_START.match(text) is not None and not text.startswith(("---", "..."))
             and not text.endswith((" ", ":"))
             and ": " not in text and " #" not in text
             and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG)
    if plain:
        return text
    if printable:
        return "'" + text.replace("'", "''") + "'"
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=2**31 - 1).rstrip("\n")


def save_decisions(path: str | os.PathLike[str], decisions: dict[str, Decision]) -> None:
    """Write the decisions atomically (a reader never sees half a file). Not locked: see `update`."""
    write_atomic(Path(path), render(decisions))


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock beside the decisions file (beside its target when it is a symlink): a hidden file, so
    no folder scan reads it as an article. It stays, empty; the lock itself dies with its process."""
    target = target_of(path)
    return target.with_name(f".{target.name}.lock")


def update(path: str | os.PathLike[str], change: Callable[[dict[str, Decision]], T]) -> T:
    """Change the decisions file safely while others may too: take its lock, re-read it, let `change`
    edit the decisions in place (it may raise to write nothing), and write it atomically. Returns what
    `change` returns. DecisionsError when the file does not load (it is left as it is); TimeoutError
    when another writer holds the lock for over LOCK_TIMEOUT seconds."""
    target = target_of(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = lock_path(target)
    try:
        shared = target.stat().st_mode & 0o666  # whoever may write the file may take its lock
    except OSError:
        shared = -1  # filelock's default: as the umask allows
    try:
        with FileLock(lock, timeout=LOCK_TIMEOUT, mode=shared):
            decisions = load_decisions(target)
            out = change(decisions)
            remove_orphans(target)  # a write that was killed left its temporary file; none is at work now
            save_decisions(target, decisions)
    except Timeout as exc:
        raise TimeoutError(f"another factcheck has held {lock} for over {LOCK_TIMEOUT:.0f} s; {path} was not"
                           " changed: try again") from exc
    return out


def record(path: str | os.PathLike[str], decision: Decision) -> dict[str, Decision]:
    """Save one decision at once, under the file's lock and on a fresh read of it (so decisions saved
    meanwhile, by another review or by hand, are kept): set it or, for status "open", remove the entry.
    A file that no longer loads is left alone (DecisionsError)."""

    def change(decisions: dict[str, Decision]) -> dict[str, Decision]:
        if decision.status == "open":
            decisions.pop(decision.fingerprint, None)
        else:
            decisions[decision.fingerprint] = decision
        return decisions

    return update(path, change)


def match_prefix(prefix: str, fingerprints: Iterable[str]) -> list[str]:
    """The fingerprints that start with `prefix` (each once, sorted): one for a unique prefix."""
    return sorted({fp for fp in fingerprints if fp.startswith(prefix)})


# --- applying ---------------------------------------------------------------------------------


def apply_decisions(findings: Sequence[Finding], decisions: dict[str, Decision]
                    ) -> tuple[list[Finding], list[Decision]]:
    """Each finding with its decided status, and the decisions that match no finding (stale: the
    figure changed, the article went, or the rule no longer fires)."""
    out = [dataclasses.replace(f, status=decisions[f.fingerprint].status) if f.fingerprint in decisions else f
           for f in findings]
    current = {f.fingerprint for f in findings}
    stale = [d for fp, d in sorted(decisions.items()) if fp not in current]
    return out, stale


__all__ = ["FILE_NAME", "STATUSES", "Decision", "DecisionsError", "apply_decisions", "current_user",
           "default_path", "load_decisions", "lock_path", "match_prefix", "record", "save_decisions", "update"]
