"""Figures of any size with a scale word: read exactly, or rejected as not a figure; never an exception
that skips the article.

Every sentence here was written for these tests; none is quoted from an outlet.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import run_cli, write_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text

SCALES = {" thousand": 3, " million": 6, " billion": 9, " trillion": 12, " quadrillion": 15, "bn": 9, "tn": 12,
          " mn": 6}


@pytest.mark.parametrize(("sentence", "span", "value", "low", "high"), [
    ("The clerk's error cost the fund 0.00001 million dollars.", "0.00001 million dollars", 10, 5, 15),
    ("The estate was valued at 20 quadrillion dollars in the lawsuit.", "20 quadrillion dollars", 2e16, 1.9e16,
     2.1e16),
    ("The central bank printed 9,000,000 trillion banknotes that year.", "9,000,000 trillion", 9e18, 8.55e18,
     9.45e18),
    ("The claim sought 20000000000000000 million yuan in damages.", "20000000000000000 million yuan", 2e22, 1.9e22,
     2.1e22),
    ("The sample weighed 0.0000000000000001 million tonnes.", "0.0000000000000001 million tonnes", 1e-10, 5e-11,
     1.5e-10),
])
def test_huge_and_tiny_scaled_figures_read_exactly(sentence: str, span: str, value: float, low: float,
                                                   high: float) -> None:
    hits = [c for c in extract_text(sentence) if c.text == span]
    assert len(hits) == 1
    c = hits[0]
    assert math.isclose(c.value, value, rel_tol=1e-12)
    assert math.isclose(c.low, low, rel_tol=1e-9) and math.isclose(c.high, high, rel_tol=1e-9)


def test_a_range_of_huge_figures_in_cents_reads() -> None:
    claims = extract_text("The bids were worth between 20 and 30 quadrillion cents.")
    assert [(c.text, c.low, c.high, c.unit) for c in claims] == [("20 and 30 quadrillion cents", 2e14, 3e14, "USD")]


def test_digits_past_a_double_are_not_a_figure_and_the_rest_still_reads() -> None:
    sentence = f"The ledger showed 1{'0' * 400} dollars, and 12 auditors resigned."
    assert [(c.text, c.value) for c in extract_text(sentence)] == [("12", 12)]


def test_check_reads_an_article_with_huge_and_tiny_figures(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Harrow Fund said its fee was 0.00001 million dollars, on assets of 20 "
                  f"quadrillion dollars and a ledger of 1{'0' * 400} entries.\n", source="One")
    proc = run_cli("check", str(tmp_path), "--no-report", "--show-info")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "skipped" not in proc.stderr and "internal error" not in proc.stderr
    assert "1 articles, 2 claims" in proc.stdout


@st.composite
def written(draw: st.DrawFn) -> str:
    """A number as a writer may type it: grouped or not, with decimals, or a tiny fraction."""
    if draw(st.booleans()):
        return "0." + "0" * draw(st.integers(0, 20)) + str(draw(st.integers(1, 99999)))
    whole = draw(st.integers(0, 10**24))
    digits = f"{whole:,}" if draw(st.booleans()) else str(whole)
    if draw(st.booleans()):
        digits += "." + draw(st.text("0123456789", min_size=1, max_size=10))
    return digits


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written(), st.sampled_from(sorted(SCALES)), st.sampled_from(["", "$", "\u20ac"]),
       st.sampled_from(["", " of grain", " in assets"]))
def test_any_number_with_a_scale_word_reads_as_its_decimal_value(digits: str, scale: str, currency: str,
                                                                 tail: str) -> None:
    sentence = f"The agency said the fund held {currency}{digits}{scale}{tail} last year."
    claims = extract_text(sentence)
    hit = [c for c in claims if c.start == sentence.index(currency + digits)]
    assert len(hit) == 1, [c.text for c in claims]
    c = hit[0]
    expected = float(Decimal(digits.replace(",", "")).scaleb(SCALES[scale]))
    assert c.value is not None and math.isclose(c.value, expected, rel_tol=1e-12, abs_tol=1e-300)
    assert c.low <= c.value <= c.high and math.isfinite(c.low) and math.isfinite(c.high)
