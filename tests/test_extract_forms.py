"""Forms of figures that public news text writes every day (#16): units glued and spaced, currency
markers before and after the number, ranges with one scale, Indian scales. Each sentence is our own."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_text


def read(text: str) -> list[tuple[str, object, str]]:
    """(text, value or (low, high), unit) of each figure of `text`."""
    out = []
    for c in extract_text(text, published="2025-03-12"):
        if c.kind == "date":
            continue
        value = c.value if c.value is not None else (c.low, c.high)
        out.append((c.text, value, c.unit))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("The hatchback makes 245 hp and 370 Nm, charges at 65W, and its 6.7in panel runs at 144Hz.",
     [("245 hp", 245, "horsepower"), ("370 Nm", 370, "newton_meter"), ("65W", 65, "watt"),
      ("6.7in", 6.7, "inch"), ("144Hz", 144, "hertz")]),
    ("A 30 yard pass and a 90 megawatt plant followed.", [("30 yard", 30, "yard"), ("90 megawatt", 90, "megawatt")]),
    ("Its 5,000mAh cell takes a 45 W charger and the 200MP camera hums at 35 dB.",
     [("5,000mAh", 5000, "milliampere_hour"), ("45 W", 45, "watt"), ("200MP", 200, "megapixel"),
      ("35 dB", 35, "decibel")]),
    ("The ferry makes 22 knots on a 1.5 kV supply; the diesel gives 180 bhp.",
     [("22 knots", 22, "knot"), ("1.5 kV", 1.5, "kilovolt"), ("180 bhp", 180, "horsepower")]),
])
def test_units_glued_and_spaced(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert read(text) == expected


def test_a_glued_only_unit_is_no_unit_when_spaced() -> None:
    # "in" is an inch only glued to the digits: the 5 of "rose 5 in March" is a count
    assert read("Sales rose 5 in March, and the tablet has an 11in screen.") == [("5", 5, ""), ("11in", 11, "inch")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The villa sold for $NZ4.1 million (about A$3.8 million); shares ended at RM3.15, up 12 sen, and a "
     "ticket cost 45€.",
     [("$NZ4.1 million", 4_100_000, "NZD"), ("A$3.8 million", 3_800_000, "AUD"), ("RM3.15", 3.15, "MYR"),
      ("12 sen", 0.12, "MYR"), ("45€", 45, "EUR")]),
    ("Lunch in Lisbon was 14 € and the Sydney fund raised $US2bn.", [("14 €", 14, "EUR"), ("$US2bn", 2e9, "USD")]),
    ("The lender raised Rs 2,000 crore, its shares slipped 40 paise, and the Jakarta bond paid Rp 9 billion.",
     [("Rs 2,000 crore", 2e10, "INR"), ("40 paise", 0.4, "INR"), ("Rp 9 billion", 9e9, "IDR")]),
    ("The Moscow flat costs 9 million roubles and the Istanbul one ₺4.2 million.",
     [("9 million roubles", 9e6, "RUB"), ("₺4.2 million", 4.2e6, "TRY")]),
])
def test_currency_markers(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = read(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


def test_indian_scales() -> None:
    assert read("About 3 lakh fans watched and the club spent 12 crore rupees.") == [
        ("3 lakh", 300_000, ""), ("12 crore rupees", 120_000_000, "INR")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Salaries range from $45,000 to $1.1 million, and the deal could be worth from $6 to $8 billion.",
     [("$45,000 to $1.1 million", (45_000, 1_100_000), "USD"), ("$6 to $8 billion", (6e9, 8e9), "USD")]),
    ("Prices vary from 2 to 3 million yen, and fees ranged from £900 to £1,400.",
     [("2 to 3 million yen", (2e6, 3e6), "JPY"), ("£900 to £1,400", (900, 1400), "GBP")]),
    ("The bid is worth between $6 and $8 billion.", [("$6 and $8 billion", (6e9, 8e9), "USD")]),
])
def test_ranges_take_one_scale(text: str, expected: list[tuple[str, object, str]]) -> None:
    assert read(text) == expected


def test_a_change_from_one_level_to_another_stays_two_figures() -> None:
    # after a verb of change, "from X to Y" are the levels before and after, the scale written once
    assert read("Revenue rose from $6 to $8 billion.") == [("$6", 6e9, "USD"), ("$8 billion", 8e9, "USD")]
