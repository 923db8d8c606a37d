"""The whole extractor (figures and dates together) on any text: never raises, spans slice exactly,
intervals are ordered and finite, figures never overlap dates."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text

NEWSY = st.lists(
    st.sampled_from([
        "DeepSeek", "raised", "$", "US$", "5.6", "million", "about", "nearly", "17%", "per cent", "on", "Monday,",
        "January", "20,", "2025", "last", "Friday", "a year ago", "2,048", "GPUs", "twice", "from", "to", "between",
        "and", "(", ")", "¥", "1tn", "yuan", "Q3", "mid-February", "−3%", "R1", "GPT-4", "9:30 a.m.", ".", ",", "\n",
        "half a million", "a dozen", "percentage points", "fell", "rose", "the end of last December", "yesterday",
    ]),
    max_size=40,
).map(" ".join)


def _check(text: str, published: dt.date | None) -> None:
    claims = extract_text(text, published)
    for c in claims:
        assert text[c.start:c.end] == c.text
        if c.kind == "date":
            if c.resolved and c.low is not None:
                assert c.low <= c.high
        else:
            assert c.low is not None and c.high is not None
            assert math.isfinite(c.low) and math.isfinite(c.high) and c.low <= c.high
            if c.value is not None:
                assert math.isfinite(c.value)
    starts = [c.start for c in claims]
    assert starts == sorted(starts)
    for a, b in zip(claims, claims[1:]):
        assert a.end <= b.start, (a.text, b.text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_any_text(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=300, deadline=None)
@given(NEWSY, st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31))))
def test_news_like_text(text: str, published: dt.date | None) -> None:
    _check(text, published)


def test_a_full_sentence() -> None:
    text = ("On Monday, January 27, 2025, Nvidia lost nearly $600 billion, a 17% fall, a week after "
            "DeepSeek released R1 on 2,048 H800 GPUs.")
    got = {c.text: c for c in extract_text(text, dt.date(2025, 1, 28))}
    assert got["January 27, 2025"].low == "2025-01-27"
    assert got["Monday"].weekday == 0 and got["Monday"].labels is not None
    assert got["$600 billion"].qualifier == "at_most" and got["$600 billion"].high == 600_000_000_000
    assert got["17%"].direction == "down"
    assert got["2,048"].noun == "GPU"
    assert "R1" not in got and "H800" not in got
