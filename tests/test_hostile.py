"""Hostile and broken input: one bad article is one skipped article, nothing hangs or eats memory,
rule files are data, and exit codes mean one thing each (issue 11).

Each case runs with a generous time limit that only a hang would reach (the speed itself is measured
by benchmarks/hostile_inputs.py, not here).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, run_cli, write_article
from factcheck.attribute import period_interval
from factcheck.lexicon.config import check_data_file
from factcheck.corpus import load_corpus, parse_article
from factcheck.decisions import DecisionsError, load_decisions
from factcheck.extract.dates import find_dates
from factcheck.pipeline import extract_claims
from factcheck.core.records import Article
from factcheck.rules import Rule, RuleError, load_pack, render_template, template_problems

HANG = 120  # seconds: far above what any of these takes; reached only by a hang
GOOD = "Harbour Steel said its revenue was $412 million in 2024, up 8% from a year earlier.\n"


def _bomb(levels: int = 9) -> str:
    """A "billion laughs": each anchor holds nine aliases of the one before it."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _check_json(*args: str, cwd: Path | None = None) -> tuple[subprocess.CompletedProcess[str], dict]:
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", *args, "--format", "json", "--no-report"],
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=HANG)
    assert time.monotonic() - start < HANG
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    return proc, json.loads(proc.stdout)


def _texts(report: dict) -> set[str]:
    return {c["text"] for f in report["findings"] for c in f["claims"]}


def _good_pair(folder: Path) -> None:
    """Two good articles that disagree, so that their finding proves both were read."""
    write_article(folder, "good1.md", GOOD, source="Valley Post")
    write_article(folder, "good2.md", GOOD.replace("$412 million", "$498 million"), source="Coast Times")


# ---------------------------------------------------------------- one bad article is one skipped article


def test_a_publication_date_near_year_one_skips_only_that_date(tmp_path: Path) -> None:
    _good_pair(tmp_path)
    write_article(tmp_path, "old.md", "Harbour Steel said its revenue was $450 million, up 8%.\n", published="0001-01-05")
    proc, report = _check_json(str(tmp_path))
    assert {"$412 million", "$498 million"} <= _texts(report)
    assert "old.md: published date '0001-01-05' is outside the years 1000 to 2999" in proc.stderr


def test_years_outside_1000_to_2999_are_not_dates() -> None:
    assert find_dates("The charter dates from 0001, was copied in 0999 and renewed on 1/5/9999.", dt.date(2025, 1, 28)) == []
    assert [d.value for d in find_dates("It opened on March 4, 1999.", None)] == ["1999-03-04"]
    assert find_dates("It opened last Friday.", dt.date(1, 1, 5))[0].resolved is False
    assert period_interval("..0001-01-05") is None
    assert period_interval("..2025-01-28") == (dt.date(2024, 1, 29), dt.date(2025, 1, 28))


def test_a_lone_surrogate_in_jsonl_is_replaced_and_the_reports_are_written(tmp_path: Path) -> None:
    records = [{"id": "a", "source": "Valley Post", "published": "2025-01-28", "text": "\ud83d " + GOOD},
               {"id": "b", "source": "Coast Times", "published": "2025-01-28",
                "text": GOOD.replace("$412 million", "$498 million")}]
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "wire.jsonl"), "--output", str(tmp_path / "out"), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert f"warning: {tmp_path / 'wire.jsonl'}:1: lone surrogate" in proc.stderr
    written = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert {"$412 million", "$498 million"} <= _texts(written)


def test_a_failing_article_is_named_with_file_and_line_and_the_rest_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.pipeline as pipeline

    real = pipeline.extract_article

    def fragile(article: Article) -> list:
        if "Orbit" in article.body:
            raise OverflowError("date value out of range")
        return real(article)

    monkeypatch.setattr(pipeline, "extract_article", fragile)
    articles = [Article(id="r1", path="feed.jsonl", body="Orbit Labs raised $5 million.", line=1),
                Article(id="r2", path="feed.jsonl", body="Harbour Steel raised $7 million.", line=2)]
    problems: list = []
    claims = extract_claims(articles, problems=problems)
    assert [c.text for c in claims] == ["$7 million"]
    assert [str(p) for p in problems] == ["feed.jsonl:1: internal error while reading claims (OverflowError: date value"
                                          " out of range); article skipped; please report it"]


def test_an_article_the_matcher_could_not_read_is_skipped_at_its_own_boundary() -> None:
    broken = Article(id="x.md", path="x.md", body="Harbour Steel said revenue was $5 million.\ud83d")
    problems: list = []
    good = Article(id="y.md", path="y.md", body="Harbour Steel said revenue was $6 million.")
    claims = extract_claims([broken, good], problems=problems)
    assert {c.article for c in claims} == {"y.md"}
    assert problems[0].path == "x.md" and "UnicodeEncodeError" in problems[0].message


# ---------------------------------------------------------------- HTML sections never closed


@pytest.mark.parametrize("tag", ["header", "nav", "aside", "footer"])
def test_an_unclosed_section_tag_keeps_the_article_text(tag: str) -> None:
    page = (f"<html><head><title>Steel</title></head><body><{tag}><a href='/'>Home</a>"
            f"<article><p>{GOOD}</p></article></body></html>").encode()
    articles, problems = parse_article("steel.html", page)
    assert articles and GOOD.strip() in articles[0].body, problems


def test_closed_section_tags_are_still_dropped() -> None:
    page = f"<body><header>Site menu</header><nav>Home</nav><p>{GOOD}</p><footer>Contact</footer></body>".encode()
    articles, _ = parse_article("steel.html", page)
    assert articles[0].body == GOOD


# ---------------------------------------------------------------- bounded work


def test_an_alias_bomb_in_a_rule_file_is_refused_with_its_position(tmp_path: Path) -> None:
    rules = tmp_path / "bomb.yaml"
    rules.write_text(_bomb() + "rules:\n  - id: x\n    kind: weekday\n    description: *a9\n", encoding="utf-8")
    write_article(tmp_path, "a.md", GOOD)
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(tmp_path / "a.md"), "--rules", str(rules)],
                          capture_output=True, text=True, cwd=ROOT, timeout=HANG)
    assert proc.returncode == 2
    assert f"{rules}:6:5: not valid YAML (aliases would expand the document by more than 100,000 values" in proc.stderr


def test_an_alias_loop_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "loop.yaml"
    rules.write_text("a: &a [1, *a]\nrules: []\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_pack([rules], include_default=False)
    assert info.value.problems == [f"{rules}:1:4: not valid YAML (an alias stands inside its own anchor (a loop))"]


def test_data_files_decisions_and_front_matter_share_the_alias_limit(tmp_path: Path) -> None:
    hedges = tmp_path / "hedges.yaml"
    hedges.write_text(_bomb() + "hedges: *a9\n", encoding="utf-8")
    _, problems = check_data_file(hedges)
    assert problems[0].startswith(f"{hedges}:6:5: not valid YAML (aliases would expand")
    decisions = tmp_path / "factcheck-decisions.yaml"
    decisions.write_text(_bomb() + "version: 1\ndecisions: *a9\n", encoding="utf-8")
    with pytest.raises(DecisionsError) as info:
        load_decisions(decisions)
    assert info.value.problems[0].startswith(f"{decisions}:6: not valid YAML: aliases would expand")
    raw = ("---\n" + _bomb() + "source: *a9\n---\n" + GOOD).encode()
    articles, problems = parse_article("bomb.md", raw)
    assert not articles and "line 7: aliases would expand the document" in problems[0].message


def test_forty_thousand_rules_load_without_a_quadratic_step(tmp_path: Path) -> None:
    many, later = tmp_path / "many.yaml", tmp_path / "later.yaml"
    many.write_text("rules:\n" + "".join(f"  - {{id: r{i}, kind: weekday}}\n" for i in range(40_000)), encoding="utf-8")
    later.write_text("rules:\n" + "".join(f"  - {{id: r{i}, kind: weekday, severity: info}}\n"
                                          for i in range(0, 40_000, 40)), encoding="utf-8")
    start = time.monotonic()
    pack = load_pack([many, later])
    assert time.monotonic() - start < 30  # about 4 s; the quadratic loader took minutes
    assert len(pack.rules) == 40_000 + len(load_pack([]).rules) and len(pack.replaced) == 1_000
    assert pack.rules[-1].id == "r39960" and pack.rules[-1].severity == "info"
    assert pack.replaces(pack.rules[-1])[0].severity == "error"
    assert pack.replaced_by(pack.replaces(pack.rules[-1])[0]) is pack.rules[-1]


def test_an_article_over_the_limit_is_skipped_unread(tmp_path: Path) -> None:
    _good_pair(tmp_path)
    (tmp_path / "huge.md").write_bytes(b"---\nsource: Big\n---\n" + b"Revenue was $5 million. " * 300_000)
    proc, report = _check_json(str(tmp_path), "--max-article-bytes", "100000")
    assert {"$412 million", "$498 million"} <= _texts(report)
    assert f"skipped: {tmp_path / 'huge.md'}: 7,200,020 bytes, over the limit of 100,000 (--max-article-bytes)" \
        in proc.stderr
    assert report["summary"]["articles"] == 2


def test_the_default_limit_skips_a_six_megabyte_file(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_bytes(b"Revenue was $5 million. " * 250_000)
    articles, problems = load_corpus([str(tmp_path)])
    assert not articles and "6,000,000 bytes, over the limit of 5,000,000" in problems[0].message


def test_a_jsonl_record_over_the_limit_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": "Revenue was $5 million. " * 10_000})
    small = json.dumps({"id": "small", "source": "Valley Post", "text": GOOD})
    path.write_text(f"{big}\n{small}\n{big[:-1]}", encoding="utf-8")
    articles, problems = load_corpus([str(path)], max_article_bytes=50_000)
    assert [a.id for a in articles] == ["small"] and articles[0].where == f"{path}:2"
    skipped = [p for p in problems if p.level == "skipped"]
    assert [p.path for p in skipped] == [f"{path}:1", f"{path}:3"]
    assert all("over the limit of 50,000" in p.message for p in skipped)


def test_a_long_one_line_article_is_attributed_in_linear_time() -> None:
    sentence = "Harbour Steel said revenue rose 12% to $5.6 million in the first quarter, on January 27, 2025. "
    one = extract_claims([Article(id="one", path="one", body=sentence, published=dt.date(2025, 1, 28))])
    article = Article(id="long", path="long", body=sentence * 8_000, published=dt.date(2025, 1, 28))
    start = time.monotonic()
    claims = extract_claims([article])  # 750 kB on one line: about 12 s; the quadratic version took minutes
    assert time.monotonic() - start < HANG / 2
    assert len(claims) == 8_000 * len(one)
    assert {(c.entity, c.attribute) for c in claims} == {(c.entity, c.attribute) for c in one}


# ---------------------------------------------------------------- templates are data


@pytest.mark.parametrize(("message", "says"), [
    ("{a_text.__class__.__base__.__subclasses__}", "field '{a_text.__class__.__base__.__subclasses__}' must be"
                                                   " written '{a_text}' alone"),
    ("{a_text:>999999999}", "field '{a_text:>999999999}' must be written '{a_text}' alone"),
    ("{a_text!r} vs {b_text}", "field '{a_text!r}' must be written '{a_text}' alone"),
    ("{b_text[0]}", "field '{b_text[0]}' must be written '{b_text}' alone"),
    ("{} and {0}", "uses unknown field '{}' (a field needs a name)"),
    ("{entity} {", "is not a valid template"),
])
def test_a_message_template_may_name_only_the_documented_fields(tmp_path: Path, message: str, says: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(f"rules:\n  - id: x\n    kind: weekday\n    message: {json.dumps(message)}\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_pack([path], include_default=False)
    assert any(p.startswith(f"{path}:4:14: 'message' {says}") for p in info.value.problems), info.value.problems


def test_documented_fields_and_literal_braces_pass() -> None:
    assert template_problems("{entity}: {a_source} says {a_text} {{sic}}") == []


def test_rendering_never_runs_the_format_language() -> None:
    values = {"a_text": "$5 million", "entity": "Harbour Steel"}
    assert render_template("{entity}: {a_text} {{sic}}", values) == "Harbour Steel: $5 million {sic}"
    hostile = "{a_text.__class__.__base__.__subclasses__} {a_text:>999999999} {a_text!r}"
    assert render_template(hostile, values) == hostile  # a rule built in Python, never validated: kept as written
    assert Rule(id="x", message=hostile).message == hostile


# ---------------------------------------------------------------- exit codes


def test_a_report_folder_that_cannot_be_written_is_exit_2_with_path_and_reason(tmp_path: Path) -> None:
    _good_pair(tmp_path)
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    output = tmp_path / "afile" / "reports"
    proc = run_cli("check", str(tmp_path), "--output", str(output))
    assert proc.returncode == 2
    assert f"factcheck: cannot write the reports to {output}/ (Not a directory: {output})" in proc.stderr
    assert "$412" in proc.stdout and "$498" in proc.stdout  # what was asked on the terminal is still printed


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_that_cannot_be_written_is_exit_2() -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", "corpus/deepseek", "--format", "json"],
                              stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=HANG)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == "factcheck: cannot write standard output (No space left on device)"


def test_an_internal_error_is_exit_3_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.pipeline as pipeline
    from factcheck.cli import ExitCode, main

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("claims")

    monkeypatch.setattr(pipeline, "run", broken)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["check", "corpus/deepseek", "--no-report"])
    assert result.exit_code == ExitCode.INTERNAL == 3
    assert result.output.strip().splitlines() == [
        "factcheck: internal error (KeyError: 'claims'); this is a bug in factcheck: please report it with the"
        " command you ran (FACTCHECK_DEBUG=1 shows the traceback)"]


# ---------------------------------------------------------------- generated hostile inputs


def _nested_front_matter() -> bytes:
    return ("---\nsource: " + "[" * 5_000 + "]" * 5_000 + "\n---\n" + GOOD).encode()


HOSTILE_FILES: dict[str, Callable[[Path], None]] = {}


def hostile(name: str):  # noqa: ANN201 - a registering decorator
    def register(make):  # noqa: ANN001, ANN202
        HOSTILE_FILES[name] = make
        return make
    return register


@hostile("binary")
def _binary(folder: Path) -> None:
    (folder / "blob.md").write_bytes(bytes(range(256)) * 400)


@hostile("huge-one-line")
def _huge_line(folder: Path) -> None:
    (folder / "line.txt").write_bytes(b"Revenue was $5 million and 7%, " * 200_000)


@hostile("deeply-nested-yaml")
def _nested(folder: Path) -> None:
    (folder / "nested.md").write_bytes(_nested_front_matter())


@hostile("alias-bomb-front-matter")
def _bomb_front(folder: Path) -> None:
    (folder / "bomb.md").write_text("---\n" + _bomb() + "source: *a9\n---\n" + GOOD, encoding="utf-8")


@hostile("mixed-line-endings")
def _endings(folder: Path) -> None:
    text = "---\r\nsource: Endings\n\rpublished: 2025-01-28\r\n---\n\r\n" + GOOD.replace(", ", ",\r\n") + "\rMore.\u2028\n"
    (folder / "endings.md").write_bytes(text.encode("utf-8"))


@hostile("odd-digits")
def _digits(folder: Path) -> None:
    text = "Revenue was ٥٠ million, ５０ billion, 𝟓 percent, ² and ½; 99999999999999999999999999 billion; 1e309; ⅕ of 10^999."
    write_article(folder, "digits.md", text * 50)


@hostile("jsonl-nested-and-surrogates")
def _jsonl(folder: Path) -> None:
    lines = ['{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", '{"id": "s", "text": "\\udc00\\ud83d"}',
             '{"id": 1e999, "text": "x"}', "\x00\x01", '{"id": "ok", "text": "Harbour Steel said 3%."}']
    (folder / "odd.jsonl").write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")


@hostile("symlink-loop")
def _loop(folder: Path) -> None:
    os.symlink(folder / "loop-b.md", folder / "loop-a.md")
    os.symlink(folder / "loop-a.md", folder / "loop-b.md")
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "back")


@hostile("unclosed-html")
def _html(folder: Path) -> None:
    (folder / "page.html").write_text("<html><body><header><nav>" + "<div>" * 10_000 + "<p>It rose 4%.", encoding="utf-8")


@pytest.mark.parametrize("case", sorted(HOSTILE_FILES))
def test_a_hostile_file_among_good_ones_loses_nothing_and_does_not_hang(tmp_path: Path, case: str) -> None:
    _good_pair(tmp_path)
    HOSTILE_FILES[case](tmp_path)
    _, report = _check_json(str(tmp_path))
    assert {"$412 million", "$498 million"} <= _texts(report)
    assert report["summary"]["articles"] >= 2


_ODD = st.sampled_from(["Revenue", " was", " $", "5", "٥", "５", "𝟓", ".6", ",000", " million", " billion", " 0001",
                        " 9999", " January 3,", " 2025", "%", " a year ago", " last Friday", "\r\n", "\r", "\n\n",
                        "\u2028", "\u00a0", "\ud83d", "\x00", "½", " 10-12", " between 3 and 2", " (", ")", "—"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ODD, max_size=40), st.sampled_from([".md", ".txt", ".html", ".jsonl"]),
       st.sampled_from([None, "2025-01-28", "0001-01-05", "9999-12-31"]))
def test_generated_articles_are_read_or_skipped_never_raised(pieces: list[str], suffix: str, published: str | None) -> None:
    text = "".join(pieces)
    if suffix == ".jsonl":
        raw = json.dumps({"id": "a", "text": text, "published": published}).encode()
    else:
        raw = (f"---\npublished: {published}\n---\n" if published else "").encode() + text.encode("utf-8", "replace")
    articles, problems = parse_article(f"gen{suffix}", raw)
    claims = extract_claims(articles, problems=problems)
    assert not [p for p in problems if "internal error" in p.message]
    for c in claims:
        body = next(a.body for a in articles if a.id == c.article)
        assert body[c.start:c.end] == c.text
        assert json.dumps(c.to_json(), ensure_ascii=False).encode("utf-8")


def test_a_sentence_too_long_to_parse_is_attributed_by_nearness() -> None:
    """A 'sentence' of two million characters with names in it (no full stop anywhere) is not sent to
    the parser, which would refuse it and lose the article: its figures still get their entities."""
    body = "Harbour Steel raised 12% and " + "more and " * 250_000 + "Comet Systems 4% in 2024"
    claims = extract_claims([Article(id="long", path="long", body=body, published=dt.date(2025, 1, 28))])
    assert {c.text for c in claims} >= {"12%", "4%"}
    assert next(c for c in claims if c.text == "12%").entity == "Harbour Steel"


def test_an_article_naming_many_things_is_attributed_in_linear_time() -> None:
    """20,000 distinct names and a title: the article's topic is found without comparing every name
    with every other (that took minutes)."""
    def name(i: int) -> str:
        return "K" + "".join(chr(97 + (i // 26 ** k) % 26) for k in range(4)) + " Holdings"

    body = " ".join(f"{name(i)} said sales rose {i % 90 + 1}%." for i in range(20_000))
    article = Article(id="many", path="many", body=body, title=f"{name(7).split()[0]} results",
                      published=dt.date(2025, 1, 28))
    start = time.monotonic()
    claims = extract_claims([article])
    assert time.monotonic() - start < HANG / 2
    assert len(claims) == 20_000 and claims[7].entity == name(7).split()[0]  # "Holdings" is a suffix
