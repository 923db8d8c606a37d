"""Hostile inputs, timed: for each case, the exit code, the wall time and the peak memory of one
`factcheck` run, as a Markdown table (issue 11: nothing lost, nothing injected, nothing hangs).

    python benchmarks/hostile_inputs.py                 # every case, 150 s each at most
    python benchmarks/hostile_inputs.py --only bomb,template --timeout 60

It runs `python -m factcheck` from the current folder, so run it from a checkout to measure that
checkout (another one's code: `cd ../old && python ../new/benchmarks/hostile_inputs.py`). Inputs are
generated in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GOOD = "Harbour Steel said its revenue was $412 million in 2024, up 8% from a year earlier.\n"
SENTENCE = "DeepSeek said revenue rose 12% to $5.6 million in the first quarter, while Nvidia lost $589 billion on " \
           "January 27, 2025. "


def article(folder: Path, name: str, body: str, source: str = "Valley Post", published: str = "2025-01-28") -> Path:
    path = folder / name
    path.write_text(f"---\nsource: {source}\npublished: {published}\n---\n{body}", encoding="utf-8")
    return path


def good_pair(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    article(folder, "good1.md", GOOD)
    article(folder, "good2.md", GOOD.replace("$412", "$498"), source="Coast Times")
    return folder


def bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def rule_file(path: Path, count: int, pad: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("rules:\n")
        for i in range(count):
            fh.write(f'  - id: r{i}\n    kind: weekday\n    description: "{"x" * pad}"\n')
    return path


def message_rule(path: Path, message: str) -> Path:
    path.write_text(f"rules:\n  - id: figure-conflict\n    kind: figure_conflict\n    message: {json.dumps(message)}\n",
                    encoding="utf-8")
    return path


# Each case makes its inputs in `tmp` and returns the arguments of one factcheck run.
Case = Callable[[Path], list[str]]


def _year_one(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "y1")
    article(folder, "old.md", "Harbour Steel said its revenue was $450 million, up 8%.\n", "Old Wire", "0001-01-05")
    return ["check", str(folder), "--no-report"]


def _surrogate(tmp: Path) -> list[str]:
    rows = [{"id": "a", "source": "Valley Post", "published": "2025-01-28", "text": "\ud83d " + GOOD},
            {"id": "b", "source": "Coast Times", "published": "2025-01-28", "text": GOOD.replace("$412", "$498")}]
    path = tmp / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return ["check", str(path), "--output", str(tmp / "out")]


def _bomb_rules(tmp: Path) -> list[str]:
    path = tmp / "bomb.yaml"
    path.write_text(bomb() + "rules:\n  - id: x\n    kind: weekday\n    description: *a9\n", encoding="utf-8")
    return ["check", str(good_pair(tmp / "g")), "--rules", str(path), "--no-report"]


def _bomb_front_matter(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "fm")
    (folder / "bomb.md").write_text("---\n" + bomb() + "source: *a9\n---\n" + GOOD, encoding="utf-8")
    return ["check", str(folder), "--no-report"]


def _rules_10mb(tmp: Path) -> list[str]:
    return ["rules", "list", "--rules", str(rule_file(tmp / "r10mb.yaml", 60_000, 100))]


def _rules_20k(tmp: Path) -> list[str]:
    return ["rules", "list", "--rules", str(rule_file(tmp / "r20k.yaml", 20_000))]


def _article_50mb(tmp: Path) -> list[str]:
    paragraph = SENTENCE * 5 + "\n\n"
    return ["check", str(article(tmp, "big.md", paragraph * (50_000_000 // len(paragraph)))), "--no-report"]


def _line_5mb(tmp: Path) -> list[str]:
    return ["check", str(article(tmp, "line.md", SENTENCE * (5_000_000 // len(SENTENCE)) + "\n")), "--no-report"]


def _line_4_9mb(tmp: Path) -> list[str]:
    return ["check", str(article(tmp, "line.md", SENTENCE * (4_900_000 // len(SENTENCE)) + "\n")), "--no-report"]


def _jsonl_200k(tmp: Path) -> list[str]:
    path = tmp / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(200_000):
            fh.write(json.dumps({"id": f"a{i}", "source": f"S{i % 50}", "published": "2025-01-28",
                                 "text": f"Revenue was ${i % 97 + 1} million in 2024, up {i % 13 + 1}%."}) + "\n")
    return ["check", str(path), "--no-report", "--format", "json"]


def _template(message: str) -> Case:
    def make(tmp: Path) -> list[str]:
        return ["check", str(good_pair(tmp / "g")), "--rules", str(message_rule(tmp / "t.yaml", message)),
                "--no-report", "--format", "json"]
    return make


def _output(where: str) -> Case:
    def make(tmp: Path) -> list[str]:
        (tmp / "afile").write_text("a file", encoding="utf-8")
        return ["check", str(good_pair(tmp / "g")), "--output", where.replace("TMP", str(tmp))]
    return make


def _unclosed_html(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "h")
    (folder / "page.html").write_text(f"<html><body><header><a href='/'>Home</a><article><p>{GOOD.replace('$412', '$450')}"
                                      "</p></article></body></html>", encoding="utf-8")
    return ["check", str(folder), "--no-report", "--show-all"]


def _binary(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "b")
    (folder / "blob.md").write_bytes(bytes(range(256)) * 4_000)
    return ["check", str(folder), "--no-report"]


def _nested_yaml(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "n")
    (folder / "nested.md").write_text("---\nsource: " + "[" * 50_000 + "]" * 50_000 + "\n---\n" + GOOD)
    return ["check", str(folder), "--no-report"]


def _nested_rules(tmp: Path) -> list[str]:
    rules = tmp / "nested.yaml"
    rules.write_text("rules:\n" + "".join(" " * i + "- a:\n" for i in range(0, 6_000, 2)), encoding="utf-8")
    return ["check", str(good_pair(tmp / "g")), "--rules", str(rules), "--no-report"]


def _mixed_endings(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "m")
    text = "---\r\nsource: Endings\n\rpublished: 2025-01-28\r\n---\n\r\n" + GOOD.replace(", ", ",\r\n") * 2_000
    (folder / "endings.md").write_bytes(text.encode("utf-8"))
    return ["check", str(folder), "--no-report"]


def _odd_digits(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "d")
    text = "Revenue was ٥٠ million, ５０ billion, 𝟓 percent, ² and ½; 99999999999999999999999999 billion; 1e309. "
    article(folder, "digits.md", text * 2_000)
    return ["check", str(folder), "--no-report"]


def _symlink_loop(tmp: Path) -> list[str]:
    folder = good_pair(tmp / "s")
    os.symlink(folder / "b.md", folder / "a.md")
    os.symlink(folder / "a.md", folder / "b.md")
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "back")
    return ["check", str(folder), "--no-report"]


CASES: dict[str, Case] = {
    "year-1 published date": _year_one,
    "lone surrogate in .jsonl, reports written": _surrogate,
    "alias bomb in a rule file": _bomb_rules,
    "alias bomb in front matter": _bomb_front_matter,
    "rules list, 9 MB rule file (60,000 rules)": _rules_10mb,
    "rules list, 20,000 rules": _rules_20k,
    "one article of 50 MB": _article_50mb,
    "one line of 5 MB (over the default limit)": _line_5mb,
    "one line of 4.9 MB (under the limit)": _line_4_9mb,
    "200,000 short .jsonl articles (--format json)": _jsonl_200k,
    "200,000 short .jsonl articles (table)": lambda tmp: [a for a in _jsonl_200k(tmp) if a not in ("--format", "json")],
    "template {a_text.__class__.__base__.__subclasses__}": _template(
        "{a_text.__class__.__base__.__subclasses__} {entity}"),
    "template {a_text:>999999999}": _template("{a_text:>999999999}"),
    "report folder under a file": _output("TMP/afile/reports"),
    "report folder in a system path": _output("/proc/factcheck-reports"),
    "report folder on a read-only file system": _output("/sys/factcheck-reports"),
    "unclosed <header> in HTML": _unclosed_html,
    "binary file (1 MB)": _binary,
    "deeply nested YAML front matter": _nested_yaml,
    "deeply nested YAML rule file": _nested_rules,
    "mixed line endings": _mixed_endings,
    "odd digits": _odd_digits,
    "symlink loops": _symlink_loop,
}


def prepare(make: Case, tmp: Path) -> list[str]:
    """Make a case's inputs in a child process: Linux counts the memory a process had when it was forked
    in its children's peak, so the measuring process must stay small."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        with os.fdopen(writer, "w") as out:
            out.write(json.dumps(make(tmp)))
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as fh:
        args = json.loads(fh.read())
    os.waitpid(pid, 0)
    return args


def measure(args: list[str], timeout: float) -> tuple[str, float, float, str]:
    """(exit code or 'timeout', seconds, peak resident MB, a line of stderr) of one run: the first line, or the
    exception's when there is a traceback."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdout=out, stderr=err,
                                start_new_session=True)
        status: int | None = None
        usage = None
        while time.monotonic() - start < timeout:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            status = None
        seconds = time.monotonic() - start
        err.seek(0)
        lines = [line for line in err.read().decode("utf-8", "replace").splitlines() if line.strip()]
    code = "timeout" if status is None else str(os.waitstatus_to_exitcode(status))
    note = lines[-1] if any("Traceback" in line for line in lines) else (lines[0] if lines else "")
    return code, seconds, usage.ru_maxrss / 1024 if usage else 0.0, note[:110]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated words; run the cases whose name holds one")
    parser.add_argument("--timeout", type=float, default=150.0, help="seconds before a run is stopped (a hang)")
    opts = parser.parse_args()
    words = [w.strip().lower() for w in opts.only.split(",") if w.strip()]
    print("| case | exit | time (s) | peak memory (MB) | on stderr |")
    print("| --- | --- | --- | --- | --- |")
    for name, make in CASES.items():
        if words and not any(w in name.lower() for w in words):
            continue
        with tempfile.TemporaryDirectory(prefix="factcheck-hostile-") as tmp:
            code, seconds, mb, note = measure(prepare(make, Path(tmp)), opts.timeout)
        print(f"| {name} | {code} | {seconds:.1f} | {mb:,.0f} | {note.replace('|', '/')} |", flush=True)


if __name__ == "__main__":
    main()
