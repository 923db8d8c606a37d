"""What a figure measures, read from the grammar of its sentence.

When no cue word of `rules/attributes.yaml` names a figure's measure, the clause does: the noun the
figure counts or measures ("31 people", "a depth of 8 km", "revenue of $3.6bn"), the subject of a
verb of level or change ("Net income fell 9% to $410m": net income; "Turnout was 41.3%"), else the
verb that governs the figure ("killed 31", "pledged $8m"), narrowed by the noun's own modifiers
("adjusted pre-tax profit"). Words are lemmatised where inflection would part two measures ("jobs"
and "job"; "was founded", "co-founded" and "founding" all found). A noun that only says "a figure
of" ("the share of adults", "the number of patients") takes its of-phrase ("share of adult").

Names never make a measure (the entity is read by `factcheck.entity`); a measure is one to three
lower-case words, or "" when the clause says nothing the caller can use.
"""

from __future__ import annotations

from factcheck.entity import Sentence, Token, participle_before, span_head
from factcheck.language.text import singular
from factcheck.lexicon.config import lexicon
from factcheck.lexicon.wordclasses import common_words, union, word_class

LEVEL_VERBS = word_class("level_verbs")  # "rose to", "was", "stood at": the subject says what is measured
MEASURE_NOUNS = word_class("measure_nouns")  # "share", "number": what is measured is their of-phrase
SPEECH_VERBS = word_class("speech_verbs")  # "said on Tuesday": a date of saying, no event of the story
NEUTRAL_VERBS = word_class("neutral_verbs")  # "showed 794,600 pathways": the verb says nothing of the measure
DEADLINE_OPENERS = word_class("deadline_openers")
DEADLINE_WORDS = word_class("deadline_words")
_BEFORE_A_DAY = union("weekdays", "date_prepositions") | {"am", "pm", "noon", "midnight", ",", ":"}
STAGING_VERBS = word_class("staging_verbs")  # "the meeting will be held on 3 July": its subject is the event
OWN_WORDS = frozenset({"amod", "compound"})  # a noun's modifiers that narrow it ("net", "pre-tax")
OBJECTS = frozenset({"obj", "obl", "obl:npmod", "obl:unmarked", "obl:tmod", "nmod:unmarked", "xcomp", "advmod"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
FIGURE_LINKS = frozenset({"nmod", "obl", "appos", "conj", "nmod:unmarked", "compound"})
MAX_WORDS = 3


def measure(sent: Sentence, start: int, end: int) -> str:
    """The measure of the figure at [start, end) of the article, or ""."""
    tokens = sent.tokens(start, end)
    if not tokens:
        return ""
    inside = frozenset(t.i for t in tokens)
    node = span_head(tokens)
    while node.dep_ in FIGURE_LINKS and node.head.i != node.i and _is_figure(node.head):
        node = node.head  # "fell 9% to $410 million": the level hangs on the change, which the clause governs
    head = node.head
    if head.i in inside or head.i == node.i or _is_figure(node):
        own = _of_clause(sent, node, inside)
        if own or head.i == node.i:
            return own
    if node.dep_ in ("nummod", "compound", "amod", "nmod") and _is_noun(head):
        # "31 people", "a $40m contract", "a depth of 8 km"
        counted = _phrase(sent, head, inside)
        return _joined(counted, _governing_verb(head)) if counted else ""
    if node.dep_ in OBJECTS and _is_verb(head):
        return _of_verb(sent, head, inside)
    return ""


def event(sent: Sentence, start: int, end: int, nouns: bool = True) -> str:
    """What a date at [start, end) dates: the verb that governs it, as a measure reads it ("dissolved",
    "founded", "closed"), or "" for a verb that only reports or states ("said on Tuesday"); with `nouns`,
    also a noun it hangs on ("the vote on 12 May")."""
    tokens = sent.tokens(start, end)
    if not tokens:
        return ""
    node = span_head(tokens)
    inside = frozenset(t.i for t in tokens)
    if _deadline(tokens[0]):
        return "deadline"  # "must be made by 4 September", "have until 5pm on 3 September to appeal"
    adjacent = participle_before(tokens[0])
    if adjacent is not None and not _says_nothing(adjacent):  # not "said on Monday", "rose in May"
        return _verb_word(adjacent)  # "a crackdown launched on 2 September": the launch, however the parse hangs it
    for _ in range(3):  # "on 12 May" -> the verb; "the vote on 12 May" -> the noun it dates
        node = node.head
        if node.i in inside:
            continue
        if _is_verb(node):
            staged = _staged_event(node, inside)
            if staged:
                return staged  # "the annual meeting will be held on 3 July": the meeting's date
            if _says_nothing(node):
                nearer = None if _lemma(node) in SPEECH_VERBS else _verb_between(node, tokens[0])
                return _verb_word(nearer) if nearer is not None else ""  # "said on Monday" dates the saying
            return _verb_word(node)
        if _is_noun(node) and sent.name_at(node) is None:
            if node.dep_ == "obj" and _is_verb(node.head) and not _says_nothing(node.head):
                return _verb_word(node.head)  # "declared a critical incident on 6 January": the declaring
            return _lemma(node) if nouns else ""
        if node.head.i == node.i:
            break
    return ""


def _deadline(first: Token) -> bool:
    """Whether the date whose first token is `first` is a deadline: opened by "by", "until" or "before"
    (with at most a time, a weekday and their "on" between: "until 5pm on 3 September", "by Wednesday,
    4 September") in a clause that says something must be done ("must", "have until", "deadline")."""
    doc, i = first.doc, first.i
    for j in range(i, max(-1, i - 5), -1):
        if doc[j].lower_ in DEADLINE_OPENERS:
            clause = doc[max(0, j - 8) : j]
            return any(t.lower_ in DEADLINE_WORDS for t in clause) and not any(t.text in ".;" for t in clause)
        if j < i and not (doc[j].like_num or doc[j].lower_ in _BEFORE_A_DAY):
            return False
    return False


def _staged_event(verb: Token, inside: frozenset[int]) -> str:
    """The event a verb of staging dates: its subject, a common noun ("the vote takes place", "the
    meeting was held", "the hearing happened"); "" for any other verb or subject."""
    lemma = _lemma(verb)
    if lemma not in STAGING_VERBS or lemma == "take" and not any(c.lower_ == "place" for c in verb.children):
        return ""
    subject = _subject(verb, inside)
    passive_only = lemma in ("hold", "stage", "schedule")  # "shares held steady" is a level
    if subject is None or subject.pos_ == "PROPN" or passive_only and subject.dep_ != "nsubj:pass":
        return ""
    return _noun_lemma(subject)


def _says_nothing(verb: Token) -> bool:
    """A verb that only reports, states a level or counts: it dates no event of its own."""
    return _lemma(verb) in SPEECH_VERBS | LEVEL_VERBS | NEUTRAL_VERBS or _is_change(verb)


def _verb_between(verb: Token, first: Token) -> Token | None:
    """The verb of an event conjoined after `verb` and before the date (the parse hung the date on the
    first verb: "which recorded 1,362 waits and had declared an incident on 9 January")."""
    return next((t for t in reversed(verb.doc[verb.i + 1 : first.i]) if t.head.i == verb.i and t.dep_ == "conj"
                 and t.tag_.startswith("VB") and not _says_nothing(t)), None)


def _is_figure(token: Token) -> bool:
    """A token of a figure: a number, a currency sign or a per cent sign."""
    return token.tag_ in ("CD", "$") or token.text in ("%", "per cent", "percent")


def _of_clause(sent: Sentence, node: Token, inside: frozenset[int]) -> str:
    """The figure heads its clause ("Turnout was 41.3%"): what its subject names."""
    return _phrase(sent, _subject(node, inside), inside)


def _subject(head: Token, inside: frozenset[int]) -> Token | None:
    """A clause's subject noun; in a relative clause with a pronoun for subject, the noun it
    describes ("the share of adults who ... rose")."""
    subject = next((c for c in head.children if c.dep_ in SUBJECTS and c.i not in inside and _is_noun(c)), None)
    if subject is None and head.dep_ in ("acl:relcl", "acl") and head.head.i not in inside:
        return head.head
    return subject


def _of_verb(sent: Sentence, verb: Token, inside: frozenset[int]) -> str:
    """A figure governed by a verb: a verb of level or change gives the floor to its subject ("net
    income fell 9%"); any other verb is the measure itself ("killed 31", "pledged $8m")."""
    lemma = _lemma(verb)
    if lemma in LEVEL_VERBS or _is_change(verb):
        return _phrase(sent, _subject(verb, inside), inside)
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.i not in inside), None)
    thing = _phrase(sent, obj, inside) if obj is not None else ""
    return _joined(thing, "" if lemma in NEUTRAL_VERBS else _verb_word(verb))


def _is_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for an adjective that takes an object ("injured 140 people"),
    or a verb of change it took for a noun ("revenue rose 12%")."""
    return token.tag_.startswith("VB") or any(c.dep_ == "obj" for c in token.children) or _is_change(token)


def _is_change(token: Token) -> bool:
    words = lexicon().words
    return token.lower_ in words.up.verbs or token.lower_ in words.down.verbs


def _verb_word(verb: Token) -> str:
    """A verb as a measure reads it: its participle as written ("killed", "injured"; "co-founded" ->
    "founded"), else its lemma ("pledge")."""
    word = verb.lower_ if verb.tag_ in ("VBD", "VBN", "JJ") and verb.lower_.endswith("ed") else _lemma(verb)
    return word[3:] if word.startswith("co-") else word


def _governing_verb(noun: Token) -> str:
    """The verb a counted noun is the object or subject of ("killed 31 people", "31 people died"),
    unless it only states a level ("reached 300 stores")."""
    verb = noun.head
    if noun.dep_ not in ("obj", "nsubj", "nsubj:pass") or verb.i == noun.i or not _is_verb(verb):
        return ""
    return "" if _lemma(verb) in LEVEL_VERBS or _is_change(verb) or _lemma(verb) in NEUTRAL_VERBS else (
        _verb_word(verb))


def _phrase(sent: Sentence, noun: Token | None, inside: frozenset[int]) -> str:
    """A common noun with the modifiers that narrow it, lemmatised ("adjusted pre-tax profit"); a
    measure noun takes its of-phrase ("share of adult"); a name or pronoun says nothing."""
    if not _is_noun(noun) or sent.name_at(noun) is not None or any(
            _names_thing(sent, c) for c in noun.children if c.dep_ in OWN_WORDS):
        return ""  # "The new Kestrel train reached 350 km/h": the subject is the thing, not its measure
    words = [c.lower_ for c in noun.children if c.dep_ in OWN_WORDS and c.i < noun.i and c.i not in inside
             and c.is_alpha and sent.name_at(c) is None][-(MAX_WORDS - 1):]
    phrase = " ".join([*words, _noun_lemma(noun)])
    if _noun_lemma(noun) in MEASURE_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "nmod" and c.i not in inside and _is_noun(c)
                   and sent.name_at(c) is None), None)
        if of is not None:
            phrase = f"{phrase} of {_noun_lemma(of)}"
    return phrase


def _names_thing(sent: Sentence, word: Token) -> bool:
    """Whether a noun's modifier is a name that says which thing it is ("the Kestrel train"), not
    whose ("Orrin Mills' payroll", which the tagger may read the same way)."""
    named = sent.name_at(word)
    if named is None:
        return False
    after = next((t for t in word.doc[word.i :] if sent.start + t.idx >= named.end), None)
    return after is None or after.text not in ("'s", "'", "’s", "’")


def _joined(thing: str, verb: str) -> str:
    return " ".join(w for w in (thing, verb) if w)


def _is_noun(token: Token | None) -> bool:
    """A common noun (the tagger writes "Turnout" first in a sentence as a proper noun: a capitalised
    word counts when English uses it as an ordinary word; "CARDIFF" in a dateline does not)."""
    if token is None or token.tag_ not in ("NN", "NNS", "NNP", "NNPS") or not token.is_alpha or _is_change(token):
        return False
    if token.lower_ in lexicon().units:  # "km", "miles": a unit the figure is written in, not a measure
        return False
    first = token.i == 0 or token.doc[token.i - 1].is_punct
    return token.text.islower() or token.lower_ in common_words() or (first and token.text.istitle())


def _noun_lemma(token: Token) -> str:
    """A noun's singular by the one rule the project has for it ("libraries" -> "library"; the trained
    lemmatiser can cut an ending short)."""
    return singular(token.lower_) if token.tag_ in ("NNS", "NNPS") else _lemma(token)


def _lemma(token: Token) -> str:
    """A word's lemma, with a "co-" prefix dropped ("co-founded" -> "found"); "lay" as a finite verb is
    "lie" ("the epicentre lay 120 km north"), which the trained lemmatiser leaves as it is."""
    if token.lower_ == "lay" and token.tag_ in ("VBD", "VBP") and all(c.dep_ != "compound:prt" for c in token.children):
        return "lie"  # but "laid off", "lay off"
    lemma = (token.lemma_ or token.text).lower()
    return lemma[3:] if lemma.startswith("co-") else lemma


def same_clause(sent: Sentence, cue: tuple[int, int], figure: tuple[int, int]) -> bool:
    """Whether a figure or date stands inside the clause of a cue word: the clause the cue's verb heads,
    with all it governs ("Nvidia suffered the biggest loss ever recorded on Monday"; "Zhipu, which began
    trading on Thursday"); "High-Flyer, the fund that created DeepSeek, returned 65% in 2025": 2025 is
    outside "that created DeepSeek"."""
    cue_tokens, figure_tokens = sent.tokens(*cue), sent.tokens(*figure)
    if not cue_tokens or not figure_tokens:
        return True
    node = span_head(cue_tokens)
    while not (node.tag_.startswith("VB") and node.dep_ in CLAUSE_LINKS) and node.head.i != node.i:
        node = node.head  # through "began trading" (xcomp) to the clause it heads
    return node.left_edge.i <= figure_tokens[0].i and figure_tokens[-1].i <= node.right_edge.i


CLAUSE_LINKS = frozenset({"ROOT", "acl:relcl", "advcl", "ccomp", "parataxis", "conj", "csubj"})
