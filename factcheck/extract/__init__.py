"""Extraction: every figure and date in an article, as a Claim with an exact span and an interval."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from typing import TypeVar

from factcheck.core.records import Article, Claim
from factcheck.extract.dates import DateMention, find_dates
from factcheck.extract.numbers import Figure, find_figures
from factcheck.language.text import Normalized, normalize, sentences_of

__all__ = ["extract_article", "extract_text"]

_Mention = TypeVar("_Mention", DateMention, Figure)


def _num(x: float | None) -> float | int | None:
    """A figure's number without binary noise: ten decimals, or twelve significant digits below 0.001."""
    if x is None:
        return None
    r = round(x, 10) if abs(x) >= 1e-3 else float(f"{x:.12g}")
    return int(r) if r.is_integer() and abs(r) < 1e18 else r


def _in_source(norm: Normalized, body: str, m: _Mention) -> _Mention:
    """A mention read from the normalized text, with its span (and text) in the article as written."""
    start, end = norm.source_span(m.start, m.end)
    if isinstance(m, DateMention) and m.text != body[start:end]:
        return dataclasses.replace(m, start=start, end=end, text=body[start:end])
    return m if (start, end) == (m.start, m.end) else dataclasses.replace(m, start=start, end=end)


def extract_article(article: Article) -> list[Claim]:
    """All claims in one article, in text order; weekday words point (`labels`) at the date they name."""
    body = article.body
    published = article.published.isoformat() if article.published else None
    norm = normalize(body)
    dates = find_dates(norm.text, article.published)
    figures = _points_of_percentages(find_figures(norm.text, skip=[(d.start, d.end) for d in dates]), norm.text)
    if norm.text is not body:
        dates = [_in_source(norm, body, d) for d in dates]
        figures = [_in_source(norm, body, f) for f in figures]
    items: list[tuple[int, int, DateMention | Figure]] = [(d.start, i, d) for i, d in enumerate(dates)]
    items.extend((f.start, -1, f) for f in figures)
    items.sort(key=lambda t: t[0])
    position = {i: n for n, (_, i, _) in enumerate(items) if i >= 0}
    sentences = sentences_of(body)
    claims: list[Claim] = []
    previous_end = -1
    for _, _i, m in items:
        sentence = sentences.span_of(m.start)
        context = body[max(sentence[0], m.start - 60) : min(sentence[1], m.end + 60)]
        before = body[previous_end : m.start] if 0 <= previous_end and m.start - previous_end <= 80 else ""
        previous_end = m.end
        if isinstance(m, DateMention):
            claims.append(Claim(
                article=article.id, source=article.source, published=published, kind="date", text=m.text,
                start=m.start, end=m.end, value=m.value, low=m.low.isoformat() if m.low else None,
                high=m.high.isoformat() if m.high else None, qualifier=m.qualifier, granularity=m.granularity,
                resolved=m.resolved, weekday=m.weekday,
                labels=position.get(m.labels) if m.labels is not None else None,
                sentence=sentence, context=context, before=before,
            ))
        else:
            claims.append(Claim(
                article=article.id, source=article.source, published=published, kind=m.kind,
                text=body[m.start : m.end], start=m.start, end=m.end, value=_num(m.value), low=_num(m.low),
                high=_num(m.high), unit=m.unit, noun=m.noun, qualifier=m.qualifier, direction=m.direction,
                multiplier=m.multiplier, ambiguous=m.ambiguous, sentence=sentence, context=context, before=before,
            ))
    return claims


_POINTS = re.compile(r"\s+(?:points?|pts?)\b", re.I)
POINTS_REACH = 40  # characters between "2.3 points" and the percentage it moves ("to 14.6%")
_LEVEL_BEFORE = re.compile(r"\b(?:to|from|at|on|of|against|versus|vs\.?|with)\s+(?:[a-z]+\s+)?$", re.I)


def _points_of_percentages(figures: list[Figure], text: str) -> list[Figure]:
    """ "rose 2.3 points to 14.6% from 11.4%": points beside a percentage level ("to", "from", "on",
    "at" it) are percentage points, not a count of points (a team's 24 points; "the Dow sank 1,123
    points, or 2.6%", where the percentage restates the fall)."""
    percents = [f.start for f in figures if f.unit == "percent"]
    out = []
    for f in figures:
        after = _POINTS.match(text, f.end) if f.kind == "count" and f.noun.lower() in ("point", "points") else None
        if after is not None:
            near = percents[bisect.bisect_left(percents, f.start - POINTS_REACH) :
                            bisect.bisect_right(percents, after.end() + POINTS_REACH)]
            if any(_LEVEL_BEFORE.search(text, max(0, p - 24), p) and not re.search(
                    r"[.!?;]\s", text[min(p, f.start) : max(p, after.end())]) for p in near):
                f = dataclasses.replace(f, kind="percent", unit="percentage_point", noun="", end=after.end())
        out.append(f)
    return out


def extract_text(text: str, published: object = None, source: str = "", article_id: str = "<text>") -> list[Claim]:
    """Convenience for analysts and tests: the claims in a bare string."""
    pub = published if isinstance(published, dt.date) else (dt.date.fromisoformat(published) if published else None)
    return extract_article(Article(id=article_id, path=article_id, body=text, source=source, published=pub))
