"""Words are data: a currency, a hedge word or a direction word added to a copy of the rule pack's YAML
(and nothing else) is read like those already there."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_article

import factcheck
import factcheck.lexicon.config
import factcheck.rules
from factcheck.extract import extract_text
from factcheck.extract.numbers import find_figures
from factcheck.lexicon.config import default_rules_dir, lexicon, validate_data_files
from factcheck.match import dimension, normalized


@pytest.fixture()
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the default pack in use in place of the default one (the lexicon read afresh from it)."""
    folder = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    monkeypatch.setattr(factcheck.lexicon.config, "default_rules_dir", lambda: folder)
    monkeypatch.setattr(factcheck.rules, "default_rules_dir", lambda: folder)
    lexicon.cache_clear()
    yield folder
    lexicon.cache_clear()


def _add(path: Path, after: str, lines: str) -> None:
    """Insert `lines` after the line `after` of a data file, and read the lexicon afresh."""
    text = path.read_text(encoding="utf-8")
    assert after + "\n" in text, f"{after!r} not in {path.name}"
    path.write_text(text.replace(after + "\n", after + "\n" + lines, 1), encoding="utf-8")
    lexicon.cache_clear()


ZEDS = """  ZZD:
    symbols: [Z$]
    names: [zeds, zed]
    subunits: {zents: 0.01}
    rates:
      - {from: 2020-01-01, to: 2030-12-31, usd_low: 0.49, usd_high: 0.51}
"""


def test_a_new_currency_is_one_entry_extracted_normalised_and_converted(pack: Path, tmp_path: Path) -> None:
    assert [(f.kind, f.noun) for f in find_figures("The fare rose to Z$312. A toll costs 40 zeds.")] == [
        ("count", ""), ("count", "zed")]  # before the entry: a bare number and a count of zeds
    _add(pack / "currencies.yaml", "currencies:", ZEDS)
    assert validate_data_files(pack) == []
    read = {c.text: (c.kind, c.unit, c.value, c.low, c.high) for c in extract_text(
        "The ferry fare rose to Z$312 this year. A toll costs 40 zeds, a stamp 50 zents. "
        "The bridge will cost between Z$4bn and Z$5bn, or ZZD4.5bn in all.", published="2025-06-01")}
    assert read["Z$312"] == ("quantity", "ZZD", 312, 311.5, 312.5)
    assert read["40 zeds"][:3] == ("quantity", "ZZD", 40)
    assert read["50 zents"][:3] == ("quantity", "ZZD", 0.5)
    assert read["Z$4bn and Z$5bn"][:2] == ("quantity", "ZZD")
    assert read["Z$4bn and Z$5bn"][3:] == (4e9, 5e9)
    assert read["ZZD4.5bn"][:3] == ("quantity", "ZZD", 4.5e9)
    fare = next(c for c in extract_text("The fare is Z$312.", published="2025-06-01") if c.unit == "ZZD")
    assert dimension(fare) == "money"
    assert normalized(fare) == pytest.approx((311.5 * 0.49, 312.5 * 0.51))
    write_article(tmp_path, "a.md", "The island's new ferry cost Z$300 million ($150 million). "
                                    "Its harbour cost Z$200 million ($250 million).\n")
    found = [f for f in factcheck.check([tmp_path / "a.md"]).finding_records if f.rule == "conversion"]
    assert [sorted(c.text for c in f.claims) for f in found] == [["$250 million", "Z$200 million"]]


def _edit(path: Path, old: str, new: str) -> None:
    """Change one line of a data file, and read the lexicon afresh."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    lexicon.cache_clear()


HEDGED = ("Shares rose give or take 5% on Monday. Its bonds fell at the very least 12%. "
          "A ride costs 2 yuan (give or take 50 cents).")


def _figures(text: str) -> dict[str, tuple[str, float, float, str | None]]:
    return {text[f.start : f.end]: (f.qualifier, f.low, f.high, f.direction) for f in find_figures(text)}


def test_a_new_hedge_word_is_one_line_with_its_bound_width_direction_and_conversion(pack: Path,
                                                                                    tmp_path: Path) -> None:
    before = _figures(HEDGED)
    assert before["5%"] == ("exact", 4.5, 5.5, None) and before["12%"] == ("exact", 11.5, 12.5, None)
    write_article(tmp_path, "a.md", HEDGED + "\n")
    assert not [f for f in factcheck.check([tmp_path / "a.md"]).finding_records if f.rule == "conversion"]
    _edit(pack / "hedges.yaml", "words: [about, around,", "words: [give or take, about, around,")
    _edit(pack / "hedges.yaml", "words: [at least,", "words: [at the very least, at least,")
    assert validate_data_files(pack) == []
    after = _figures(HEDGED)
    assert after["5%"] == ("approx", 4.0, 6.0, "up")  # 10% of 5 and the rounding band; the rise is kept
    assert after["12%"] == ("at_least", 12.0, 24.0, None)  # at_least: no `change: true`, so no direction
    found = [f for f in factcheck.check([tmp_path / "a.md"]).finding_records if f.rule == "conversion"]
    assert [sorted(c.text for c in f.claims) for f in found] == [["2 yuan", "50 cents"]]


def test_a_new_hedge_after_a_figure_is_one_line(pack: Path) -> None:
    text = "The storm felled 300 or thereabouts trees and 40-ish homes."
    assert {k: v[0] for k, v in _figures(text).items()} == {"300": "exact", "40": "exact"}
    _edit(pack / "hedges.yaml", 'after: ["-odd", or so]', 'after: ["-odd", "-ish", or so, or thereabouts]')
    assert validate_data_files(pack) == []
    after = _figures(text)
    assert after["300"] == ("approx", 255.0, 345.0, None)  # 10% and the band of "300" (5%): spaced, not in the span
    assert after["40-ish"][0] == "approx"  # glued: part of the figure


def test_a_new_direction_word_is_one_line(pack: Path) -> None:
    text = "Shares zoomed 7% on Monday. It kept the 3% it zoomed. The tally zoomed beyond rivals to 1,624."

    def read() -> dict[str, tuple[str | None, str]]:
        return {text[f.start : f.end]: (f.direction, f.noun) for f in find_figures(text)}

    assert read() == {"7%": (None, ""), "3%": (None, ""), "1,624": (None, "rival")}
    _edit(pack / "words.yaml", "    verbs: [rose, rise,", "    verbs: [zoomed, rose, rise,")
    assert validate_data_files(pack) == []
    assert read() == {
        "7%": ("up", ""),
        "3%": ("up", ""),  # "the 3% it zoomed": the verb of a relative clause
        "1,624": (None, ""),  # the clause's subject ends at the verb: "rivals" is not what is counted
    }


def test_a_new_scale_word_is_one_line(pack: Path) -> None:
    text = "Some 5 lac people applied, and two lac rupees were paid."  # "lac": a spelling of lakh
    assert [(text[f.start : f.end], f.value) for f in find_figures(text)] == [("5", 5.0), ("two", 2.0)]
    _add(pack / "words.yaml", "scales:", "  lac: {value: 100000, written: word}\n")
    assert validate_data_files(pack) == []
    assert [(text[f.start : f.end], f.value, f.unit) for f in find_figures(text)] == [
        ("5 lac", 500000.0, ""), ("two lac rupees", 200000.0, "INR")]
