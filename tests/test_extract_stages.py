"""The figure extractor's stages, "not a figure" guards and sentence linkers (factcheck.extract.numbers).

Every guard carries an example sentence: it must be rejected by that guard, and with the guard switched
off the same number must come out as a figure (so it is that guard's reason and no other's). Every
sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from factcheck.extract.dates import find_dates
from factcheck.extract.numbers import GUARDS, Guard, Reject, find_figures, trace_figures
from factcheck.language.text import normalize


def _date_spans(text: str) -> list[tuple[int, int]]:
    """The spans the date finder takes first, as extraction passes them to the figure finder."""
    return [(d.start, d.end) for d in find_dates(text, None)]


@pytest.mark.parametrize("name", list(GUARDS))
def test_each_guard_rejects_its_example_and_only_it(name: str) -> None:
    guard = GUARDS[name]
    text = guard.example
    assert normalize(text).text == text  # the example reads the same after normalization
    skip = _date_spans(text)
    figures, rejects = trace_figures(text, skip)
    at = [pos for pos, reject in rejects if reject.reason == name]
    assert at, f"{name}: {text!r} is not rejected by it (rejects: {rejects})"
    pos = at[0]
    assert not any(f.start <= pos < f.end for f in figures)
    without, rejects_without = trace_figures(text, skip, without={name})
    assert any(f.start <= pos < f.end for f in without), f"{name}: without it, {text!r} has no figure at {pos}"
    assert all(p != pos for p, _ in rejects_without)


@pytest.mark.parametrize("name", list(GUARDS))
def test_each_guard_says_what_it_rejects_in_one_line(name: str) -> None:
    guard = GUARDS[name]
    doc = (guard.check.__doc__ or "").strip()
    assert doc and "\n" not in doc, f"{name}: {guard.check.__name__} needs a one-line docstring"
    assert guard.example.strip()


def test_a_rejected_label_takes_its_whole_list() -> None:
    text = "Delays hit junctions 10 and 11 on Friday, and 40 flights left."
    figures, rejects = trace_figures(text)
    assert [(text[pos : pos + 2], r) for pos, r in rejects] == [("10", Reject("label", text.index(" on Friday")))]
    assert [(text[f.start : f.end], f.noun) for f in figures] == [("40", "flight")]


def test_a_number_the_stages_cannot_read_is_rejected_as_such() -> None:
    assert trace_figures("The half-time team talk.")[1] == [(4, Reject("no number"))]


def test_switching_off_an_unknown_guard_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown guards"):
        trace_figures("It rose 5%.", without={"no_such_guard"})


def test_a_guard_after_no_stage_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(GUARDS, "misplaced", Guard("misplaced", "nowhere", lambda d, ctx: False, "It rose 5%."))
    with pytest.raises(ValueError, match="guard misplaced runs after no stage"):
        trace_figures("It rose 5%.", without={"label"})


def test_a_guard_for_a_kind_its_stage_never_runs_for_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = Guard("percent_noun", "noun", lambda d, ctx: False, "It rose 5%.", kinds=frozenset({"percent"}))
    monkeypatch.setitem(GUARDS, "percent_noun", bad)
    with pytest.raises(ValueError, match="percent_noun"):
        trace_figures("It rose 5%.", without={"label"})


def _read(text: str) -> list[tuple[str, str, str, str, str | None]]:
    return [(text[f.start : f.end], f.kind, f.unit, f.noun, f.direction) for f in find_figures(text)]


def test_a_tentative_word_number_is_kept_when_the_sentence_names_what_it_counts() -> None:
    assert _read("The party won 40 seats, three short of a majority.") == [
        ("40", "count", "", "seat", None), ("three", "count", "", "seat", None),
    ]
    assert _read("It ended three short of a majority.") == []


@pytest.mark.parametrize(
    ("linker", "text", "expected"),
    [
        ("rate", "Tickets rose by £1 to £12.99 a month.",
         [("£1", "quantity", "GBP/month", "", "up"), ("£12.99 a month", "quantity", "GBP/month", "", None)]),
        ("bare_count", "The shop had 418 stores, up from 392.",
         [("418", "count", "", "store", None), ("392", "count", "", "store", None)]),
        ("change_list", "Nvidia fell 17%, Broadcom 17.4% and Marvell 19.1%.",
         [("17%", "percent", "percent", "", "down"), ("17.4%", "percent", "percent", "", "down"),
          ("19.1%", "percent", "percent", "", "down")]),
        ("points", "Support was 29%, up 2 points.",
         [("29%", "percent", "percent", "", None), ("2 points", "percent", "percentage_point", "", "up")]),
        ("count_fate", "Sixty-two of the chain's cafes will close.", [("Sixty-two", "count", "", "cafe", "down")]),
        ("exchange_rate", "Sterling rose 0.3 per cent to $1.3320 against the dollar.",
         [("0.3 per cent", "percent", "percent", "", "up"), ("$1.3320", "quantity", "USD/GBP", "", None)]),
        ("window", "It was the largest one-day loss since March.", []),
    ],
)
def test_each_linker_gives_a_figure_what_its_sentence_says(
    linker: str, text: str, expected: list[tuple[str, str, str, str, str | None]]
) -> None:
    assert _read(text) == expected
