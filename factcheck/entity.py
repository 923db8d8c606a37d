"""Who a figure is about, read from the grammar of its sentence.

The figure's tokens in a dependency parse (`factcheck.language.parse`) lead up to the clause that
governs them: its subject names the entity ("Korrin Steel's revenue rose to $3.6bn": the owner of
the subject; "Fenwick Labs, which Omar Haddad founded in 2018": the thing a relative clause
describes). A subject that only points back ("revenue", "it", "the ferry") is reported as such, for
the caller to resolve against what the article is about. Names in prepositional phrases (a place, a
platform, a counterparty, a source) are weak: they are offered only when nothing else is named.

Names are the caller's: spans of the text already read as names (`Named`); the parse decides which
of them the figure belongs to, never what counts as a name.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace
from typing import Any

from factcheck.lexicon.wordclasses import word_class

Token = Any  # a spaCy Token; typed loosely so that importing this module does not import spaCy

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubj:outer", "csubj"})
NAME_LINKS = ("nmod:poss", "compound", "flat", "appos", "nmod")  # the order a noun's own names are tried in
OWNER_CASES = frozenset({"of", "at", "for", "in", "within"})  # "profit at Korrin", "turnout in Hexham"
OWNER_LINKS = ("nmod:poss", "nmod")  # of a counted noun, only its owner names the entity
PHRASE_LINKS = frozenset({"obl", "obl:unmarked", "obl:npmod", "nmod", "nmod:unmarked", "obl:tmod", "nmod:tmod"})
DESCRIBED = frozenset({"acl:relcl", "acl"})  # a clause that describes the noun it hangs on
LOOSE = frozenset({"conj", "parataxis", "appos", "vocative", "dep", "list", "advcl:relcl", "dislocated"})
MAX_CLIMB = 12  # heads walked from a figure before giving up (a sentence's depth rarely passes 8)
POINTERS = frozenset({"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "this", "these", "that",
                      "those", "which", "who", "whose"})


MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "advmod", "nmod:poss"})  # a noun phrase's own words
INDEFINITE = frozenset({"a", "an", "another", "any", "some"})


@dataclass(frozen=True)
class Named:
    """A name in the article: where it stands and the entity it names."""

    start: int
    end: int
    entity: str


@dataclass(frozen=True)
class Reading:
    """What the grammar says a figure is about.

    how: "name" (the clause names it), "back" (the clause's subject points back: `noun` is that word,
    "revenue", "it", "ferry"), "unnamed" (a thing with no name of its own: "a fleet that..."; what
    nearness then finds, other than `avoid`, may own it), "weak" (only a name in a prepositional
    phrase is near: `entity`), or "" (the parse does not say)."""

    how: str
    entity: str = ""
    noun: str = ""
    avoid: str = ""  # a name that is not the answer though it stands near: who made an estimate


@dataclass(frozen=True)
class Sentence:
    """One parsed sentence, with where it starts in the article and the names inside it."""

    doc: Any  # a spaCy Doc of the sentence's text
    start: int
    names: tuple[Named, ...]

    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each name starts, in order (looked up for every token the parse walks)."""
        return [n.start for n in self.names]

    def name_at(self, token: Token) -> Named | None:
        """The name that covers `token`, if one does."""
        pos = self.start + token.idx
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.names[i] if i >= 0 and self.names[i].end > pos else None

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that overlap [start, end) of the article."""
        lo, hi = start - self.start, end - self.start
        return [t for t in self.doc if t.idx < hi and t.idx + len(t.text) > lo]


def span_head(tokens: list[Token]) -> Token:
    """The token of a span whose head lies outside it (the span's own head)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def own_name(sent: Sentence, noun: Token, skip: frozenset[int] = frozenset(),
             links: tuple[str, ...] = NAME_LINKS) -> Named | None:
    """The name a noun phrase gives: the noun itself, else its owner ("Korrin's revenue"), a name
    compounded or set beside it ("the Orbis 5 robot", "rival Quillon"), or "of X"."""
    named = sent.name_at(noun)
    if named is not None and noun.i not in skip and links is NAME_LINKS:
        return named
    for link in links:
        for child in noun.children:
            if child.dep_ != link or child.i in skip:
                continue
            if link == "nmod" and not any(c.dep_ == "case" and c.lower_ in OWNER_CASES for c in child.children):
                continue
            named = sent.name_at(child)
            if named is not None:
                return named
    return None


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # tags of a finite verb: a clause of its own


def _subject_of(node: Token, skip: frozenset[int]) -> Token | None:
    """The subject of a clause head; of two (a misparse of a fronted phrase: "Following R1's release,
    the Bank of China announced..."), the one nearer the verb."""
    subjects = [c for c in node.children if c.dep_ in SUBJECTS and c.i not in skip]
    if len(subjects) > 1 and subjects[-1].i < node.i and not any(
            t.tag_ in FINITE for t in node.doc[subjects[0].i : subjects[-1].i]):
        return subjects[-1]
    return next(iter(subjects), None)


def _pointer(subject: Token) -> str:
    """The word a subject with no name points back with: its owner pronoun ("its revenue" -> "its"),
    else the word itself ("revenue", "it", "ferry")."""
    owner = next((c for c in subject.children if c.dep_ == "nmod:poss"), None)
    if owner is not None and owner.lower_ in POINTERS:
        return owner.lower_
    return _word(subject)


def _word(token: Token) -> str:
    """A common noun by its lemma ("ferries" -> "ferry"), any other word as written, in lower case."""
    return token.lemma_.lower() if token.tag_.startswith("NN") and not token.tag_.startswith("NNP") else token.lower_


def _of_subject(sent: Sentence, subject: Token, skip: frozenset[int]) -> Reading:
    if subject.lower_ in ("which", "who", "that") and subject.head.dep_ in DESCRIBED:
        subject = subject.head.head
    if _word(subject) in _APPRAISAL_NOUNS:  # "Calder's central estimate was £900m": the storm's cost
        return Reading("unnamed", noun=_word(subject), avoid=_estimator(sent, subject, skip))
    named = own_name(sent, subject, skip)
    return Reading("name", named.entity) if named else _unnamed(sent, subject)


def _estimator(sent: Sentence, estimate: Token, skip: frozenset[int]) -> str:
    """Who made an estimate: its owner by name ("Calder's estimate"), else, for "its estimate", the
    subject of the clause that reports it ("Calder said that its estimate was...")."""
    owner = next((c for c in estimate.children if c.dep_ == "nmod:poss"), None)
    named = own_name(sent, owner, skip) if owner is not None and owner.lower_ not in POINTERS else None
    if named is not None:
        return named.entity
    node = estimate.head
    while node.head.i != node.i:
        node = node.head
        subject = _subject_of(node, skip)
        if subject is not None and (found := own_name(sent, subject, skip)) is not None:
            return found.entity
    return ""


def _unnamed(sent: Sentence, noun: Token, weak: str = "") -> Reading:
    """A noun phrase with no name: the name it stands beside ("Kestrel, a train that..."), else a new
    thing when indefinite ("a fleet that tops out at 300 km/h"), else a pointer back ("revenue",
    "its shares", "the ferry")."""
    first = min([noun.i, *(c.left_edge.i for c in noun.children if c.dep_ in MODIFIERS and c.i < noun.i)])
    if first >= 2 and sent.doc[first - 1].text == "," and (beside := sent.name_at(sent.doc[first - 2])):
        return Reading("name", beside.entity)
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
        return Reading("unnamed", noun=_word(noun), avoid=weak)
    return Reading("back", noun=_pointer(noun))


def _weak_in(sent: Sentence, node: Token, skip: frozenset[int]) -> str:
    """A name in a prepositional phrase hanging on `node` (a place, a platform, a source)."""
    for child in node.children:
        if child.dep_ in PHRASE_LINKS and child.i not in skip:
            named = own_name(sent, child, skip)
            if named is not None:
                return named.entity
    return ""


def read(sent: Sentence, start: int, end: int, date: bool = False) -> Reading:
    """What the figure at [start, end) of the article is about, by the grammar of its sentence."""
    tokens = sent.tokens(start, end)
    if not tokens:
        return Reading("")
    skip = frozenset(t.i for t in tokens)
    described = _described_by_participle(sent, tokens[0]) if date else None
    if described is not None:
        return Reading("name", described.entity)
    node, weak = span_head(tokens), ""
    links = OWNER_LINKS if node.dep_ == "nummod" else NAME_LINKS  # "2,048 Nvidia chips": Nvidia made them
    for _ in range(MAX_CLIMB):
        if node.i not in skip:
            if node.dep_ in DESCRIBED and not _where_or_when(node):
                # "Fenwick Labs, which Omar Haddad founded in 2018": about Fenwick Labs
                named = own_name(sent, node.head, skip)
                return Reading("name", named.entity) if named else _unnamed(sent, node.head,
                                                                             weak or _weak_in(sent, node, skip))
            named = own_name(sent, node, skip, links)
            if named is not None and node.dep_ in PHRASE_LINKS and node.dep_ != "ROOT":
                weak = weak or named.entity  # "on Google's chart", "around Mars", "from Rosario Athletic"
            elif named is not None:
                return Reading("name", named.entity)  # "Korrin Steel's revenue of $3.6bn"
            links = NAME_LINKS
        found = _in_clause(sent, node, skip, date)
        if found is not None:
            if found.how == "unnamed" and not found.avoid:  # the place it went to is not what it is
                found = replace(found, avoid=weak or _weak_in(sent, node, skip))
            return found
        weak = weak or _weak_in(sent, node, skip)
        if node.head.i == node.i or node.dep_ in LOOSE:
            break  # past a loose link the parse rarely knows which clause is which: let nearness decide
        node = node.head
    return Reading("weak", weak) if weak else Reading("")


def participle_before(first: Token) -> Token | None:
    """The participle written right before the preposition of a date whose first token is `first`
    ("launched on 9 September", "closed in May"; the date's span may begin with its "on"), tagged as
    a participle or a past tense."""
    i = first.i - (first.lower_ not in _DATE_PREPOSITIONS)
    if i < 1 or first.doc[i].lower_ not in _DATE_PREPOSITIONS:
        return None
    verb = first.doc[i - 1]
    return verb if verb.tag_ in ("VBN", "VBD") else None


def _described_by_participle(sent: Sentence, first: Token) -> Named | None:
    """The name a participle clause describes when a date ends it: "Operation Stillwater, launched on
    9 September" and "Operation Stillwater, a crackdown launched on 2 September" are about Operation
    Stillwater, however the parse hangs the clause. Only the name just before a comma, with no finite
    verb or other comma between it and the participle."""
    verb = participle_before(first)
    if verb is None or verb.i < 2 or verb.tag_ == "VBD" and verb.nbor(-1).text != ",":  # the tagger's "X, launched"
        return None
    for j in range(verb.i - 1, 0, -1):
        token = first.doc[j]
        if token.text == ",":
            return sent.name_at(first.doc[j - 1])
        if token.tag_ in FINITE or token.text in (";", ":", "(", ")"):
            return None
    return None


def _where_or_when(clause: Token) -> bool:
    """A relative clause that says where, when or whose ("Hong Kong, where its shares rose"; "a lab
    whose model, R1, went public"): its own subject, not the noun it hangs on, is what it is about."""
    if any(c.dep_ == "advmod" and c.lower_ in ("where", "when", "whereby") for c in clause.children):
        return True
    return any(c.dep_ in SUBJECTS and any(g.lower_ == "whose" for g in c.children) for c in clause.children)


def _in_clause(sent: Sentence, node: Token, skip: frozenset[int], date: bool) -> Reading | None:
    """The reading a clause head gives: for a date of a launch or founding the thing launched; for an
    estimate the thing estimated; else the subject (a passive's agent when there is none)."""
    lemma = node.lemma_.lower()
    obj = next((c for c in node.children if c.dep_ == "obj" and c.i not in skip), None)
    if obj is not None and ((date and lemma in _CREATION) or lemma in _APPRAISAL):
        named = own_name(sent, obj, skip)
        if named is not None:
            return Reading("name", named.entity)  # "released the Orbis 5 on 2 April"; "put Korrin's debt at"
        if lemma in _APPRAISAL:  # "Analysts at Brenner put the cost at $5m": Brenner only estimates
            subject = _subject_of(node, skip)
            estimator = own_name(sent, subject, skip) if subject is not None else None
            return replace(_unnamed(sent, obj), avoid=estimator.entity if estimator else "")
    subject = _subject_of(node, skip)
    if subject is not None:
        return _of_subject(sent, subject, skip)
    agent = next((c for c in node.children if c.dep_ == "obl:agent" and c.i not in skip), None)
    if agent is not None and (named := own_name(sent, agent, skip)) is not None:
        return Reading("name", named.entity)  # "the $5m raised by Korrin"
    return None


_DATE_PREPOSITIONS = word_class("date_prepositions")
_CREATION = word_class("creation_verbs")
_APPRAISAL = word_class("appraisal_verbs")
_APPRAISAL_NOUNS = word_class("appraisal_nouns")
