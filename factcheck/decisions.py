"""Review decisions: an editor's verdict on a finding (confirmed, dismissed, fixed), kept in a YAML
file beside the corpus and keyed by the finding's fingerprint, so that the next run shows only what
is still open.

The file is data people edit and merge: entries are sorted by fingerprint, one block each, and it is
validated on load with the line of every mistake. It is written atomically and never written over
when it does not load.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import getpass
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from factcheck.records import Finding
from factcheck.yamlcheck import safe_compose

FILE_NAME = "factcheck-decisions.yaml"
STATUSES = ("confirmed", "dismissed", "fixed")  # "open" is the absence of a decision
OPEN_STATUSES = ("open", "confirmed")  # these still count toward the exit code and are shown
ENTRY_KEYS = ("status", "reason", "who", "when", "rule", "fact")
TOP_KEYS = ("version", "decisions")
VERSION = 1
FINGERPRINT = re.compile(r"^[0-9a-f]{6,64}$")
CONFLICT_MARK = re.compile(r"^(<{7}|={7}|>{7}|\|{7})( |$)")  # what a version-control merge leaves
HEADER = (
    "# factcheck review decisions: one entry per finding fingerprint, sorted so that it merges cleanly.\n"
    "# Written by `factcheck review`; safe to edit by hand (`factcheck check` names the line of any mistake).\n"
    "# status: confirmed (a real conflict, still counted), dismissed (not a conflict: reason required),\n"
    "# fixed (corrected in our copy). Delete an entry to reopen its finding.\n"
)


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
    conflicts = [n for n, line in enumerate(text.splitlines(), 1) if CONFLICT_MARK.match(line)]
    if conflicts:
        raise DecisionsError([f"{path}:{n}: an unresolved merge conflict: keep the entries of both sides and delete"
                              " the marker lines" for n in conflicts[:1]])
    try:
        root = safe_compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "see above"
        if exc.context and exc.problem and exc.context_mark:
            what += f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise DecisionsError([f"{path}:{line}: not valid YAML: {what}"]) from exc
    except yaml.reader.ReaderError as exc:  # a control character: it has a position, not a mark
        line = text[: exc.position].count("\n") + 1
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        raise DecisionsError([f"{path}:{line}: not valid YAML: character {char} is not allowed"]) from exc
    except yaml.YAMLError as exc:
        raise DecisionsError([f"{path}:1: not valid YAML: {' '.join(str(exc).split())}"]) from exc
    problems: list[str] = []
    decisions = _read_root(str(path), root, problems)
    if problems:
        raise DecisionsError(problems)
    return decisions


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
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
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
    lines: dict[str, int] = {}
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
            fields[name] = "" if value.tag.endswith(":null") else value.value.strip()
            lines[name] = _line(value)
    status = fields.get("status", "")
    if not status:
        problems.append(f"{path}:{_line(node)}: the decision for {fingerprint} has no status"
                        f" ({', '.join(STATUSES)})")
        return None
    if status not in STATUSES:
        hint = ("; delete the entry to reopen the finding" if status == "open"
                else _suggest(status, STATUSES) or f" (expected {', '.join(STATUSES)})")
        problems.append(f"{path}:{lines['status']}: unknown status '{status}'{hint}")
        return None
    if status == "dismissed" and not fields.get("reason"):
        problems.append(f"{path}:{_line(node)}: dismissing {fingerprint} needs a reason")
        ok = False
    when = fields.get("when", "")
    if when and not _is_timestamp(when):
        problems.append(f"{path}:{lines['when']}: 'when' is not an ISO timestamp: '{when}'")
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
    """The file's text: a header, then one block per fingerprint in sorted order, long lines kept whole."""
    entries = {fp: decisions[fp].entry() for fp in sorted(decisions)}
    body = yaml.safe_dump({"version": VERSION, "decisions": entries}, sort_keys=False, allow_unicode=True,
                          default_flow_style=False, width=2**31 - 1)
    return HEADER + body


def save_decisions(path: str | os.PathLike[str], decisions: dict[str, Decision]) -> None:
    """Write the decisions atomically (a reader never sees half a file)."""
    from factcheck.report import write_atomic  # report imports pipeline, which imports this module

    write_atomic(Path(path), render(decisions))


def record(path: str | os.PathLike[str], decision: Decision) -> dict[str, Decision]:
    """Save one decision at once: re-read the file (so edits made meanwhile are kept), set or, for
    status "open", remove the entry, and write it back. A file that no longer loads is left alone
    (DecisionsError)."""
    decisions = load_decisions(path)
    if decision.status == "open":
        decisions.pop(decision.fingerprint, None)
    else:
        decisions[decision.fingerprint] = decision
    save_decisions(path, decisions)
    return decisions


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
           "default_path", "load_decisions", "record", "save_decisions"]
