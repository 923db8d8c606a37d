"""`factcheck review` and how `factcheck check` applies its decisions, driven as an editor would:
answers typed at the prompts (click's CliRunner and a real process with stdin), then `check` again."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, write_article

from factcheck.cli import main
from factcheck.decisions import FILE_NAME, load_decisions


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


def test_set_without_paths_writes_the_file_in_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(main, ["review", "--set", "abcdef0123456789", "dismissed", "--reason", "seen"])
    assert res.exit_code == 0, res.output
    assert load_decisions(tmp_path / FILE_NAME)["abcdef0123456789"].reason == "seen"
    res = runner.invoke(main, ["review", "--set", "1111111111111111", "open"])
    assert res.exit_code == 2 and "holds no decision" in res.output


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
