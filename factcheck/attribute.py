"""Who, what, when: fill each claim's entity, attribute and period from the words around it.

The entity is the nearest named thing before the figure in its sentence (aliases from
rules/aliases.yaml, else any capitalised name), then after it, then the entity the previous
sentences were about when the sentence only points back ("its shares", "the company"). The
attribute is the one whose cue words (rules/attributes.yaml) stand nearest. The period is a date
written in the same sentence, else the publication date (flagged as such).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

import yaml

from factcheck.config import default_rules_dir
from factcheck.records import Article, Claim

_STOP_CAPS = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "It", "Its", "This", "That", "These", "Those", "He",
    "She", "They", "We", "I", "You", "Mr", "Ms", "Mrs", "Dr", "As", "For", "By", "With", "From", "After", "Before",
    "While", "When", "Since", "Still", "Yet", "So", "If", "Of", "To", "Not", "No", "Yes", "Some", "Many", "Most",
    "All", "Analysts", "Investors", "Shares", "Stocks", "Its", "Their", "His", "Her", "Our", "Last", "Next", "This",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Q", "Then", "There", "Here", "What", "Why",
    "How", "Who", "One", "Two", "Three", "Even", "Also", "Only", "Just", "Meanwhile", "However", "Although",
    "Despite", "According", "Under", "Over", "About", "Around", "Nearly", "More", "Less", "Such", "Each", "Every",
    "Both", "Other", "Another", "Few", "Several", "Much", "Now", "Today", "Yesterday", "Earlier", "Later", "Once",
    "AI", "CEO", "IPO", "GPU", "GPUs", "LLM", "LLMs", "API", "App", "Store", "Chinese", "American", "US", "U.S.",
}
_CAPS = re.compile(r"\b[A-Z][\w&.'’-]*[\w&](?:\s+(?:of\s+|de\s+|and\s+)?[A-Z][\w&.'’-]*[\w&])*")
_WEAK_BEFORE = re.compile(
    r"(?:\bbehind|\bbacked\s+by|\bthan|\blike|\bsuch\s+as|\bincluding|\brivals?|\bversus|\bvs\.?|\bcompared\s+with|"
    r"\bcompared\s+to|\bagainst|\bwhile|\bas\s+did|\bunlike)\s+$",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?(?:US\$|HK\$|[$€£¥])?$", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?(?:US\$|HK\$|[$€£¥])?$", re.I)


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    kinds: tuple[str, ...]
    nouns: tuple[str, ...]
    units: tuple[str, ...]
    cue_re: re.Pattern[str]


@dataclass(frozen=True)
class Vocabulary:
    """Aliases and attribute cues, compiled once."""

    alias_to_entity: dict[str, str]
    alias_re: re.Pattern[str]
    reference_re: re.Pattern[str]
    attributes: tuple[AttributeSpec, ...]
    window: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def vocabulary(rules_dir: str | None = None) -> Vocabulary:
    base = default_rules_dir() if rules_dir is None else rules_dir
    with open(f"{base}/aliases.yaml", encoding="utf-8") as fh:
        aliases_doc = yaml.safe_load(fh) or {}
    with open(f"{base}/attributes.yaml", encoding="utf-8") as fh:
        attrs_doc = yaml.safe_load(fh) or {}
    alias_to_entity: dict[str, str] = {}
    for canonical, forms in (aliases_doc.get("entities") or {}).items():
        alias_to_entity[canonical] = canonical
        for form in forms or []:
            alias_to_entity[form] = canonical
            if form[:1].islower():
                alias_to_entity[form[0].upper() + form[1:]] = canonical
    alias_re = re.compile(r"(?<![\w-])(" + _alternation(list(alias_to_entity)) + r")(?![\w-])")
    refs = aliases_doc.get("references") or []
    reference_re = re.compile(r"\b(?:" + _alternation(refs) + r")\b", re.I) if refs else re.compile(r"(?!)")
    specs = []
    for name, spec in (attrs_doc.get("attributes") or {}).items():
        cues = [str(c) for c in spec.get("cues", [])]
        specs.append(
            AttributeSpec(
                name=name,
                kinds=tuple(spec.get("kinds", [])),
                nouns=tuple(str(n).lower() for n in spec.get("nouns", [])),
                units=tuple(spec.get("units", [])),
                cue_re=re.compile(r"(?<![\w-])(?:" + _alternation(cues) + r")(?![\w-])", re.I),
            )
        )
    return Vocabulary(alias_to_entity, alias_re, reference_re, tuple(specs), int(attrs_doc.get("window", 60)))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    known: bool


def find_mentions(text: str, vocab: Vocabulary) -> list[Mention]:
    """Named things in the text: aliases first, then other capitalised names."""
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in vocab.alias_re.finditer(text):
        mentions.append(Mention(m.start(), m.end(), vocab.alias_to_entity[m.group(1)], True))
        taken.append(m.span())
    taken.sort()
    for m in _CAPS.finditer(text):
        name = re.sub(r"['’]s$", "", m.group()).rstrip(".")
        first = name.split()[0]
        if first in _STOP_CAPS:
            words = name.split()[1:]
            if not words or words[0] in _STOP_CAPS:
                continue
            name = " ".join(words)
            start = m.start() + m.group().index(name)
        else:
            start = m.start()
        if any(s < m.end() and e > start for s, e in taken) or name in _STOP_CAPS or len(name) < 2:
            continue
        mentions.append(Mention(start, start + len(name), name, False))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _entity_for(claim: Claim, text: str, mentions: list[Mention], vocab: Vocabulary) -> str:
    s, e = claim.sentence
    before = [m for m in mentions if s <= m.start and m.end <= claim.start]
    for m in reversed(before):
        if _WEAK_BEFORE.search(text, max(s, m.start - 25), m.start):
            continue
        return m.entity
    after = [m for m in mentions if claim.end <= m.start and m.end <= e]
    if after:
        return after[0].entity
    earlier = [m for m in mentions if m.end <= s]
    if earlier:
        known = [m for m in earlier[-12:] if m.known]
        return (known or earlier)[-1].entity
    return before[-1].entity if before else ""


def _attribute_for(claim: Claim, text: str, vocab: Vocabulary) -> str:
    s, e = claim.sentence
    best, best_dist = "", vocab.window + 1
    for spec in vocab.attributes:
        if spec.kinds and claim.kind not in spec.kinds:
            continue
        if spec.nouns and claim.noun.lower() not in spec.nouns:
            continue
        if spec.units and claim.unit not in spec.units:
            continue
        for m in spec.cue_re.finditer(text, max(s, claim.start - vocab.window), min(e, claim.end + vocab.window)):
            dist = claim.start - m.end() if m.end() <= claim.start else m.start() - claim.end
            dist = max(dist, 0) + (5 if m.start() >= claim.end else 0)
            if dist < best_dist:
                best, best_dist = spec.name, dist
    if not best:
        if claim.kind == "count":
            best = f"number of {claim.noun}s" if claim.noun else "count"
        elif claim.kind == "percent":
            best = "change" if claim.direction else "share"
        elif claim.kind == "date":
            best = "date"
        else:
            best = "amount"
    if claim.kind != "date":
        left = text[max(s, claim.start - 30) : claim.start]
        if _FROM_BEFORE.search(left):
            best += " (before)"
        elif _TO_BEFORE.search(left) and re.search(r"\bfrom\b", text[s : claim.start], re.I):
            best += " (after)"
    return best


def _period_for(claim: Claim, others: list[Claim], published: dt.date | None) -> tuple[str | None, str]:
    if claim.kind == "date":
        return None, ""
    s, _ = claim.sentence
    candidates = [
        c for c in others
        if c.kind == "date" and c.sentence == claim.sentence and c.resolved and c.low and c.weekday is None
    ]
    if candidates:
        nearest = min(candidates, key=lambda c: abs(c.start - claim.start))
        period = nearest.value if isinstance(nearest.value, str) else f"{nearest.low}..{nearest.high}"
        return str(period), "explicit"
    if published is not None:
        return f"..{published.isoformat()}", "published"
    return None, "none"


def period_interval(period: str | None) -> tuple[dt.date, dt.date] | None:
    """The date interval a period string stands for ("2025", "2025-01", "2025-01-27", "a..b", "..b")."""
    if not period:
        return None
    if ".." in period:
        lo, hi = period.split("..", 1)
        high = _parse_low_high(hi)[1]
        low = _parse_low_high(lo)[0] if lo else high - dt.timedelta(days=365)
        return low, high
    return _parse_low_high(period)


def _parse_low_high(s: str) -> tuple[dt.date, dt.date]:
    parts = s.split("-")
    if len(parts) == 1:
        y = int(parts[0])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
    d = dt.date.fromisoformat(s)
    return d, d


def attribute_article(article: Article, claims: list[Claim], vocab: Vocabulary | None = None) -> list[Claim]:
    """The same claims with entity, attribute and period filled."""
    vocab = vocab or vocabulary()
    text = article.body
    mentions = find_mentions(text, vocab)
    out: list[Claim] = []
    for claim in claims:
        entity = _entity_for(claim, text, mentions, vocab)
        attribute = _attribute_for(claim, text, vocab)
        period, source = _period_for(claim, claims, article.published)
        out.append(replace(claim, entity=entity or None, attribute=attribute, period=period, period_source=source))
    return out
