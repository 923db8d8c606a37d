"""Extraction: every figure and date in an article, as a Claim with an exact span and an interval."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from factcheck.extract.dates import DateMention, find_dates
from factcheck.extract.numbers import Figure, find_figures
from factcheck.records import Article, Claim
from factcheck.text import SentenceIndex

__all__ = ["extract_article", "extract_text"]


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    r = round(x, 10)
    return int(r) if r.is_integer() and abs(r) < 1e18 else r


def _date_claim(article: Article, m: DateMention, published: str | None) -> Claim:
    return Claim(
        article=article.id,
        source=article.source,
        published=published,
        kind="date",
        text=m.text,
        start=m.start,
        end=m.end,
        value=m.value,
        low=m.low.isoformat() if m.low else None,
        high=m.high.isoformat() if m.high else None,
        qualifier=m.qualifier,
        granularity=m.granularity,
        resolved=m.resolved,
        weekday=m.weekday,
    )


def _figure_claim(article: Article, body: str, f: Figure, published: str | None) -> Claim:
    return Claim(
        article=article.id,
        source=article.source,
        published=published,
        kind=f.kind,
        text=body[f.start : f.end],
        start=f.start,
        end=f.end,
        value=_num(f.value),
        low=_num(f.low),
        high=_num(f.high),
        unit=f.unit,
        noun=f.noun,
        qualifier=f.qualifier,
        direction=f.direction,
        multiplier=f.multiplier,
        ambiguous=f.ambiguous,
    )


def extract_article(article: Article) -> list[Claim]:
    """All claims in one article, in text order; weekday words point (`labels`) at the date they name."""
    body = article.body
    published = article.published.isoformat() if article.published else None
    dates = find_dates(body, article.published)
    figures = find_figures(body, skip=[(d.start, d.end) for d in dates])
    items: list[tuple[int, int, Claim]] = []  # (start, index among dates or -1, claim)
    for i, d in enumerate(dates):
        items.append((d.start, i, _date_claim(article, d, published)))
    for f in figures:
        items.append((f.start, -1, _figure_claim(article, body, f, published)))
    items.sort(key=lambda t: t[0])
    position = {i: n for n, (_, i, _) in enumerate(items) if i >= 0}
    sentences = SentenceIndex(body)
    claims: list[Claim] = []
    for _, i, claim in items:
        labels = None
        if i >= 0 and dates[i].labels is not None:
            labels = position.get(dates[i].labels)
        sentence = sentences.span_of(claim.start)
        context = body[max(sentence[0], claim.start - 60) : min(sentence[1], claim.end + 60)]
        claims.append(replace(claim, labels=labels, sentence=sentence, context=context))
    return claims


def extract_text(text: str, published: object = None, source: str = "", article_id: str = "<text>") -> list[Claim]:
    """Convenience for analysts and tests: the claims in a bare string."""
    pub = published if isinstance(published, dt.date) else (dt.date.fromisoformat(published) if published else None)
    return extract_article(Article(id=article_id, path=article_id, body=text, source=source, published=pub))
