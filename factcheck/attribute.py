"""Who, what, when: fill each claim's entity, attribute and period from the words around it.

The entity is the name the sentence's grammar gives the figure (factcheck.entity, over a dependency
parse), else the nearest named thing before the figure in its sentence, then after it, then the
entity the previous sentences were about when the sentence only points back ("its shares", "the
company"). Names are aliases (rules/aliases.yaml, a story's own aliases.yaml) and capitalised names. The
attribute is the one whose cue words (rules/attributes.yaml) stand nearest. The period is a date
written in the same sentence, else the publication date (flagged as such).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from factcheck.core.records import Article, Claim
from factcheck.entity import Named, Reading, Sentence, read
from factcheck.measure import same_clause, event, measure
from factcheck.language.parse import parse
from factcheck.language.text import sentences_of, singular
from factcheck.core.regex import alternation
from factcheck.lexicon.config import NO_DATA, DataFiles, Lexicon, lexicon, on_data, read_data
from factcheck.lexicon.wordclasses import common_words, stop_list, union, word_class

_NOT_A_NAME = stop_list("not_a_name")  # lower case: "The", "March", "UTC", "Norwegian" are never a name alone
_DEMONYMS = union("demonyms", "compass_points")  # alone never a name, but kept inside one: "North Yorkshire"
_NAME_PREFIX = stop_list("name_prefix")  # "President", "rival", "Storm": before a name, not part of it
_CORPORATE = word_class("corporate_suffixes")
_LOCATIVE = re.compile(r"\b(?i:in|at|near|across|from|to|into|outside|inside)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$")
_IN_PLACE = re.compile(r"\b(?i:in|at|on|near|across|from|to|into|outside|inside|around|over)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$")
_SENTENCE_START = re.compile(  # also after Markdown's emphasis marks ("**Long waits rose.**") and a dateline
    r"(?:^|[.!?:\n][\"'”’)*_]*\s*|^\s*[\"“‘(]|[.!?:][\"'”’]?\s+[\"“‘(]|[A-Z)]\s+[—–-]\s+)(?:[*_#>]+\s*)?$")
_COMMON_ENDINGS = (
    "s", "tion", "ment", "ity", "ness", "ure", "age", "ance", "ence", "ing", "ism", "ship", "hood", "ian", "ese",
    "ish", "al", "ly", "ed", "ful", "less", "ive", "ous", "ic",
)
_NUMBER_WORDS = union("cardinals", "tens", "number_words")


def _not_a_name(word: str) -> bool:
    """A capitalised word that is never a name alone ("The", "March", "UTC", "Norwegian"), also in a
    run of them ("April-June", "Chinese AI")."""
    return all(part.lower().rstrip(".") in _NOT_A_NAME for part in re.split(r"[-\s]+", word) if part)


def _common_word(word: str, text: str) -> bool:
    """A sentence-initial capitalised word that is most likely an ordinary word: a number word, a
    hyphenated compound ("Second-quarter"), a word with a common-noun or adjective ending
    ("Temperatures", "Turnout" aside), or one the text also writes in lower case."""
    low = word.lower()
    parts = word.split("-")
    if low in _NUMBER_WORDS or (len(parts) > 1 and not parts[1][:1].isupper() and not parts[1][:1].isdigit()):
        return True
    if low.endswith(_COMMON_ENDINGS) and word[1:].islower():
        return True
    return re.search(r"\b" + re.escape(low) + r"\b", text) is not None


def _first_word_common(word: str, text: str, end: int, memo: dict[str, tuple[bool, bool]]) -> bool:
    """Whether a sentence's capitalised first word is an ordinary word, not a name: `_common_word`, or
    a common English word ("Revenue rose", "Net income fell") followed by a word in lower case and
    never written capitalised alone inside a sentence of the text (inside a longer name, "Union of
    Train Crews", it does not count). The look-ups over the whole text are
    done once per word (`memo`), so an article of many such sentences stays linear."""
    if word not in memo:
        memo[word] = (_common_word(word, text), word.lower() in common_words()
                      and re.search(r"(?:^|[\s(])[a-z][\w'’-]*[,;]? " + re.escape(word) + r"\b(?! [A-Z])", text) is None)
    common, ordinary = memo[word]
    return common or (ordinary and _LOWER_NEXT.match(text, end) is not None)


_LOWER_NEXT = re.compile(r"\s+[a-z]")


def normalize_name(name: str) -> str:
    """One name for one thing: titles and corporate suffixes dropped ("President Mara Quell" -> "Mara
    Quell", "Kessling Motors Inc." -> "Kessling Motors"), an owner's possessive resolved ("NASA's
    Perseverance" -> "Perseverance", but "Aldous Capital's IPO" -> "Aldous Capital")."""
    parts = re.split(r"['’]s ", name, maxsplit=1)
    if len(parts) == 2:
        owner, thing = parts
        name = owner if (thing.isupper() or thing.lower() in _NOT_A_NAME) and not _not_a_name(owner) else thing
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _NAME_PREFIX:
        words = words[1:]
    while len(words) > 1 and (words[-1].lower().rstrip(".,") in _CORPORATE or words[-1] in ("&", "and", "of")):
        words = words[:-1]
    return " ".join(words)


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAPS = re.compile(  # "Storm Éowyn", "Crumbly & Co", "Bank of England", "Office for National Statistics"
    rf"\b[{_UPPER}][\w&.'’-]*[\w&](?:(?<=s)['’](?=\s+[{_UPPER}]))?"  # "Workers' Union"
    rf"(?:\s+(?:of\s+|for\s+|(?:de|du|da|di|van|von|der|den)\s+|and\s+|&\s+)?"
    rf"[{_UPPER}][\w&.'’-]*[\w&](?:(?<=s)['’](?=\s+[{_UPPER}]))?)*"
)
_JOINED = re.compile(r"\s(?:of|for)\s")  # "Bank of China", "Office for National Statistics"
_WEAK_BEFORE = re.compile(
    r"(?:\bbehind|\bbacked\s+by|\bthan|\blike|\bsuch\s+as|\bincluding|\brivals?|\bversus|\bvs\.?|\bcompared\s+with|"
    r"\bcompared\s+to|\bagainst|\bunlike)\s+$",
    re.I,
)
_FROM_TO: dict[int, tuple[object, re.Pattern[str], re.Pattern[str]]] = {}


def _from_to(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "from about $", "to roughly €" right before a figure: its before and after sides, with the
    hedge words and currency signs of the lexicon (built once per lexicon)."""
    cached = _FROM_TO.get(id(lex))
    if cached is None or cached[0] is not lex:
        signs = [sym.strip() for sym in lex.symbols if sym.strip() and not sym.strip().isalpha()]
        tail = rf"\s+(?:(?:{alternation(list(lex.hedges))})\s+)?(?:{alternation(signs)})?$"
        cached = _FROM_TO[id(lex)] = (lex, re.compile(r"\bfrom" + tail, re.I), re.compile(r"\bto" + tail, re.I))
    return cached[1], cached[2]


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    kinds: tuple[str, ...]
    nouns: tuple[str, ...]
    units: tuple[str, ...]
    organisations_only: bool = False  # a listing or an IPO is a company's, never a product's ("R1 went public")
    money: bool = False  # only for amounts of money: a speed is never a training cost


@dataclass(frozen=True)
class Vocabulary:
    """Aliases and attribute cues, compiled once."""

    alias_to_entity: dict[str, str]
    alias_re: re.Pattern[str]
    reference_re: re.Pattern[str]
    places: frozenset[str]
    attributes: tuple[AttributeSpec, ...]
    window: int
    cue_specs: dict[str, tuple[int, ...]]  # a cue (lower case, single spaces) -> the attributes it speaks for
    cue_words: int  # the longest cue, in words
    scope_words: dict[str, str]  # a scope word (lower case) -> its group
    scope_absent: dict[str, str]  # group -> the value of naming none of its words, for groups that have one
    attribute_cutoff: float = 88.0
    entity_cutoff: float = 92.0
    nouns: dict[str, str] = field(default_factory=dict)  # counted noun (lower case) -> its canonical name


_WORD = re.compile(r"[\w]+(?:['’-][\w]+)*")


def _phrases_in(text: str, lo: int, hi: int, table: dict[str, object], longest: int) -> list[tuple[int, int, str]]:
    """Every phrase of `table` (one to `longest` words) in text[lo:hi]. The text is read once per
    table (`_phrase_index`), however many windows of it are asked about: an article of many figures
    stays linear."""
    starts, found = _phrase_index(text, table, longest)
    out = []
    for i in range(bisect.bisect_left(starts, lo), len(found)):
        start, end, key, name_before = found[i]
        if start >= hi:
            break
        if end <= hi and name_before < lo:  # a capitalised word before the window does not count
            out.append((start, end, key))
    return out


_PHRASE_INDEXES: dict[tuple[int, int], tuple[str, dict[str, object], tuple[list[int], list[tuple[int, int, str, int]]]]] = {}


def _phrase_index(text: str, table: dict[str, object],
                  longest: int) -> tuple[list[int], list[tuple[int, int, str, int]]]:
    """Each phrase of `table` in `text`, by a dictionary look-up per word run, in order of start, with
    where the capitalised word before it starts when the phrase's first word is capitalised too ("the
    Eastbay Open": a word inside a name is not a cue; -1 when it is not), and the starts alone for
    bisecting. The last few texts are kept."""
    key = (id(text), id(table))
    kept = _PHRASE_INDEXES.get(key)
    if kept is not None and kept[0] is text and kept[1] is table:
        return kept[2]
    raw = list(_WORD.finditer(text))
    words = [m.group().lower() for m in raw]
    found = []
    for i, m in enumerate(raw):
        w = m.group()
        name_before = raw[i - 1].start() if i and w[:1].isupper() and not w.isupper() and raw[i - 1].group()[:1].isupper() else -1
        phrase = ""
        for j in range(i, min(i + longest, len(words))):
            phrase = words[j] if j == i else f"{phrase} {words[j]}"
            if phrase in table:
                found.append((m.start(), raw[j].end(), phrase, name_before))
    index = ([f[0] for f in found], found)
    if len(_PHRASE_INDEXES) >= 8:
        _PHRASE_INDEXES.pop(next(iter(_PHRASE_INDEXES)))
    _PHRASE_INDEXES[key] = (text, table, index)
    return index


def _cues_in(text: str, lo: int, hi: int, vocab: Vocabulary) -> list[tuple[int, int, str]]:
    return _phrases_in(text, lo, hi, vocab.cue_specs, vocab.cue_words)  # type: ignore[arg-type]


_NOT_SUBJECT = {
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "saw", "sees", "see", "made", "makes",
    "reached", "reaches", "hit", "hits", "stood", "stands", "came", "comes", "totalled", "totaled", "totals",
    "overall", "about", "around", "some", "nearly", "almost", "more", "than", "over", "under", "just", "only",
    "also", "still", "now", "then", "that", "this", "which", "who", "their", "its", "his", "her", "the", "and",
    "but", "with", "from", "into", "onto", "said", "says", "reported", "reports", "showed", "shows", "found",
    "according", "year", "month", "week", "quarter", "percent", "cent", "per", "points", "point", "times",
    "roughly", "least", "most", "further", "another", "record", "high", "low", "level", "levels",
    "total", "figure", "figures", "rate", "number", "amount", "value", "share", "proportion", "average",
}
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|his\s+|her\s+)?([a-z][a-z-]{2,})\b")


def _subject_noun(claim: Claim, text: str) -> str:
    """What a bare figure is a part of, when no attribute cue is near: "cancelled 4.1% of its trains"
    -> "train". (Reading the subject before the verb instead lost more true matches than it saved.)"""
    after = _OF_AFTER.match(text, claim.end, min(len(text), claim.end + 40))
    if after and after.group(1) not in _NOT_SUBJECT:
        return singular(after.group(1))
    return ""


_SUBJECT_BEFORE = re.compile(
    r"\b([a-z][a-z-]{2,})\s+(?:(?:was|is|were|are|stood|stands|came\s+in|reached|hit|rose|fell|dropped|climbed|"
    r"jumped|slipped|slid|declined|grew|increased|decreased|went\s+up|went\s+down|averaged|totalled)\s+)?"
    r"(?:by\s+|to\s+|at\s+|of\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+|only\s+)?"
    r"(?:[-−–+]\s*)?$"
)


def _own_noun(claim: Claim, text: str) -> str:
    """The noun a bare figure is said of, right before it: "punctuality was 64%" -> "punctuality",
    "operating costs by 10%" -> "cost"; "" when a verb or a name stands there instead."""
    m = _SUBJECT_BEFORE.search(text, max(claim.sentence[0], claim.start - 50), claim.start)
    if not m or m.group(1) in _NOT_SUBJECT or m.group(1) in _NEUTRAL_MODIFIERS or m.group(1).endswith(("ed", "ly")):
        return ""
    if m.group(0).strip() == m.group(1):
        return ""  # a word right before the figure with no verb or "by": "cut 10%", "rally 5%"
    return singular(m.group(1))


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es" if not noun.endswith("ies") else noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun if noun.isupper() and noun.endswith("s") else noun + "s"


def canonical_noun(noun: str, vocab: Vocabulary | None = None) -> str:
    """The name a counted noun goes by ("shop" -> "store"), from noun_synonyms in rules/attributes.yaml."""
    vocab = vocab or vocabulary()
    return vocab.nouns.get(noun.lower(), noun.lower())


_US = re.compile(r"\b(?:US|U\.S\.)(?=\s)")  # written in capitals: the country, never the pronoun
_TERM = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty)-(?:year|month|week|day)\b",
                   re.I)


def _scope_for(
    claim: Claim, text: str, vocab: Vocabulary, others: list[Claim] = ()  # type: ignore[assignment]
) -> tuple[tuple[str, str], ...]:
    """The scope words nearest the figure in its clause, one per group ("women's", "sustained"), and
    the start of the span a cumulative figure covers ("lost 38% of its ice since 1990")."""
    if claim.kind == "date" or not vocab.scope_words:
        return ()
    s, e = claim.sentence
    lo, hi = max(s, claim.start - vocab.window), min(e, claim.end + vocab.window)
    best: dict[str, tuple[int, str]] = {}
    found = _phrases_in(text, lo, hi, vocab.scope_words, vocab.cue_words)  # type: ignore[arg-type]
    found += [(m.start(), m.end(), "american") for m in _US.finditer(text, lo, hi) if "american" in vocab.scope_words]
    for start, end, word in found:
        if _CLAUSE_BREAK.search(text, *sorted((end, claim.start)) if end <= claim.start else (claim.end, start)):
            continue
        group = vocab.scope_words[word]
        dist = abs(start - claim.start)
        if group not in best or dist < best[group][0]:
            best[group] = (dist, word)
    scope = {g: w.replace("-", " ") for g, (_, w) in best.items()}  # "second-quarter" = "second quarter"
    for group, absent in vocab.scope_absent.items():
        scope.setdefault(group, absent)
    term = _TERM.search(text, lo, hi)
    if term and not _CLAUSE_BREAK.search(text, *sorted((min(term.end(), claim.end), max(term.start(), claim.start)))):
        scope["term"] = term.group().lower()  # "the 10-year Treasury yield" vs "the two-year"
    since = [c for c in others if c.kind == "date" and c.qualifier == "at_least" and c.sentence == claim.sentence
             and c.low and not _CLAUSE_BREAK.search(text, *sorted((min(c.end, claim.end), max(c.start, claim.start))))]
    if since:
        scope["since"] = str(min(since, key=lambda c: abs(c.start - claim.start)).low)
    return tuple(sorted(scope.items()))


_PART = re.compile(r"\b(?:includ(?:es|ed|ing)|of\s+which|among\s+them|of\s+those)\b", re.I)
_PART_FRONT = re.compile(r"\s*(?:[\"“‘(]\s*)?Of\s+(?:the|those|these|this|that|its|their|all)\b[^,]{3,80},", re.I)
_AMONG = re.compile(r"\bamong\s+(?!(?:the\s+)?(?:highest|lowest|largest|biggest|smallest|best|worst|most|least|top|"
                    r"first|fastest|slowest|few|many|others|them)\b)((?:the\s+)?[\w'’-]+(?:\s+[a-z][\w'’-]*)?)", re.I)
_WHOLE = {"total", "overall", "combined", "whole", "entire", "consolidated", "aggregate", "all"}
_NEUTRAL_MODIFIERS = {
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "record", "strong",
    "weak", "solid", "new", "latest", "reported", "estimated", "expected", "official", "current", "previous",
    "initial", "last", "next", "average", "median", "typical", "quarterly", "annual", "yearly", "monthly", "weekly",
    "daily", "year", "quarter", "month", "half", "full", "first", "second", "third", "fourth", "bumper", "modest",
    "healthy", "disappointing", "surprise", "surprising", "unexpected", "sharp", "steep", "slight", "big", "huge",
    "massive", "small", "large", "larger", "smaller", "higher", "lower", "bigger", "biggest", "largest", "highest",
    "lowest", "recent", "same", "such", "own", "core", "underlying", "adjusted", "net", "gross", "operating",
    "pre-tax", "pretax", "company", "group's", "firm", "business", "company's", "firm's", "and", "or", "of", "in",
    "on", "at", "by", "for", "with", "from", "to", "as", "is", "was", "were", "are", "has", "had", "have", "said",
}


_LINK_AFTER = re.compile(
    r"\s*(?:was|were|is|are|of|stood|totall?ed|totals|reached|hit|came\s+in|amounted|rose|fell|jumped|climbed|grew"
    r"|dropped|declined|increased|decreased|slipped|slid|surged|soared|at|has|had|have|will|would|could|:)\b", re.I)


def _segment(text: str, cue_start: int, cue_end: int, lo: int, vocab: Vocabulary) -> str:
    """The word that narrows a measure's noun, right before it: "data-centre revenue was" ->
    "data-centre", "total revenue was" -> "total"; period words are passed over ("total
    fourth-quarter revenue" -> "total"). Only for a cue that is a noun, read from what follows it (a
    linking verb or "of"), so "the index closed down" or "the model cost roughly" say nothing."""
    if not _LINK_AFTER.match(text, cue_end):
        return ""
    words = list(_WORD.finditer(text, lo, cue_start))
    end = cue_start
    for m in reversed(words[-3:]):
        if text[m.end() : end].strip():
            break  # a comma or a bracket: the noun phrase ended
        word = m.group().lower()
        end = m.start()
        if word in _WHOLE:
            return "total"
        if word in vocab.scope_words or word.replace("-", " ") in vocab.scope_words:
            continue  # "fourth-quarter", "annual", "net": scope words of their own
        if (word in _NEUTRAL_MODIFIERS or word.endswith(("er", "est", "ly", "ed", "'s", "’s"))
                or not word.replace("-", "").isalpha() or m.group()[:1].isupper()):
            break  # a determiner, a judgement ("record profit"), a name ("Nvidia's revenue"): no segment
        return word
    return ""


_INDEFINITE_CLAUSE = re.compile(r"(?<!,)\s(?:a|an|another|other)\s+(?:[a-z][\w-]*\s+){0,2}?(?:that|which|whose)\s", re.I)


def _narrowing(claim: Claim, text: str, vocab: Vocabulary, scope: tuple[tuple[str, str], ...], cue_start: int,
               cue_end: int) -> tuple[tuple[str, str], ...]:
    """Scope that narrows a figure to a part of what its attribute measures: a part of a whole ("includes
    80 billion for defence", "Of the land burned, 7,900 hectares were forest"), a subgroup ("among
    over-65s"), a segment named right before the measure ("data-centre revenue" vs "total revenue")."""
    s, _ = claim.sentence
    extra: dict[str, str] = {}
    lo = max(s, claim.start - vocab.window)
    front = _PART_FRONT.match(text, s)
    part = _PART.search(text, lo, claim.start) or (front and front.end() <= claim.start)
    extra["part"] = "part" if part else "whole"
    among = _AMONG.search(text, s, claim.start)
    if among and _CLAUSE_BREAK.search(text, among.start(), claim.start):
        among = None
    if among is None:  # "84% among over-65s", but not "56%, second among hedge funds" (a ranking)
        among = _AMONG.search(text, claim.end, min(claim.sentence[1], claim.end + 30))
        if among and (re.search(r"[,;]|\b(?:second|third|top|best|highest|lowest|it|them|ranks?|ranked)\b",
                                text[claim.end : among.start()], re.I) or text[claim.end : among.start()].count(" ") > 3):
            among = None
    if among:
        words = among.group(1).lower().split()
        while len(words) > 1 and words[-1] in _NEUTRAL_MODIFIERS:
            words.pop()  # "among over-65s in the trial" -> "over-65s"
        extra["among"] = " ".join(words)
    else:
        extra["among"] = "all"
    if 0 <= cue_end <= claim.start:
        segment = _segment(text, cue_start, cue_end, s, vocab)
        if segment:
            extra["segment"] = segment
    if claim.kind in ("percent", "quantity"):
        own = _own_noun(claim, text)
        if own:
            extra["subject"] = own
    merged = dict(scope)
    merged.update(extra)
    return tuple(sorted(merged.items()))


def _inflected(cue: str) -> list[str]:
    """A cue and its usual inflections on its first word: "erase" -> erases, erased, erasing."""
    first, _, rest = cue.partition(" ")
    tail = f" {rest}" if rest else ""
    if not first.isalpha() or not first.islower() or len(first) < 3:
        return [cue]
    stem = first[:-1] if first.endswith("e") else first
    forms = {first, first + "s", stem + "ed", stem + "ing", first + "d" if first.endswith("e") else first + "ed"}
    if first.endswith("y"):
        forms |= {first[:-1] + "ies", first[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", first):
        forms |= {first + first[-1] + "ing", first + first[-1] + "ed"}  # shed -> shedding, cut -> cutting
    return [f + tail for f in forms]


@on_data("aliases.yaml", "attributes.yaml")
def vocabulary(rules_dir: str | None = None, *, extra: DataFiles = NO_DATA) -> Vocabulary:
    """Aliases and attribute cues of the default pack (or of `rules_dir`) with the aliases.yaml and
    attributes.yaml files of `extra` read over them (default: the files in force), compiled once."""
    aliases_doc = read_data("aliases.yaml", extra, rules_dir)
    attrs_doc = read_data("attributes.yaml", extra, rules_dir)
    alias_to_entity: dict[str, str] = {}
    for canonical, forms in (aliases_doc.get("entities") or {}).items():
        alias_to_entity[canonical] = canonical
        for form in forms or []:
            alias_to_entity[form] = canonical
            if form[:1].islower():
                alias_to_entity[form[0].upper() + form[1:]] = canonical
    alias_re = re.compile(r"(?<![\w-])(" + alternation(list(alias_to_entity)) + r")(?![\w-])")
    refs = [str(r) for r in aliases_doc.get("references") or []]
    reference_re = re.compile(
        r"\b[Tt]he\s+(?:[A-Z][\w-]*\s+){0,2}(?:" + alternation(refs) + r")(?:['’]s)?\b" if refs else r"(?!)"
    )
    places = frozenset(vocab_place for vocab_place in aliases_doc.get("places") or [])
    specs = []
    forms_of: list[set[str]] = []
    for name, spec in (attrs_doc.get("attributes") or {}).items():
        cues = [form for c in spec.get("cues", []) for form in _inflected(str(c))]
        forms_of.append({c.lower() for c in cues})
        specs.append(
            AttributeSpec(
                name=name,
                kinds=tuple(spec.get("kinds", [])),
                nouns=tuple(str(n).lower() for n in spec.get("nouns", [])),
                units=tuple(spec.get("units", [])),
                organisations_only=spec.get("subjects") == "organisation",
                money=bool(spec.get("money", False)),
            )
        )
    cue_specs: dict[str, tuple[int, ...]] = {}
    for form in sorted(set().union(*forms_of)) if forms_of else []:
        key = " ".join(_WORD.findall(form))
        cue_specs[key] = tuple(i for i, forms in enumerate(forms_of) if form in forms)
    scope_words: dict[str, str] = {}
    scope_absent: dict[str, str] = {}
    for group, spec in (attrs_doc.get("scopes") or {}).items():
        for word in spec.get("words", []):
            scope_words[" ".join(_WORD.findall(str(word).lower()))] = group
        if spec.get("absent"):
            scope_absent[group] = str(spec["absent"])
    cue_words = max((k.count(" ") + 1 for k in [*cue_specs, *scope_words]), default=1)
    return Vocabulary(alias_to_entity, alias_re, reference_re, places, tuple(specs), int(attrs_doc.get("window", 60)),
                      cue_specs, cue_words, scope_words, scope_absent,
                      float((attrs_doc.get("match") or {}).get("attribute_cutoff", 88)),
                      float((attrs_doc.get("match") or {}).get("entity_cutoff", 92)),
                      {str(w).lower(): str(canonical) for canonical, words in (attrs_doc.get("noun_synonyms") or {}).items()
                       for w in [canonical, *words]})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    known: bool
    place: bool = False
    reference: bool = False


@dataclass(frozen=True)
class Mentions:
    """An article's mentions in text order (none overlaps another, so their ends are in order too),
    looked up by position, so that attributing an article stays linear in its length."""

    items: list[Mention]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, items: list[Mention]) -> Mentions:
        return cls(items, [m.start for m in items], [m.end for m in items])

    def starting(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start at `lo` or later and before `hi`."""
        return self.items[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def last_before(self, pos: int, n: int, keep: Callable[[Mention], bool], reach: int = 200) -> list[Mention]:
        """The last `n` mentions that end at or before `pos` and that `keep` accepts, in text order,
        among the last `reach` mentions (so that an article of many figures stays linear)."""
        out: list[Mention] = []
        i = bisect.bisect_right(self.ends, pos) - 1
        stop = i - reach
        while i >= 0 and i > stop and len(out) < n:
            if keep(self.items[i]):
                out.append(self.items[i])
            i -= 1
        return out[::-1]


_MODEL_NUMBER = re.compile(r"( \d{1,3}[A-Za-z]?)(?=[ ,;:.)]*(?:[a-z]|$)|[,;:.)](?:\s|$))(?! ?(?:per|percent|million|billion|bn|m|k)\b)")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s|[A-Z][A-Z\d]*\d[A-Z\d]*s")  # "GPUs", "H1s": a common noun in capitals
_CODE = re.compile(r"[A-Z]{1,2}\d{1,2}")  # "H1", "B2"
_LABEL_NOUNS = word_class("label_nouns")
_LABEL_CODE = re.compile(r" (?:[A-Z]|\d{1,2}[a-z]?)\b(?![.,]\d)")  # "Band D", "Question 9", "Tier 2", "Stage 4b"
_A_CODE = re.compile(r"\b(?:an?|each|per)\s+$", re.I)  # "an H1", "a B2": a grade or class, one of many
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’ -]*[A-Z.](?:,[ \t]*[\w .]+)?[ \t]*(?:\([^)\n]*\))?)(?=[ \t]*[—–:-])")


def find_names(text: str, vocab: Vocabulary) -> list[Mention]:
    """Named things in the text: aliases first, then other capitalised names."""
    first_words: dict[str, tuple[bool, bool]] = {}
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    longer = [m.span() for m in _CAPS.finditer(text) if _JOINED.search(m.group())]  # "Bank of China"
    for m in vocab.alias_re.finditer(text):
        if _JOINED.search(text, max(0, m.start() - 5), m.start()) and _overlaps(longer, m.start(), m.end()):
            continue  # "China" inside "Bank of China": the longer name is the thing named
        mentions.append(Mention(m.start(), m.end(), vocab.alias_to_entity[m.group(1)], True))
        taken.append(m.span())
    taken += [m.span(1) for m in _DATELINE.finditer(text)]  # "LONDON —": where it was filed, not a name
    taken.sort()
    for m in _CAPS.finditer(text):
        words = m.group().split()
        skip = 0
        while skip < len(words) and _not_a_name(words[skip]) and not (
                skip < len(words) - 1 and words[skip].lower() in _DEMONYMS):  # "European Central Bank" is a name
            skip += 1
        if (skip < len(words) - 1 and _SENTENCE_START.search(text, max(0, m.start() - 6), m.start())
                and words[skip].lower().endswith(("ing", "ed")) and words[skip][1:].islower()):
            skip += 1  # "Training Lumen-7 cost...": a sentence's first word, not part of the name
        if skip == len(words):
            continue
        start = m.start() + len(" ".join(words[:skip])) + (1 if skip else 0)
        start = text.find(words[skip], start, m.end())
        name = re.sub(r"['’]s$", "", text[start : m.end()]).rstrip(".")
        if start < 0 or not name:
            continue
        if _overlaps(taken, start, m.end()) or (_not_a_name(name) and not _compass_region(name)) or len(name) < 2:
            continue
        if name.endswith(("-based", "-listed", "-owned", "-backed", "-born")) or _PLURAL_ACRONYM.fullmatch(name) or (
                _CODE.fullmatch(name) and _A_CODE.search(text, max(0, start - 6), start)):
            continue
        if name.lower() in _LABEL_NOUNS and _LABEL_CODE.match(text, start + len(name)):
            continue  # "a Band D bill", "Question 9": a class of many by its code, not a name
        numbered = _MODEL_NUMBER.match(text, start + len(name))
        if " " not in name and not numbered and _SENTENCE_START.search(text, max(0, start - 6), start) and (
                _first_word_common(name, text, start + len(name), first_words)):
            continue  # "Temperatures reached 46C", "Net income fell": a capitalised first word, not a name
        if numbered:
            name += numbered.group(1)  # "the Orbis 5 robot", "Windows 11": the number is part of the name
        canonical = normalize_name(name)
        if canonical:
            mentions.append(Mention(start, start + len(name), canonical, False))
    mentions = [replace(x, place=_is_place(x.entity, vocab)) for x in _pairs_split(text, mentions, vocab)]
    mentions.sort(key=lambda x: x.start)
    return _surnames_met(text, mentions)


def _is_place(name: str, vocab: Vocabulary) -> bool:
    """A place the vocabulary knows, also with a compass point before it ("North Wales"), or a region
    named by compass points alone ("the North East")."""
    first, _, rest = name.partition(" ")
    return name in vocab.places or (first.lower() in _COMPASS and rest in vocab.places) or _compass_region(name)


def _compass_region(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and all(w.lower() in _COMPASS for w in words)


_COMPASS = word_class("compass_points")


def find_mentions(text: str, vocab: Vocabulary, topic: str = "") -> list[Mention]:
    """Named things in the text (`find_names`), and what "the company" and its kind point back to."""
    return with_references(text, find_names(text, vocab), vocab, topic)


def with_references(text: str, mentions: list[Mention], vocab: Vocabulary, topic: str = "") -> list[Mention]:
    """The mentions, and a mention for each reference ("the company", "the group") to what it points
    back to: the last thing whose name holds its word ("the group" -> "Castlegate Retail Group"), else
    the first thing named, in no place phrase ("on the Llŷn", "in Wales"), in the sentence of the
    last such name before it (its subject, more often than not), else the article's `topic` when
    named before it, else the last thing named. A definite subject or owner of any other noun ("The
    storm cut power", "the mutual's ratio") points back to the last name that noun heads (`_heads`)."""
    named = [x for x in mentions if not x.place and not _is_person(text, x)]
    spans = [(x.start, x.end) for x in named]
    ends = [x.end for x in named]
    first = next((i for i, x in enumerate(named) if x.entity == topic), -1) if topic else -1
    resolved: list[Mention] = []
    for r in vocab.reference_re.finditer(text):
        if _overlaps(spans, r.start(), r.end()):
            continue
        antecedent = _antecedent(text, named, ends, r, first)
        if antecedent is not None:
            resolved.append(Mention(r.start(), r.end(), antecedent.entity, antecedent.known, reference=True))
    heads = _heads(text, named)
    for r in _DEFINITE.finditer(text):  # "the storm" after "Storm Marten", "the mutual" after "Harrowgate Mutual"
        if not _overlaps(spans, r.start(), r.end()) and not vocab.reference_re.match(text, r.start()) and (
                (head := _headed(heads, named, ends, r)) is not None):
            resolved.append(Mention(r.start(), r.end(), head.entity, head.known, reference=True))
    if not resolved:
        return mentions
    taken = [(r.start, r.end) for r in resolved]
    kept = [x for x in mentions if not _overlaps(taken, x.start, x.end)]
    return sorted(kept + resolved, key=lambda x: x.start)


def _antecedent(text: str, named: list[Mention], ends: list[int], ref: re.Match[str], topic: int) -> Mention | None:
    """`named[topic]` is the topic's first mention (-1: none). Only the last REACH names are read back:
    an article of many references stays linear."""
    k = bisect.bisect_right(ends, ref.start())  # named[:k] stand before the reference
    if not k:
        return None
    noun = re.sub(r"['’]s$", "", ref.group().split()[-1])
    for x in reversed(named[max(0, k - REACH) : k]):
        if _called(text, x, noun):
            return x
    eligible = [x for x in named[max(0, k - 3) : k] if not _IN_PLACE.search(
        text, max(0, x.start - 24), x.start) and not _WEAK_BEFORE.search(text, max(0, x.start - 24), x.start)]
    if not eligible:
        return named[topic] if 0 <= topic < k else named[k - 1]
    # of the names of the sentence that last names one, its first: the sentence's subject more often
    # than a name inside its object ("Castlegate Retail Group beat City expectations, but the retailer...")
    index = sentences_of(text)
    last = index.index_of(eligible[-1].start)
    return next(x for x in eligible if index.index_of(x.start) == last)


REACH = 40  # names read back for one whose name holds a reference's word
# a definite subject opening a sentence ("The storm cut power"; not "The city of Leeds") or an owner
# ("the mutual's ratio")
_DEFINITE = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=^)|(?<=\n))The\s+([a-z][a-z-]+)\b(?!\s+(?:of|for)\b)|\b[Tt]he\s+([a-z][a-z-]+)(?=['’]s\b)", re.M)


def _heads(text: str, named: list[Mention]) -> dict[str, list[int]]:
    """For each word a later definite noun may point back with, the indexes of `named` it heads, in
    order: a name's last word ("the mutual": "Harrowgate Mutual"; also without its plural "s"), the
    word before its "of" ("the university": "University of Eastmoor"), or a kind word written just
    before it or dropped from it ("the storm": "Storm Marten"). Never a word inside a name ("the
    city" is not "Leeds City Council")."""
    heads: dict[str, list[int]] = {}
    for i, x in enumerate(named):
        written = text[x.start : x.end]
        words = re.split(r"\s+(?:of|for)\s+", written, maxsplit=1)[0].split()
        keys = {words[-1].lower(), words[-1].lower().removesuffix("s")} if words else set()
        if written.split() and not x.entity.startswith(written.split()[0]):
            keys.add(written.split()[0].lower())  # "Storm" of "Storm Marten"
        if before := _WORD_BEFORE.search(text, max(0, x.start - 16), x.start):
            keys.add(before.group(1).lower())
        for key in keys:
            heads.setdefault(key, []).append(i)
    return heads


_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)\s+$")


def _headed(heads: dict[str, list[int]], named: list[Mention], ends: list[int], ref: re.Match[str]) -> Mention | None:
    """The last of the REACH names before a definite noun that the noun heads (`_heads`)."""
    k = bisect.bisect_right(ends, ref.start())
    found = heads.get(ref.group(1) or ref.group(2), [])
    i = bisect.bisect_left(found, k) - 1
    return named[found[i]] if i >= 0 and found[i] >= k - REACH else None


def _pairs_split(text: str, mentions: list[Mention], vocab: Vocabulary) -> list[Mention]:
    """Two names joined by "and" are two names ("Leeds and Manchester", "Gwynedd and Anglesey") when
    one of them is a place or is written alone elsewhere in the text; "Procter and Gamble" and "Crime
    Survey for England and Wales" stay one."""
    alone = {text[m.start : m.end] for m in mentions}  # every name as written, once
    out: list[Mention] = []
    for m in mentions:
        parts = text[m.start : m.end].split(" and ")
        if len(parts) != 2 or parts[0] == parts[1] or _JOINED.search(parts[0]) or not any(
                p in vocab.places or p in alone for p in parts):
            out.append(m)
            continue
        second = m.start + len(parts[0]) + len(" and ")
        out += [Mention(m.start, m.start + len(parts[0]), normalize_name(parts[0]), m.known),
                Mention(second, m.end, normalize_name(parts[1]), m.known)]
    return out


def _surnames_met(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's surname alone ("Ms Castell", "Castell, its chief executive,") stands for the one
    longer name of the article that ends with it ("Mira Castell")."""
    surnames = {m.entity for m in mentions if " " not in m.entity and not m.place and _is_person(text, m)}
    longer: dict[str, set[str]] = {}
    for m in mentions:
        if " " in m.entity and m.entity.split()[-1] in surnames:
            longer.setdefault(m.entity.split()[-1], set()).add(m.entity)
    full = {short: names.pop() for short, names in longer.items() if len(names) == 1}
    return [replace(m, entity=full[m.entity]) if m.entity in full else m for m in mentions] if full else mentions


def name_variants(shorts: list[str], names: list[str]) -> dict[str, str]:
    """Each short form to the one longer name of `names` it stands for: "Castlegate" -> "Castlegate
    Retail", "Sheffield" -> "Sheffield City Council" (its first words), "Castell" -> "Mira Castell"
    (a surname). A short form with no such name, or with several, is left out. Costs shorts x names:
    keep `shorts` few (a title's names)."""
    distinct = set(names)
    out: dict[str, str] = {}
    for short in set(shorts):
        words = short.split()
        fits = {long for long in distinct if len(long.split()) > len(words)
                and (long.split()[: len(words)] == words or (len(words) == 1 and long.split()[-1] == short))}
        if len(fits) == 1:
            out[short] = fits.pop()
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans`, which are sorted and do not overlap one another."""
    i = bisect.bisect_left(spans, (end,))
    return i > 0 and spans[i - 1][1] > start


_CONTRAST = re.compile(r"\b(?:than|compared|versus|vs\.?|while|whereas|but|unlike|against)\b", re.I)
_COMPARED_BEFORE = re.compile(
    r"(?:\bthan\s+(?:the|its|their|his|her)\s+|\b(?:versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:the\s+|a\s+|an\s+)?)$",
    re.I,
)  # "less than the $619m raised by MiniMax" compares; "more than 159 million" only hedges
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|but|while|whereas|although|though)\b|\s[—–]\s|\b(?:while|whereas|after|because|although|though"
    r"|unless|when)\b"
)
_INSIDE_ASIDE = re.compile(r"\b(?:that|which|who|whose|behind|of|for|by|with|from|to|than|like|and)\b", re.I)
_APPOSITIVE_START = re.compile(r",\s*(?:the|a|an|which|who|whose|that|its|formerly|also|once|now)\b[^,]*$", re.I)
_POSSESSIVE_ASIDE = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*,")  # ", Hartwell's closest rival,"


def _weak(m: Mention, text: str, s: int, claim: Claim) -> bool:
    """A mention that is rarely what a figure is about: an aside, a modifier, a place, a comparison."""
    left = text[max(s, m.start - 30) : m.start]
    if _WEAK_BEFORE.search(left) or re.search(r"\b(?:[Aa]ccording\s+to|in|at|across|from|on|via)\s+(?:the\s+)?$", left):
        return True
    if re.search(r"\d[\d,.]*\s*(?:million|billion|bn|m)?\s*$", left):
        return True  # "2,048 Nvidia H800 chips": a modifier of the counted noun
    between = text[m.end : claim.start]
    if text[max(s, m.start - 2) : m.start] == ", " and _POSSESSIVE_ASIDE.match(text, m.end, claim.start):
        return True  # "Fenmore Ales, Hartwell's closest rival, booked $1.9bn": the figure is Fenmore's
    aside = _APPOSITIVE_START.search(text[max(s, m.start - 80) : m.start]) if "," in between else None
    if aside and _INSIDE_ASIDE.search(aside.group()):
        # "High-Flyer, the fund that created DeepSeek, returned 56%": DeepSeek is inside the aside;
        # but in "His business, the fund High-Flyer, had ..." the aside's own name is the subject
        return True
    return False


def _entity_for(claim: Claim, text: str, mentions: Mentions, vocab: Vocabulary, pronoun: bool = False) -> str:
    """The name nearness gives a figure; for a pronoun subject ("it", "its"), the sentence's first
    name, its subject more often than not ("Tovan signed with Kessel Ports and said it would add 30
    lorries"), rather than the last."""
    s, e = claim.sentence
    if _COMPARED_BEFORE.search(text, max(s, claim.start - 25), claim.start):
        # "less than the $619m collected by MiniMax": the compared figure belongs to what follows it
        after = [m for m in mentions.starting(claim.end + 1, e) if m.end <= e and not m.place]
        if after and after[0].start - claim.end < 60:
            return after[0].entity
    before = [m for m in mentions.starting(s, claim.start) if m.end <= claim.start]
    clause = None
    for clause in _INDEFINITE_CLAUSE.finditer(text, s, claim.start):  # noqa: B007 - keep the last one
        pass
    if clause is not None and not any(m.start >= clause.start() for m in before) and claim.kind != "date":
        # "The Kestrel will replace a fleet that tops out at 300 km/h": the figure is the fleet's, a
        # thing with no name, not the Kestrel's
        return ""
    for m in (before if pronoun else reversed(before)):
        if m.place or _weak(m, text, s, claim):
            continue
        return m.entity
    gap = 0 if claim.kind == "date" else 2  # "2,048 Nvidia chips": a name right after a count is a modifier
    after = [m for m in mentions.starting(claim.end + gap + 1, e) if m.end <= e and not m.place]
    located = bool(after) and bool(_LOCATIVE.search(text, max(claim.end, after[0].start - 24), after[0].start))
    if after and not located and not _CONTRAST.search(text, claim.end, after[0].start):
        return after[0].entity
    earlier = mentions.last_before(s, 12, lambda m: not m.place and not _LOCATIVE.search(text, max(0, m.start - 12),
                                                                                           m.start))
    known = [m for m in earlier if m.known]
    if known or earlier:
        # the story's subject, named before, rather than a source or aside in this sentence; named
        # further back than the sentence before, the article's topic is the better guess
        last = (known or earlier)[-1]
        return last.entity if _just_before(text, last, s) else FAR + last.entity
    if before:
        return before[-1].entity
    # "Twelve schools in Halverton will close": with nothing named earlier, the place is what it is
    # about; with nothing named at all, the article's topic (FAR alone)
    return after[0].entity if after and located and not _CONTRAST.search(text, claim.end, after[0].start) else FAR


FAR = "\x00"  # marks a name carried from further back than the sentence before


def _just_before(text: str, m: Mention, s: int) -> bool:
    """Whether mention `m` stands in the sentence just before the one that starts at `s`, in its
    paragraph: what a sentence with no name of its own continues to speak of."""
    index = sentences_of(text)
    i = index.index_of(s)
    return i > 0 and m.start >= index.spans[i - 1][0] and "\n\n" not in text[m.start : s]


def _looks_like_product(entity: str) -> bool:
    """Model and product names carry a number ("R1", "GPT-4", "iPhone 16"); company names rarely do."""
    return any(ch.isdigit() for ch in entity)


def _attribute_for(claim: Claim, text: str, vocab: Vocabulary, entity: str = "") -> str:
    return _attribute_and_cue(claim, text, vocab, entity)[0]


def _attribute_and_cue(claim: Claim, text: str, vocab: Vocabulary, entity: str = "") -> tuple[str, int, int]:
    """The attribute and the span of the cue words that named it ((-1, -1) when none did)."""
    s, e = claim.sentence
    best, best_dist, best_span = "", vocab.window + 1, (-1, -1)
    if claim.kind == "count" and claim.noun:
        noun = canonical_noun(claim.noun, vocab).lower()
        named = next((spec.name for spec in vocab.attributes if spec.nouns and noun in spec.nouns), "")
        if named:  # "2,048 H800 chips": the counted noun itself says what is measured
            best, best_dist = named, -1  # no cue outranks it
    window = vocab.window * (2 if claim.kind == "date" else 1)  # an event's verb may stand well before its date
    for start, end, cue in _cues_in(text, max(s, claim.start - window), min(e, claim.end + window), vocab):
        dist = claim.start - end if end <= claim.start else start - claim.end
        dist = max(dist, 0) + (5 if start >= claim.end else 0)
        if dist > best_dist or (dist == best_dist and end - start <= best_span[1] - best_span[0]):
            continue  # the nearest cue; at equal distance the longer one ("funding gap", not "funding")
        for i in vocab.cue_specs[cue]:
            spec = vocab.attributes[i]
            if spec.kinds and claim.kind not in spec.kinds:
                continue
            if spec.nouns and claim.noun.lower() not in spec.nouns:
                continue
            if spec.units and claim.unit not in spec.units:
                continue
            if spec.organisations_only and _looks_like_product(entity):
                continue
            if spec.money and not lexicon().is_money(claim.unit):
                continue
            best, best_dist, best_span = spec.name, dist, (start, end)
            break
    if not best:
        if claim.kind == "count":
            best = f"number of {_plural(canonical_noun(claim.noun, vocab))}" if claim.noun else "count"
        elif claim.kind == "percent":
            best = "change" if claim.direction else "share"
            subject = _subject_noun(claim, text)
            if subject:
                best = f"{best} of {subject}"
        elif claim.kind == "date":
            best = "date"
        else:
            best = "amount"
            subject = _subject_noun(claim, text)
            if subject:
                best = f"{best} of {subject}"
    if claim.kind != "date":
        left = text[max(s, claim.start - 30) : claim.start]
        from_before, to_before = _from_to(lexicon())
        if from_before.search(left):
            best += " (before)"
        elif to_before.search(left) and re.search(r"\bfrom\b", text[s:e], re.I):
            best += " (after)"  # "from £200m to £214m", "to £214m from £200m"
    return best, best_span[0], best_span[1]


_REPORTED_ON = re.compile(
    r"\b(?:said|says|announced|announces|reported|reports|told|confirmed|disclosed|stated|wrote)\s+(?:on\s+)?$", re.I
)


@dataclass(frozen=True)
class _Dated:
    """An article's date claims that can date a figure, indexed once: by sentence, and the days and months
    by position; and where its paragraphs break. Each figure then finds its date without a scan."""

    by_sentence: dict[tuple[int, int], list[Claim]]
    days: list[Claim]  # of day or month granularity, in text order
    day_starts: list[int]
    breaks: list[int]  # where each blank line ("\n\n") starts

    @classmethod
    def of(cls, claims: list[Claim], text: str) -> _Dated:
        by_sentence: dict[tuple[int, int], list[Claim]] = {}
        for c in claims:  # "since 2017" starts a span; "by June" still dates the figure
            if c.kind == "date" and c.resolved and c.low and c.labels is None and c.qualifier != "at_least":
                by_sentence.setdefault(c.sentence, []).append(c)
        days = [c for group in by_sentence.values() for c in group if c.granularity in ("day", "month")]
        days.sort(key=lambda c: c.start)
        breaks = [m.start() for m in re.finditer(r"(?=\n\n)", text)]
        return cls(by_sentence, days, [c.start for c in days], breaks)

    def earlier_in_paragraph(self, claim: Claim) -> Claim | None:
        """The last day or month named in the claim's paragraph before its sentence."""
        i = bisect.bisect_left(self.day_starts, claim.sentence[0]) - 1
        b = bisect.bisect_right(self.breaks, claim.start - 2) - 1
        paragraph_start = self.breaks[b] if b >= 0 else -1
        return self.days[i] if i >= 0 and self.days[i].start > paragraph_start else None


def _period_for(claim: Claim, dated: _Dated, published: dt.date | None, text: str) -> tuple[str | None, str]:
    """An explicit date in the sentence; else a day or month named earlier in the paragraph (the
    event the paragraph reports); else the publication date."""
    if claim.kind == "date":
        return None, ""
    in_sentence = [c for c in dated.by_sentence.get(claim.sentence, [])
                   if not _REPORTED_ON.search(text, max(0, c.start - 20), c.start)]
    if in_sentence:
        nearest = min(in_sentence, key=lambda c: abs(c.start - claim.start))
        lo, hi = sorted((nearest.end, claim.start)) if nearest.end <= claim.start else (claim.end, nearest.start)
        same_clause = not _CLAUSE_BREAK.search(text, lo, hi)
        return _period_text(nearest), "explicit" if same_clause else "context"
    if published is not None and _NOW.search(text, max(claim.sentence[0], claim.start - NOW_REACH),
                                              min(claim.sentence[1], claim.end + NOW_REACH)):
        return published.isoformat(), "explicit"  # "had now gathered nearly 11,000": a running total that day
    earlier = dated.earlier_in_paragraph(claim)
    if earlier is not None:
        return _period_text(earlier), "context"
    if published is not None:
        return f"..{published.isoformat()}", "published"
    return None, "none"


NOW_REACH = 40  # characters on each side of a figure where "now" or "so far" dates it to the day of writing
_NOW = re.compile(r"\b(?:" + alternation(sorted(word_class("now_words"), key=len, reverse=True)).replace(r"\ ", r"\s+")
                  + r")\b", re.I)


def _period_text(c: Claim) -> str:
    return str(c.value) if isinstance(c.value, str) else f"{c.low}..{c.high}"


def period_interval(period: str | None) -> tuple[dt.date, dt.date] | None:
    """The date interval a period string stands for ("2025", "2025-01", "2025-01-27", "a..b", "..b");
    None for none, or for one the calendar cannot hold (near year 1 or 9999)."""
    if not period:
        return None
    try:
        if ".." in period:
            lo, hi = period.split("..", 1)
            high = _parse_low_high(hi)[1]
            low = _parse_low_high(lo)[0] if lo else high - dt.timedelta(days=365)
            return low, high
        return _parse_low_high(period)
    except (ValueError, OverflowError):
        return None


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
    outlet = normalize_name(re.sub(r"^[Tt]he\s+", "", article.source or ""))
    names = [m for m in find_names(text, vocab) if not _outlet(m, text, outlet)]
    story = _Story.of(article, Mentions.of(names), vocab)
    mentions = Mentions.of(with_references(text, names, vocab, story.topic))
    dated = _Dated.of(claims, text)
    # an entity changes a claim's cue reading only when it names a product (`organisations_only`), so
    # the reading without one is kept and done again only then
    cued = [_attribute_and_cue(c, text, vocab) for c in claims]
    unnamed = {c.sentence for c, (attr, _, _) in zip(claims, cued) if _is_generic(attr) or c.kind == "date"}
    parsed, chooses = _parsed(text, claims, mentions, unnamed)
    by_sentence: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence, []).append(c)
    paired = _respectively(text, by_sentence, mentions)
    out: list[Claim] = []
    for claim, first_reading in zip(claims, cued):
        prev = out[-1] if out else None
        if prev is not None and _restates(prev, claim, text):
            out.append(replace(claim, entity=prev.entity, attribute=prev.attribute, period=prev.period,
                               period_source=prev.period_source))
            continue
        sentence = parsed.get(claim.sentence)
        reading = read(sentence, claim.start, claim.end, claim.kind == "date") if claim.sentence in chooses else (
            Reading(""))
        entity = paired.get(claim.start) or _entity(claim, text, mentions, vocab, reading, story)
        attribute, cue_start, cue_end = (_attribute_and_cue(claim, text, vocab, entity) if _looks_like_product(entity)
                                         else first_reading)
        if sentence is not None and claim.kind != "date" and _is_generic(attribute):
            attribute = _measured(attribute, measure(sentence, claim.start, claim.end))
        elif sentence is not None and claim.kind == "date":
            attribute = _date_event(sentence, claim, attribute, (cue_start, cue_end), text, vocab)
        period, source = _period_for(claim, dated, article.published, text)
        scope = _scope_for(claim, text, vocab, by_sentence[claim.sentence])
        if claim.kind != "date":
            scope = _narrowing(claim, text, vocab, scope, cue_start, cue_end)
        out.append(replace(claim, entity=entity or None, attribute=attribute, period=period, period_source=source,
                           scope=scope))
    return out


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _respectively(text: str, by_sentence: dict[tuple[int, int], list[Claim]], mentions: Mentions) -> dict[int, str]:
    """Figures listed before "respectively", each given the name in the same place of the list of names
    before them ("Greater Manchester Police and West Midlands Police handled 331,200 and 322,800
    offences respectively"), keyed by the figure's start."""
    out: dict[int, str] = {}
    for (s, e), claims in by_sentence.items():
        word = _RESPECTIVELY.search(text, s, e)
        if word is None:
            continue
        names = [m for m in mentions.starting(s, word.start()) if m.end <= word.start()]
        last = max((m.end for m in names), default=s)
        figures = [c for c in claims if c.kind != "date" and last <= c.start and c.end <= word.start()]
        listed = [m for m in names if figures and m.end <= figures[0].start][-len(figures):] if figures else []
        if len(figures) >= 2 and len(listed) == len(figures):
            out.update((c.start, m.entity) for c, m in zip(figures, listed))
    return out


def _outlet(m: Mention, text: str, outlet: str) -> bool:
    """The outlet's own name ("Ledgerline's analysis"), or its last words after "the" ("papers seen by the
    Post" in The Eastmoor Evening Post): who writes, never what a figure is about."""
    if not outlet:
        return False
    return m.entity == outlet or (
        outlet.endswith(" " + m.entity) and text[max(0, m.start - 4) : m.start].lower() == "the ")


def _date_event(sentence: Sentence, claim: Claim, attribute: str, cue: tuple[int, int], text: str,
                vocab: Vocabulary) -> str:
    """A date's attribute from the event of its clause ("Parliament was dissolved on 12 May": the
    dissolution's); a cue word of another clause says nothing of it ("the fund that created DeepSeek
    returned 65% in 2025": no founding in 2025)."""
    apart = cue[1] > cue[0] and not same_clause(sentence, cue, (claim.start, claim.end))
    happened = event(sentence, claim.start, claim.end, nouns=attribute == "date")
    if happened and happened[:4] in text[cue[0] : cue[1]].lower():
        return attribute  # the cue is the event's own verb ("began trading", "launched on"), whatever the parse says
    if happened:
        return _event_attribute(happened, vocab, "date" if apart else attribute)
    return "date" if apart else attribute


def _event_attribute(happened: str, vocab: Vocabulary, cued: str) -> str:
    """A date's attribute from the event its clause dates, named as a date cue names it ("approved" ->
    "approval date"): the verb that governs the date outranks a cue word merely near it ("fell" two
    clauses away is no sell-off). An event no cue names keeps the cue's reading when there is one
    (outlets word one event many ways, and the cues hold the synonyms), else its own word ("dissolved
    date")."""
    for i in vocab.cue_specs.get(happened, ()):
        spec = vocab.attributes[i]
        if "date" in spec.kinds:
            return spec.name
    return cued if cued != "date" else f"{happened} date"


_ESTIMATE = re.compile(rf"\b(?:{alternation(sorted(word_class('appraisal_nouns')))})s?\b", re.I)  # whose, not what of
MAX_PARSED_CHARS = 5_000  # a longer "sentence" is a list or a table, not a clause: nearness decides there
_LEADS = re.compile(r"\s*(?:[\"“‘(]\s*)?(?:The\s+)?\S")  # a sentence whose one name stands first: its subject


def _is_generic(attribute: str) -> bool:
    """An attribute that only says the figure's kind ("amount", "share", "date"); "share of train" and
    "number of stores" already say what of."""
    return attribute.split(" (", 1)[0] in GENERIC


GENERIC = frozenset({"amount", "count", "share", "change", "date"})


def _measured(attribute: str, measured: str) -> str:
    """A generic attribute replaced by the measure its clause names, its "(before)" or "(after)" kept."""
    if not measured:
        return attribute
    suffix = attribute[attribute.index(" (") :] if " (" in attribute else ""
    return measured + suffix


def _parsed(text: str, claims: list[Claim], mentions: Mentions,
            unnamed: set[tuple[int, int]]) -> tuple[dict[tuple[int, int], Sentence], frozenset[tuple[int, int]]]:
    """Each sentence where the parse can decide who a claim is about, parsed once, with the names
    inside it: one that names two things or more, or one thing not as its first words ("A probe
    entered orbit around Mars"), or an estimate ("Calder said its estimate was £900m": not Calder's).
    Elsewhere nearness decides, as the parse would: with no name, or one that opens the sentence
    ("Korrin Steel's revenue rose"), there is nothing to choose."""
    spans = sorted({c.sentence for c in claims})
    named = {(s, e): tuple(Named(m.start, m.end, m.entity) for m in mentions.starting(s, e) if m.end <= e)
             for s, e in spans}
    chooses = frozenset(span for span in spans if span[1] - span[0] <= MAX_PARSED_CHARS and (
        len(named[span]) >= 2 or (named[span] and (not _LEADS.fullmatch(text, span[0], named[span][0].start + 1)
                                                   or _ESTIMATE.search(text, *span) is not None))))
    spans = [span for span in spans if span in chooses or (span in unnamed and span[1] - span[0] <= MAX_PARSED_CHARS)]
    texts = sorted({text[s:e].strip() for s, e in spans})  # a sentence written twice is parsed once, alike
    docs = dict(zip(texts, parse(texts)))
    lead = {(s, e): len(text[s:e]) - len(text[s:e].lstrip()) for s, e in spans}
    return {(s, e): Sentence(docs[text[s:e].strip()], s + lead[(s, e)], named[(s, e)]) for s, e in spans}, chooses


def _is_person(text: str, m: Mention) -> bool:
    """A name that holds a post ("Ms Castell", "finance director Daniel Okafor", "Daniel Ferris, its
    chief executive,"). Speaking is no sign: companies and agencies say things too."""
    after, before = text[m.end : m.end + 60], text[max(0, m.start - 30) : m.start]
    if text[m.start : m.end].split()[0].lower().rstrip(".") in _PERSON_TITLES:
        return True
    post = _POST_AFTER.match(after) or _POST_AT.match(after)  # ", its chief executive," / ", a director at"
    if post and post.group(1).lower() in _PERSON_TITLES:
        return True
    last = _POST_BEFORE.search(before)
    return bool(last and last.group(1).lower() in _PERSON_TITLES)


def _affiliation(text: str, m: Mention, mentions: Mentions) -> str:
    """The organisation a person's post belongs to, where the text says: "Daniel Ferris, its chief
    executive," (the organisation named before him), "Gareth Pryce, a meteorologist at the Met
    Office," (named in the post), "Castlegate chief executive Helena Marsh", "the council's finance
    officer, Marcus Oyelaran," (what "the council" points back to)."""
    aside = _ASIDE.match(text, m.end)
    if aside and any(w in _PERSON_TITLES for w in aside.group(1).lower().split()):
        inside = [x for x in mentions.starting(aside.start(1), aside.end(1)) if not x.place]
        owner = re.match(r"\s*(?:(its|their)|the ([a-z]+)['’]s)\b", aside.group(1))
        if inside or not owner:
            return inside[0].entity if inside else ""
        return _named_kind(owner.group(2), text, mentions, m.start) if owner.group(2) else _subject_before(
            text, mentions, m.start)
    lead = _POST_LEAD.search(text, max(0, m.start - 60), m.start)
    if lead and any(w in _PERSON_TITLES for w in lead.group(2).split()):
        owner = [x for x in mentions.starting(lead.start(1), lead.end(1)) if not x.place]
        if owner:
            return owner[0].entity
        if lead.group(1).islower():
            return _named_kind(lead.group(1), text, mentions, lead.start(1))
    return ""


def _subject_before(text: str, mentions: Mentions, pos: int) -> str:
    """What "its" points back to at `pos`: the first thing (no place, no person) named in its
    sentence before it, else in the sentence before."""
    index = sentences_of(text)
    i = index.index_of(pos)
    for start, end in (index.spans[i][0], pos), (index.spans[max(0, i - 1)][0], index.spans[i][0]):
        named = [x for x in mentions.starting(start, end) if x.end <= end and not x.place and not _is_person(text, x)]
        if named:
            return named[0].entity
    return ""


_ASIDE = re.compile(r",([^,;.()]{3,80})[,;.)]")
_POST_LEAD = re.compile(r"\b([A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*|[a-z]+)(?:['’]s)? ((?:[a-z-]+ ){0,3}[a-z-]+),? $")
_POST_AFTER = re.compile(r",\s*(?:the|its|their|his|her|a|an)?\s*(?:[\w'’-]+\s+){0,3}?([a-z]+)\s*[,)]")
_POST_AT = re.compile(r",\s*(?:the|its|their|his|her|a|an)?\s*(?:[\w'’-]+\s+){0,3}?([a-z]+)\s+(?:at|of|for|with)\s")
_POST_BEFORE = re.compile(r"\b([a-z]+),?\s+$")
_PRONOUNS = union("subject_pronouns", "possessive_determiners")  # "it", "its", "they", "their"
_PERSON_TITLES = word_class("titles")  # posts people hold: "chief executive", "Ms", "councillor"


@dataclass(frozen=True)
class _Story:
    """What an article is about: its topic (the first organisation or thing its title or lead names
    other than as the source of its figures, else the first place of either, else that source) and the
    people it names (by a post: "Ms Castell", "Daniel Ferris, its chief executive,")."""

    topic: str
    persons: dict[str, str]  # each person named, with the organisation their post belongs to ("" unknown)
    sources: frozenset[str] = frozenset()  # the bodies the lead gives as the figures' source ("the ONS")

    @classmethod
    def of(cls, article: Article, mentions: Mentions, vocab: Vocabulary) -> _Story:
        text = article.body
        persons: dict[str, str] = {}
        for m in mentions.items:
            if _is_person(text, m) and not persons.get(m.entity):
                persons[m.entity] = _affiliation(text, m, mentions)
        lead = mentions.starting(0, text.find("\n\n") if "\n\n" in text.strip() else len(text))
        places = [m.entity for m in find_mentions(article.title, vocab) if m.place] + [m.entity for m in lead if m.place]
        sources = _sources(text, lead) | _statistics_bodies(text, mentions)
        named = [e for e in [*_titled(article, mentions, vocab), *(m.entity for m in lead if not m.place)]
                 if e not in persons]
        topic = next((e for e in named if e not in sources), "") or next(iter(places), "") or next(iter(named), "")
        return cls(topic, {p: "" if org in persons else org for p, org in persons.items()}, frozenset(sources))


def _titled(article: Article, mentions: Mentions, vocab: Vocabulary) -> list[str]:
    """The names an article's title gives that its body names too, as the body writes them in full
    ("Castlegate" -> "Castlegate Retail"); places left out."""
    body_names = [m.entity for m in mentions.items if not m.place]
    in_title = [m.entity for m in find_mentions(article.title, vocab) if not m.place] if article.title else []
    full = name_variants([e for e in in_title if e not in set(body_names)], body_names)
    return [full.get(e, e) for e in in_title if full.get(e, e) in set(body_names)]


_SOURCE_BEFORE = re.compile(r"\b(?:[Aa]ccording\s+to|by|from|told|said)\s+(?:the\s+)?$")  # "published by the ONS"
_PUBLICATIONS = alternation(sorted(word_class("publication_nouns")))  # "statistics", "figures", "survey"
_SOURCE_AFTER = re.compile(  # "the Welsh Government's monthly NHS statistics", "X released its end-of-cycle data"
    r"(?:['’]s|\s+(?:released|published|issued|compiled|put\s+out)\s+(?:its|their|the|new|latest)?)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_PUBLICATIONS})\b")
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")  # "the Office for National Statistics (ONS)"


def _statistics_bodies(text: str, mentions: Mentions) -> set[str]:
    """The names an article gives of bodies whose trade is figures ("Office for National Statistics",
    "Crime Survey for England and Wales"), with their bracketed short forms ("ONS"): whoever they
    count, it is not themselves."""
    return {name for m in mentions.items if _PUBLISHER_NAME.search(m.entity) for name in _with_short_form(text, m)}


_PUBLISHER_NAME = re.compile(rf"\b(?i:{_PUBLICATIONS})\b")


def _with_short_form(text: str, m: Mention) -> set[str]:
    """A name with the short form bracketed right after it ("Office for National Statistics (ONS)")."""
    short = _BRACKETED.match(text, m.end)
    return {m.entity, short.group(1)} if short else {m.entity}


def _sources(text: str, lead: list[Mention]) -> set[str]:
    """The names an article's lead gives as where its figures come from, not what they are about
    ("according to figures published by the ONS"), with the short form bracketed after one."""
    return {name for m in lead
            if _SOURCE_BEFORE.search(text, max(0, m.start - 24), m.start) or _SOURCE_AFTER.match(text, m.end)
            for name in _with_short_form(text, m)}


def _entity(claim: Claim, text: str, mentions: Mentions, vocab: Vocabulary, reading: Reading,
            story: _Story) -> str:
    """The name the sentence's grammar gives the figure (its clause's subject, a possessive owner, the
    thing a relative clause describes), none for a new unnamed thing ("a fleet that tops out at..."),
    else the nearest name. A person's figure in a story about a company is the company's."""
    s, e = claim.sentence
    if reading.how == "back" and reading.noun.isalpha() and re.search(  # "the storm" after "Storm Marten"
            rf"\b(?i:the|this|that)\s+(?:[\w-]+\s+)?{re.escape(reading.noun)}", text[s:e]):
        kind = _named_kind(reading.noun, text, mentions, s)
        if kind:
            return (story.persons[kind] or story.topic or kind) if kind in story.persons else kind
    place = _place_after(claim, text, mentions)
    if place:
        return place
    found = reading.entity if reading.how == "name" else _entity_for(
        claim, text, mentions, vocab, reading.how == "back" and reading.noun in _PRONOUNS)
    if found.startswith(FAR) and reading.how == "weak":  # "In London, 47.1% secured a place"
        found = reading.entity
    if found.startswith(FAR):  # "Revenue grew 3.4%." three sentences after a rival was named
        found = story.topic or found[len(FAR) :]
    if found in story.sources and story.topic:  # "The ONS said the rate rose": whose figures, not what of
        found = story.topic
    if found and found == reading.avoid:
        found = story.topic if story.topic != found else ""
    if found in story.persons and claim.kind != "date":
        # "Daniel Okafor expects £38m of extra costs": his company's, not his; the article's topic
        # when his post names none
        return story.persons[found] or story.topic or found
    return found


_PLACE_AFTER = re.compile(r"\s*(?:(?:recorded|seen|reported|registered)\s+)?(?:in|across)\s+(?:the\s+)?")


def _place_after(claim: Claim, text: str, mentions: Mentions) -> str:
    """A bare figure with a place right after it is that place's ("were joined by 290,000 in Ireland and
    231,000 in France", "47.1% in London"): the place is what tells it from the figures beside it. A
    figure that names what it counts ("3,000 jobs in Leeds") is left to the grammar."""
    if claim.kind not in ("count", "percent"):
        return ""
    nxt = mentions.starting(claim.end, min(claim.sentence[1], claim.end + 40))
    if nxt and nxt[0].place and _PLACE_AFTER.fullmatch(text, claim.end, nxt[0].start):
        return nxt[0].entity
    return ""


def _called(text: str, m: Mention, noun: str) -> bool:
    """Whether the name of `m` holds `noun` ("Harrowgate Mutual": mutual), or it stands just before it
    ("Storm" in "Storm Marten")."""
    word = rf"\b{re.escape(noun)}s?\b"
    return (re.search(word, text[m.start : m.end], re.I) is not None
            or re.search(word + r"\s+$", text[max(0, m.start - 16) : m.start], re.I) is not None)


def _named_kind(noun: str, text: str, mentions: Mentions, pos: int) -> str:
    """The last thing named before `pos` whose name holds `noun`, the word a definite subject points
    back with ("the storm" -> "Storm Marten", "the mutual" -> "Harrowgate Mutual", "the group" ->
    "Castlegate Retail Group"); the name's word just before it counts ("Storm" in "Storm Marten")."""
    found = mentions.last_before(pos, 1, lambda m: _called(text, m, noun), REACH)
    return found[-1].entity if found else ""


_RESTATE_GAP = re.compile(r"^\s*(?:\(|,\s*or|—|–|/)\s*(?:about|around|roughly|some|nearly|almost|approximately)?\s*$", re.I)


def _restates(prev: Claim, claim: Claim, text: str) -> bool:
    """ "a trillion yuan ($137 billion)": the second amount restates the first in another unit."""
    return (
        prev.kind == claim.kind == "quantity"
        and prev.sentence == claim.sentence
        and claim.start - prev.end <= 20
        and bool(_RESTATE_GAP.match(text[prev.end : claim.start]))
    )
