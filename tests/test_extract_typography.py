"""Typography read as the figure it writes: no-break, thin and zero-width spaces, full-width and Arabic
separators, digits of other scripts. Every claim keeps its exact span in the article as written.

Every sentence here was written for these tests; none is quoted from an outlet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli, write_article

from factcheck.extract import extract_text
from factcheck.language.text import normalize

FRONT = re.compile(r"^---\s*\n.*?\n---\s*\n", re.DOTALL)


@pytest.mark.parametrize(("source", "read"), [
    ("2\u202f048", "2,048"),
    ("2\u00a0048 and 1\u2009000\u2009000", "2,048 and 1,000,000"),
    ("2\u200b048 and Deep\u200bSeek", "2,048 and DeepSeek"),
    ("\u0662\u066c\u0660\u0664\u0668", "2,048"),
    ("1\u066b5 million", "1.5 million"),
    ("\u06f2\u06f0\u06f2\u06f5", "2025"),
    ("\uff12\uff0c\uff10\uff14\uff18", "2,048"),
    ("\uff11\uff0e\uff15\uff05", "1.5%"),
    ("4\u202fMarch\u2009and mil\u00adlion", "4 March and million"),
    ("In 2024\u00a0300 staff left", "In 2024 300 staff left"),  # a year is not a group of three
])
def test_normalize_reads_each_character_as_what_it_stands_for(source: str, read: str) -> None:
    assert normalize(source).text == read


def test_normalize_maps_spans_back_over_dropped_characters() -> None:
    source = "Sold \u200b2\u200b048\u200b units"
    norm = normalize(source)
    assert norm.text == "Sold 2,048 units"
    start = norm.text.index("2,048")
    assert norm.source_span(start, start + 5) == (source.index("2"), source.index("8") + 1)
    assert normalize("plain ASCII 2,048").dropped == ()
    edge = normalize("\u200b\u200bA\u00adB\u200b")
    assert edge.text == "AB" and [edge.source_index(i) for i in range(3)] == [2, 4, 6]


THIN, NARROW, NBSP, FIGURE = "\u2009", "\u202f", "\u00a0", "\u2007"
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]

FIGURES = [
    *[(f"Kestrel Robotics shipped 2{sp}048 warehouse robots last year.", f"2{sp}048", 2048, "robot")
      for sp in (THIN, NARROW, NBSP, FIGURE)],
    *[(f"Kestrel Robotics shipped 2{zw}048 warehouse robots last year.", f"2{zw}048", 2048, "robot")
      for zw in ZERO_WIDTH],
    ("The port handled 1\u202f250\u202f000 containers in the spring.", "1\u202f250\u202f000", 1_250_000, "container"),
    ("Kestrel Robotics shipped 2\uff0c048 warehouse robots last year.", "2\uff0c048", 2048, "robot"),
    ("Kestrel Robotics shipped \uff12\uff0c\uff10\uff14\uff18 warehouse robots last year.",
     "\uff12\uff0c\uff10\uff14\uff18", 2048, "robot"),
    ("Kestrel Robotics shipped \u0662\u066c\u0660\u0664\u0668 warehouse robots last year.",
     "\u0662\u066c\u0660\u0664\u0668", 2048, "robot"),
    ("Kestrel Robotics shipped \u06f2\u066c\u06f0\u06f4\u06f8 warehouse robots last year.",
     "\u06f2\u066c\u06f0\u06f4\u06f8", 2048, "robot"),
    ("The harbour city now has 1\u066b5 million residents.", "1\u066b5 million", 1_500_000, "resident"),
    ("The new terminal cost $1\u066b2 billion to build.", "$1\u066b2 billion", 1_200_000_000, "USD"),
    ("The regional budget reached \u20ac2\u00a0048\u00a0million this year.", "\u20ac2\u00a0048\u00a0million",
     2_048_000_000, "EUR"),
    ("Joblessness rose \uff11\uff0e\uff15\uff05 over the quarter.", "\uff11\uff0e\uff15\uff05", 1.5, "percent"),
    ("Joblessness rose 12\u2009% over the quarter.", "12\u2009%", 12, "percent"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "unit_or_noun"), FIGURES)
def test_figures_read_as_written(sentence: str, span: str, value: float, unit_or_noun: str) -> None:
    claims = extract_text(sentence, "2025-03-10")
    for c in claims:
        assert sentence[c.start:c.end] == c.text
    hits = [c for c in claims if c.text == span]
    assert len(hits) == 1, [c.text for c in claims]
    assert hits[0].value == value and unit_or_noun in (hits[0].unit, hits[0].noun)


DATES = [
    "The bridge reopened on 4\u00a0March\u00a02025 after repairs.",
    "The bridge reopened on 4\u202fMarch\u2009\u200b2025 after repairs.",
    "The bridge reopened on March\u00a04,\u00a02025 after repairs.",
    "The bridge reopened on \u0664 March \u0662\u0660\u0662\u0665 after repairs.",
    "The bridge reopened on \uff14 March \uff12\uff10\uff12\uff15 after repairs.",
]


@pytest.mark.parametrize("sentence", DATES)
def test_dates_read_as_written(sentence: str) -> None:
    claims = extract_text(sentence, "2025-03-10")
    assert [(c.kind, c.value) for c in claims] == [("date", "2025-03-04")]
    c = claims[0]
    assert c.text == sentence[c.start:c.end] and c.text[0] not in " \u200b" and c.text[-1] != " "
    assert c.text.replace("\u200b", "").endswith(("2025", "\u0662\u0660\u0662\u0665", "\uff12\uff10\uff12\uff15", "4"))


def test_a_year_before_a_no_break_space_stays_a_year() -> None:
    claims = extract_text("In 2024\u00a0300 staff left the insurer.", "2025-03-10")
    assert [(c.kind, c.text) for c in claims] == [("date", "2024"), ("count", "300")]


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    m = FRONT.match(text)
    return text[m.end():] if m else text


def test_extract_cli_keeps_spans_in_the_article_as_written(tmp_path: Path) -> None:
    body = ("Kestrel Robotics shipped 2\u202f048 warehouse robots in 2024 and hired \u0661\u066c\u0662\u0665\u0660 "
            "engineers. Its order book reached $1\u066b5 billion on 4\u00a0March\u00a02025, up 2\u200b000 orders.\n")
    path = write_article(tmp_path, "a.md", body, published="2025-03-10")
    proc = run_cli("extract", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    text = _body(path)
    for c in claims:
        assert text[c["start"]:c["end"]] == c["text"]
    got = {c["text"]: c["value"] for c in claims}
    assert got["2\u202f048"] == 2048
    assert got["\u0661\u066c\u0662\u0665\u0660"] == 1250
    assert got["$1\u066b5 billion"] == 1_500_000_000
    assert got["4\u00a0March\u00a02025"] == "2025-03-04"
    assert got["2\u200b000"] == 2000


@pytest.mark.parametrize("written", ["2\u2009048", "2\u00a0048", "2\u200b048", "\u0662\u066c\u0660\u0664\u0668",
                                     "\uff12\uff0c\uff10\uff14\uff18"])
def test_check_sees_no_conflict_between_two_ways_of_writing_one_figure(tmp_path: Path, written: str) -> None:
    write_article(tmp_path, "a.md", "Kestrel Robotics shipped 2,048 warehouse robots to customers in 2024, the "
                  "company said on Monday.\n", source="Harbour Wire")
    write_article(tmp_path, "b.md", f"Kestrel Robotics shipped {written} warehouse robots to customers in 2024, "
                  "according to its annual report.\n", source="Northgate Daily")
    proc = run_cli("check", str(tmp_path), "--no-report", "--format", "json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert not [f for f in findings if f["rule"] == "figure-conflict"]
    agreed = [{c["text"] for c in f["claims"]} for f in findings if f["rule"] == "corroborated"]
    assert {"2,048", written} in agreed, agreed
