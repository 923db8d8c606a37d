"""`factcheck review` and how `factcheck check` applies its decisions, driven as an editor would:
answers typed at the prompts (click's CliRunner and a real process with stdin), then `check` again."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shlex
import shutil
import signal
import stat
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, write_article
from filelock import FileLock

from factcheck.cli import main
from factcheck.cli.review import review
from factcheck.decisions import FILE_NAME, load_decisions, lock_path


def _corpus(folder: Path) -> Path:
    """Two outlets: they disagree on the proceeds and on the first-day gain (errors), and one names
    the wrong weekday (a warning)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_article(folder, "ledger.md", "Acme Corp raised $40 million in its listing on March 3, 2025.\n\n"
                  "Its shares closed 12% higher on the first day of trading.\n",
                  source="Harbour Ledger", published="2025-03-05")
    write_article(folder, "herald.md", "Acme Corp raised $90 million in its listing on March 3, 2025.\n\n"
                  "The shares closed 21% higher on the first day of trading, on Sunday, March 3, 2025.\n",
                  source="Northgate Herald", published="2025-03-06")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _corpus(tmp_path / "corpus")


def cli(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env={"FACTCHECK_USER": "ana", **(env or {})},
                              catch_exceptions=False)


def findings(folder: Path, *extra: str) -> list[dict]:
    res = cli("check", str(folder), "--format", "json", "--no-report", *extra)
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)["findings"]


def test_review_dismiss_one_confirm_one_then_check_shows_the_rest(corpus: Path) -> None:
    before = cli("check", str(corpus), "--no-report")
    assert before.exit_code == 1
    open_before = findings(corpus)
    errors = [f for f in open_before if f["severity"] == "error"]
    assert len(errors) == 2
    first, second = errors  # the walk goes most severe first, in the order check lists them

    res = cli("review", str(corpus), input="d\nthe Herald counts the greenshoe option\nc\n\nq\n")
    assert res.exit_code == 0, res.output
    # both passages, the claims marked, sources and dates
    assert "Finding 1 of 3" in res.stdout and "Finding 3 of 3" in res.stdout
    assert "Harbour Ledger · 2025-03-05" in res.stdout and "Northgate Herald · 2025-03-06" in res.stdout
    assert "«$40 million»" in res.stdout and "«$90 million»" in res.stdout
    assert "This session: 1 confirmed, 1 dismissed. 1 finding(s) still open." in res.stdout

    saved = load_decisions(corpus / FILE_NAME)
    assert {fp: (d.status, d.reason, d.who) for fp, d in saved.items()} == {
        first["fingerprint"]: ("dismissed", "the Herald counts the greenshoe option", "ana"),
        second["fingerprint"]: ("confirmed", "", "ana"),
    }
    assert saved[first["fingerprint"]].when.endswith("Z") and saved[first["fingerprint"]].rule == first["rule"]

    after = cli("check", str(corpus), "--no-report")
    assert after.exit_code == 1  # the confirmed error still counts
    assert "│ dismissed" not in after.stdout and "│ confirmed" in after.stdout
    assert "(1 dismissed or fixed findings not shown; use --show-all)" in after.stdout
    assert "findings: 1 error, 1 warning" in after.stdout and "2 decided (1 confirmed, 1 dismissed)" in after.stdout
    shown = {f["fingerprint"]: f for f in findings(corpus)}
    assert first["fingerprint"] not in shown
    assert shown[second["fingerprint"]]["status"] == "confirmed"
    everything = {f["fingerprint"]: f for f in findings(corpus, "--show-all")}
    assert everything[first["fingerprint"]]["status"] == "dismissed"
    assert everything[first["fingerprint"]]["decision"]["reason"] == "the Herald counts the greenshoe option"
    assert "│ dismissed" in cli("check", str(corpus), "--no-report", "--show-all").stdout


def test_exit_code_follows_the_decisions(corpus: Path) -> None:
    errors = [f["fingerprint"] for f in findings(corpus) if f["severity"] == "error"]
    assert cli("review", str(corpus), "--set", errors[0], "fixed").exit_code == 0
    assert cli("check", str(corpus), "--no-report").exit_code == 1
    assert cli("review", str(corpus), "--set", errors[1][:8], "dismissed", "--reason", "different share class"
               ).exit_code == 0
    res = cli("check", str(corpus), "--no-report")
    assert res.exit_code == 0, res.output  # only the weekday warning is left open
    assert cli("check", str(corpus), "--no-report", "--fail-on", "warning").exit_code == 1
    summary = json.loads(cli("check", str(corpus), "--format", "json", "--no-report").stdout)["summary"]
    assert summary["decided"] == 2 and summary["stale"] == 0 and summary["error"] == 0
    assert summary["by_status"] == {"dismissed": 1, "fixed": 1, "open": 2}  # the weekday warning, an info note
    assert cli("review", str(corpus), "--set", errors[1], "open").exit_code == 0  # reopen
    assert cli("check", str(corpus), "--no-report").exit_code == 1


def test_a_reason_is_required_to_dismiss(corpus: Path) -> None:
    res = cli("review", str(corpus), input="d\n\n   \nnot the same listing\nq\n")
    assert res.exit_code == 0
    assert "a reason is required" in res.output
    assert [d.reason for d in load_decisions(corpus / FILE_NAME).values()] == ["not the same listing"]
    res = cli("review", str(corpus), "--set", "abcdef0123456789", "dismissed")
    assert res.exit_code == 2 and "--reason" in res.output


def test_quit_skip_and_end_of_input_lose_nothing(corpus: Path) -> None:
    assert cli("review", str(corpus), input="s\nq\n").exit_code == 0
    assert not (corpus / FILE_NAME).exists()
    res = cli("review", str(corpus), input="c\nchecked with both desks\n")  # input ends at the next prompt
    assert res.exit_code == 0
    assert [d.status for d in load_decisions(corpus / FILE_NAME).values()] == ["confirmed"]
    res = cli("review", str(corpus), input="d\n")  # ends while asking why: nothing half-saved
    assert res.exit_code == 0
    assert [d.status for d in load_decisions(corpus / FILE_NAME).values()] == ["confirmed"]
    res = cli("review", str(corpus), input="x\nmaybe\ns\nq\n")
    assert res.exit_code == 0 and res.output.count("Finding 1 of 2") == 1  # a wrong key asks again


def test_review_walks_only_what_is_open(corpus: Path) -> None:
    first = cli("review", str(corpus), input="f\n\nf\n\nf\n\n")
    assert first.exit_code == 0 and "3 fixed" in first.stdout
    res = cli("review", str(corpus))
    assert res.exit_code == 0 and "Nothing to review" in res.stdout
    again = cli("review", str(corpus), "--all", input="q\n")  # --all walks decided and info findings too
    assert "Finding 1 of 4" in again.stdout and "decided: fixed by ana" in again.stdout


def test_set_names_the_finding_or_refuses(corpus: Path) -> None:
    res = cli("review", str(corpus), "--set", "0123456789abcdef", "confirmed")
    assert res.exit_code == 2 and "no finding has fingerprint 0123456789abcdef" in res.output
    res = cli("review", str(corpus), "--set", "zz", "confirmed")
    assert res.exit_code == 2 and "not a fingerprint" in res.output
    fp = findings(corpus)[0]["fingerprint"]
    res = cli("review", str(corpus), "--set", fp, "accepted")
    assert res.exit_code == 2 and "unknown status 'accepted'" in res.output
    res = cli("review", str(corpus), "--set", fp, "confirmed", "--who", "desk chief")
    assert res.exit_code == 0 and f"{fp}: confirmed; saved to {corpus / FILE_NAME}" in res.stdout
    assert load_decisions(corpus / FILE_NAME)[fp].who == "desk chief"
    assert cli("review").exit_code == 2  # the walk needs the articles


def test_set_needs_the_folder_or_a_decisions_file(tmp_path: Path, monkeypatch) -> None:
    """Without either, a decision used to land in the current folder, where the next check called it stale."""
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(main, ["review", "--set", "abcdef0123456789", "dismissed", "--reason", "seen"])
    assert res.exit_code == 2 and "--set needs the articles (PATHS)" in res.output and "--decisions FILE" in res.output
    assert list(tmp_path.iterdir()) == []
    desk = tmp_path / "desk.yaml"
    res = runner.invoke(main, ["review", "--decisions", str(desk), "--set", "abcdef0123456789", "dismissed",
                               "--reason", "seen"])
    assert res.exit_code == 0, res.output
    assert load_decisions(desk)["abcdef0123456789"].reason == "seen"
    res = runner.invoke(main, ["review", "--decisions", str(desk), "--set", "ABCD", "fixed"])  # a prefix of a decision
    assert res.exit_code == 0 and "abcdef0123456789: fixed" in res.output
    assert [d.status for d in load_decisions(desk).values()] == ["fixed"]
    res = runner.invoke(main, ["review", "--decisions", str(desk), "--set", "1111", "fixed"])
    assert res.exit_code == 2 and "needs the whole fingerprint (16 hex digits)" in res.output
    res = runner.invoke(main, ["review", "--decisions", str(desk), "--set", "1111111111111111", "open"])
    assert res.exit_code == 2 and "holds no decision" in res.output


def test_set_takes_a_short_unique_prefix_and_names_the_candidates_of_an_ambiguous_one(corpus: Path) -> None:
    fps = [f["fingerprint"] for f in findings(corpus)]
    short = next(fp[:4] for fp in fps if sum(other.startswith(fp[:4]) for other in fps) == 1)
    res = cli("review", str(corpus), "--set", short, "confirmed")
    assert res.exit_code == 0, res.output
    (fp,) = [fp for fp in fps if fp.startswith(short)]
    assert res.stdout.startswith(f"{fp}: confirmed") and load_decisions(corpus / FILE_NAME)[fp].rule
    assert "not a fingerprint" in cli("review", str(corpus), "--set", short[:3], "confirmed").output
    path = corpus / FILE_NAME
    with path.open("a", encoding="utf-8") as fh:  # two old decisions that share their first digits
        fh.write("  f00d000011112222:\n    status: fixed\n    fact: Acme / revenue\n"
                 "  f00d999911112222:\n    status: fixed\n    rule: figure-conflict\n")
    res = cli("review", str(corpus), "--set", "f00d", "open")
    assert res.exit_code == 2
    assert ("'f00d' is the start of 2 fingerprints: f00d000011112222 (Acme / revenue);"
            " f00d999911112222 (figure-conflict). Give more digits") in " ".join(res.output.split())
    assert cli("review", str(corpus), "--set", "f00d9", "open").exit_code == 0
    assert sorted(load_decisions(path)) == sorted([fp, "f00d000011112222"])


def _set_at_once(commands: list[list[str]], cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    """Start every `factcheck ARGS` at once, as separate processes, and wait for them all."""
    env = {**os.environ, "FACTCHECK_USER": "desk"}
    procs = [subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=cwd, env=env) for args in commands]
    out = []
    for args, proc in zip(commands, procs):
        stdout, stderr = proc.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(args, proc.returncode, stdout, stderr))
    return out


def test_fifty_reviews_at_once_lose_no_decision(tmp_path: Path) -> None:
    """Each used to read, change and rewrite the file, the last writer winning: 2 to 6 of 50 were left."""
    path = tmp_path / "shared" / FILE_NAME
    fps = [f"{n:04x}" + "be" * 6 for n in range(50)]
    runs = _set_at_once([["review", "--decisions", str(path), "--set", fp, "dismissed", "--reason", f"reason {n}"]
                         for n, fp in enumerate(fps)], tmp_path)
    assert [r.returncode for r in runs] == [0] * 50, [r.stderr for r in runs if r.returncode]
    kept = load_decisions(path)
    assert sorted(kept) == fps
    assert all(kept[fp].reason == f"reason {n}" and kept[fp].status == "dismissed" for n, fp in enumerate(fps))
    assert sorted(p.name for p in path.parent.iterdir()) == [lock_path(path).name, FILE_NAME]  # no temporary file


def test_reviews_at_once_on_the_findings_of_one_folder_lose_nothing(corpus: Path) -> None:
    fps = [f["fingerprint"] for f in findings(corpus)]
    runs = _set_at_once([["review", str(corpus), "--set", fp[:6], "dismissed", "--reason", f"seen {n}"]
                         for n, fp in enumerate(fps)], corpus)
    assert [r.returncode for r in runs] == [0] * len(fps), [r.stderr for r in runs if r.returncode]
    assert sorted(load_decisions(corpus / FILE_NAME)) == sorted(fps)
    res = cli("check", str(corpus), "--no-report", "--format", "json")
    assert json.loads(res.stdout)["summary"]["articles"] == 2 and res.stderr.count("skipped") == 0  # not the lock


def test_the_interactive_review_waits_for_the_lock_and_keeps_what_was_saved_meanwhile(corpus: Path) -> None:
    """Another writer holds the lock and adds a decision: the walk's decision waits, then joins it."""
    path = corpus / FILE_NAME
    lock = FileLock(lock_path(path))
    lock.acquire()
    env = {**os.environ, "FACTCHECK_USER": "ana"}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "review", str(corpus)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("c\nboth desks agree\nq\n")
        proc.stdin.close()
        seen = ""
        while "Reason" not in seen:  # the walk has shown the first finding and takes the answers
            seen += proc.stdout.read(1) or pytest.fail(f"review ended early: {seen}")
        time.sleep(1.5)
        assert proc.poll() is None and not path.exists()  # it waits: nothing written behind the lock
        path.write_text("decisions:\n  abcdef0123456789:\n    status: fixed\n", encoding="utf-8")
    finally:
        lock.release()
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    kept = load_decisions(path)
    assert kept["abcdef0123456789"].status == "fixed"
    assert [d.reason for d in kept.values() if d.status == "confirmed"] == ["both desks agree"]


def test_a_symlinked_decisions_file_stays_a_link_and_keeps_its_mode(corpus: Path, tmp_path: Path) -> None:
    """The link used to be replaced by a file of its own (the shared target stopped getting decisions)."""
    shared = tmp_path / "newsroom" / "decisions.yaml"
    shared.parent.mkdir()
    shared.write_text("decisions:\n  abcdef0123456789:\n    status: fixed\n", encoding="utf-8")
    shared.chmod(0o640)
    link = corpus / FILE_NAME
    link.symlink_to(shared)
    fp = findings(corpus)[0]["fingerprint"]
    assert cli("review", str(corpus), "--set", fp, "confirmed").exit_code == 0
    assert link.is_symlink() and link.resolve() == shared
    assert sorted(load_decisions(shared)) == sorted([fp, "abcdef0123456789"])
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    assert not list(corpus.glob(".*.lock"))  # the lock is the target's, beside it
    assert lock_path(link) == shared.parent / ".decisions.yaml.lock"
    assert stat.S_IMODE(lock_path(link).stat().st_mode) == 0o640  # who may write the file may take its lock


KILLED_WRITE = """
import os, signal, sys
os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # die after the text is written, before the rename
from factcheck.cli import main
main(sys.argv[1:])
"""


def test_a_write_killed_midway_leaves_nothing_that_lingers_or_blocks(corpus: Path) -> None:
    """kill -9 during a write used to leave its temporary file next to the decisions for good."""
    path = corpus / FILE_NAME
    fps = [f["fingerprint"] for f in findings(corpus)]
    assert cli("review", str(corpus), "--set", fps[0], "confirmed").exit_code == 0
    before = path.read_text(encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITE, "review", "--decisions", str(path), "--set", fps[1],
                             "fixed"], check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    orphans = list(corpus.glob(f".{FILE_NAME}.*.tmp"))
    assert len(orphans) == 1 and path.read_text(encoding="utf-8") == before  # the old file whole, an orphan beside
    res = cli("check", str(corpus), "--no-report", "--format", "json")  # neither the lock nor the orphan is read
    assert json.loads(res.stdout)["summary"]["articles"] == 2 and "skipped" not in res.stderr
    assert cli("review", str(corpus), "--set", fps[1], "fixed").exit_code == 0  # the dead writer's lock is free
    assert not list(corpus.glob(f".{FILE_NAME}.*.tmp"))
    assert {fp: d.status for fp, d in load_decisions(path).items()} == {fps[0]: "confirmed", fps[1]: "fixed"}


def test_a_decision_that_matches_nothing_is_reported_stale(corpus: Path) -> None:
    fp = next(f["fingerprint"] for f in findings(corpus) if "IPO proceeds" in f["fact"])
    assert cli("review", str(corpus), "--set", fp, "dismissed", "--reason", "greenshoe").exit_code == 0
    herald = corpus / "herald.md"
    herald.write_text(herald.read_text(encoding="utf-8").replace("$90 million", "$95 million"), encoding="utf-8")
    res = cli("check", str(corpus), "--no-report", "--format", "json")
    assert res.exit_code == 1
    assert f"stale: {corpus / FILE_NAME}:" in res.stderr and fp in res.stderr
    doc = json.loads(res.stdout)
    assert doc["summary"]["stale"] == 1
    assert doc["stale_decisions"][0]["fingerprint"] == fp and doc["stale_decisions"][0]["reason"] == "greenshoe"
    assert any("IPO proceeds" in f["fact"] and f["status"] == "open" for f in doc["findings"])  # the new figure


def test_a_broken_decisions_file_stops_check_and_review_and_is_kept(corpus: Path) -> None:
    path = corpus / FILE_NAME
    text = "decisions:\n  abcdef0123456789:\n    status: dismised\n    reason: typo\n"
    path.write_text(text, encoding="utf-8")
    for args in (["check", str(corpus), "--no-report"], ["review", str(corpus), "--set", "abcdef", "open"],
                 ["review", str(corpus)]):
        res = cli(*args, input="c\n")
        assert res.exit_code == 2, args
        assert f"{path}:3: unknown status 'dismised' (did you mean 'dismissed'?)" in res.stderr
        assert "left as it is" in res.stderr and res.stdout == ""
    assert path.read_text(encoding="utf-8") == text


def test_decisions_option_and_the_file_is_not_read_as_an_article(corpus: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "desk" / "decisions.yaml"
    fp = findings(corpus)[0]["fingerprint"]
    assert cli("review", str(corpus), "--decisions", str(elsewhere), "--set", fp, "fixed").exit_code == 0
    assert not (corpus / FILE_NAME).exists()
    assert fp in {f["fingerprint"] for f in findings(corpus)}
    assert fp not in {f["fingerprint"] for f in findings(corpus, "--decisions", str(elsewhere))}
    cli("review", str(corpus), "--set", fp, "confirmed")
    res = cli("check", str(corpus), "--no-report", "--format", "json")
    assert json.loads(res.stdout)["summary"]["articles"] == 2 and "skipped" not in res.stderr


def test_reports_carry_the_decisions(corpus: Path, tmp_path: Path) -> None:
    fp = next(f["fingerprint"] for f in findings(corpus) if "IPO proceeds" in f["fact"])
    cli("review", str(corpus), "--set", fp, "dismissed", "--reason", "greenshoe | over-allotment")
    out = tmp_path / "reports"
    assert cli("check", str(corpus), "--output", str(out)).exit_code == 1
    assert fp in {f["fingerprint"] for f in json.loads((out / "report.json").read_text(encoding="utf-8"))["findings"]}
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "dismissed: greenshoe \\| over-allotment (ana)" in md  # the pipe escaped, the table intact
    csv_text = (out / "report.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].endswith(",reason,who,when") and "greenshoe | over-allotment" in csv_text
    page = (out / "report.html").read_text(encoding="utf-8")
    assert f'data-fingerprint="{fp}"' in page and "greenshoe | over-allotment" in page
    assert "<script src" not in page and "<link" not in page
    markdown = cli("check", str(corpus), "--no-report", "--format", "markdown").stdout
    assert "greenshoe" not in markdown and "use --show-all" in markdown


def _readme_review_commands() -> list[str]:
    """The commands the README's review section shows, as a reader would paste them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Review"):readme.index("```yaml", readme.index("## Review"))]
    return [line.strip() for line in section.splitlines() if line.startswith("    factcheck ")]


def test_trying_the_readme_review_examples_leaves_the_sample_corpus_as_shipped(tmp_path: Path, monkeypatch) -> None:
    """The README's example used to write factcheck-decisions.yaml into corpus/deepseek."""
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "corpus" / "deepseek", root / "corpus" / "deepseek")
    shipped = sorted(p.name for p in (root / "corpus" / "deepseek").iterdir())
    monkeypatch.chdir(root)
    commands = _readme_review_commands()
    for command in commands:
        args = shlex.split(command.replace("/tmp/", f"{tmp_path}/"))[1:]
        res = cli(*args, input="q\n")  # the walk: quit at the first finding
        assert res.exit_code in (0, 1), (command, res.output)
    assert sorted(p.name for p in (root / "corpus" / "deepseek").iterdir()) == shipped
    assert [c.split()[1] for c in commands] == ["review", "review", "check"]
    decided = load_decisions(tmp_path / "deepseek-decisions.yaml")
    assert [d.fact for d in decided.values()] == ["DeepSeek-R1 / release date"]
    examples = [line for line in review.help.splitlines() if "factcheck review corpus/" in line]
    assert examples and all("--decisions /tmp/" in line for line in examples)


def _run_with_stderr_on_a_terminal(args: list[str], answers: str, tmp_path: Path) -> tuple[int, str, str]:
    """Run `factcheck ARGS` as in a shell session: answers typed on stdin, stdout piped (to a file),
    stderr on a 100 by 24 pseudo-terminal. Returns the exit code, stdout and what the terminal showed."""
    (tmp_path / "answers.txt").write_text(answers, encoding="utf-8")
    env = {**os.environ, "FACTCHECK_USER": "night desk", "COLUMNS": "90"}
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    with open(tmp_path / "answers.txt", "rb") as stdin, open(tmp_path / "stdout.txt", "wb") as stdout:
        proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdin=stdin, stdout=stdout, stderr=slave,
                                cwd=ROOT, env=env)
        os.close(slave)
        chunks = []
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            try:
                chunk = os.read(master, 4096) if ready else b""
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = proc.wait(timeout=60)
    os.close(master)
    return code, (tmp_path / "stdout.txt").read_text(encoding="utf-8"), b"".join(chunks).decode("utf-8", "replace")


def test_review_in_a_real_process_with_stdin_and_progress_on_the_terminal(corpus: Path, tmp_path: Path) -> None:
    for n in range(22):  # enough articles for a progress bar; these have no figure, so no finding
        write_article(corpus, f"brief{n:02}.md", "Acme Corp opened an office in the harbour district.\n",
                      source=f"Outlet {n}")
    code, out, terminal = _run_with_stderr_on_a_terminal(["review", str(corpus)], "c\nboth desks agree\nq\n",
                                                         tmp_path)
    assert code == 0, terminal
    assert "reading articles" in terminal and "/24 [" in terminal  # tqdm's bar, on the terminal only
    assert "reading articles" not in out and "\x1b[" not in out  # no bar, no colour codes in piped output
    passages = [line for line in out.splitlines() if line.startswith(" " * 8)]
    assert passages and max(len(line) for line in passages) <= 90  # wrapped to the terminal's width
    (decision,) = load_decisions(corpus / FILE_NAME).values()
    assert (decision.status, decision.reason, decision.who) == ("confirmed", "both desks agree", "night desk")
    piped = cli("check", str(corpus), "--no-report", "--fail-on", "never")  # stderr not a terminal: quiet
    assert piped.exit_code == 0 and piped.stderr == ""
