"""The tense of the clause around a date mention, which picks the year of a year-less one: the verb
cue nearest the date in its own clause ("fell in March" is the last March, "will open in March" the next,
"polls close on Tuesday" a scheduled event ahead); cues in other clauses never count. A clause ends at a
sentence end, ";", a dash, a bracket, ", and", ", which", "up from"...; its segments at bare commas."""

from __future__ import annotations

import functools
import re

from factcheck.extract.dates.words import date_words
from factcheck.lexicon.wordclasses import word_class

CLAUSE_REACH = 200  # characters read on each side of a mention for its clause
INTENT_REACH = 60  # characters read before an infinitive's "to" for the verb of intent

_PREPS = (
    "on|in|at|by|to|from|for|with|into|onto|up|down|off|out|over|under|last|this|that|its|their|his|her|the|a|an"
    "|after|before|since|until|during|about|around|as|and|but|when|while|earlier|late|early|again|back|sharply"
    "|slightly|steadily|more|less|nearly|almost|some|just|only|also|overnight|yesterday|ahead|through"
)
# words in -ed that are no past tense
_NOT_ED = (
    r"(?!(?:hundred|kindred|sacred|naked|wicked|rugged|ragged|beloved|aged|based|related|limited|unexpected"
    r"|listed|dated|detailed|advanced|skilled|armed|concerned|interested|experienced|qualified|supposed|used"
    r"|indeed)\b)"
)
# verbs that tell the time of a clause; the one nearest a year-less date governs it
_TENSE = re.compile(
    r"\b(?P<fut>will|won['’]t|shall"
    r"|(?:is|are|am)\s+(?:due|set|scheduled|expected|slated|poised|to|likely|forecast|predicted|projected"
    r"|tipped|on\s+(?:track|course))|(?:was|were)\s+to"
    r"|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|(?<!\bthan\s)(?<!\bas\s)expected"
    r"|expects?|expecting"
    r"|forecasts?\s+to|[Uu]pcoming|[Ff]orthcoming|next|[Aa]head\s+of|(?:run|build)-up\s+to|looking\s+forward\s+to"
    r"|to\s+be\s+[a-z]+(?:ed|en)"
    r"|(?:could|would|might|should|may)(?!\s+(?:not\s+)?have\b))\b"
    r"|(?P<fut2>['’]ll)\b"
    # a scheduled event, in the present tense or as a noun: "polls close", "payable", "the window shutting"
    r"|\b(?P<sched>payable|due(?!\s+to\b)|scheduled|slated|penc[il]+ed\s+in"
    # a date something was moved to lies ahead: "the race was moved to May 18", "postponed until June 2"
    r"|(?:moved|postponed|delayed|pushed\s+back|rescheduled|brought\s+forward|put\s+off|deferred|adjourned)"
    r"(?=\s+(?:to|until|till|for)\b)"
    r"|(?:kicks?|kicking)\s+off|(?:takes?|taking)\s+effect|(?:comes?|coming|enters?)\s+into\s+(?:force|effect)"
    r"|(?:goes|go|going)\s+(?:live|on\s+sale|to\s+the\s+polls)|(?:heads?|heading)\s+to\s+the\s+polls"
    r"|(?:hits?|hitting)\s+(?:shelves|stores)|gets\s+under\s?way"
    r"|opens|closes|shuts|starts|begins|ends|resumes|reopens|expires|convenes|meets|debuts|premieres|decides"
    r"|arrives|departs|hosts|faces|unveils|publishes|announces|(?<!\bthe\s)launches|set\s+for"
    r"|(?:reports|releases|posts)(?=\s+(?:its|their|quarterly|annual|full-year|first|second|third|fourth|results"
    r"|earnings|figures|data)\b)"
    r"|(?=open|close|shut|start|begin|end|resume|reopen|expire|convene|meet|vote|face|arrive|return|host|play|take)"
    + "".join(rf"(?<!\b{w}\s)" for w in ("its", "his", "this", "was", "has", "is", "as", "us")) +
    r"(?:(?<=[A-Za-z]s\s)|(?<=\band\s))(?:open|close|shut|start|begin|end|resume|reopen|expire|convene|meet|vote|face|arrive"
    r"|return|host|play|take\s+on)"
    r"|(?:Fed|ECB|BoE|BOJ|BoJ|PBOC|RBA|RBI|SNB|RBNZ|bank)\s+(?:cuts|hikes|raises|lowers|trims|holds|meets|decides)"
    r"|(?=(?:open|clos|shutt|resum|reopen|expir|conven|start|beginn|end)ing)"
    + "".join(rf"(?<!\b{w}\s)" for w in ("the", "its", "an", "a", "was", "were", "after", "since", "upon",
                                                "before", "their", "his", "her")) + r"(?<!['’]s\s)"
    r"(?:opening|closing|shutting|resuming|reopening|expiring|convening"
    # ...but "starting July 1", "the year ending March 31" only bound a period
    r"|(?:starting|beginning|ending)(?!\s+(?:in|from|with|at|on)\b|\s+[A-Z\d]|\s*\Z)))\b"
    # "agreed to raise", "plans to cut": an infinitive after a verb of intent (see _INF_FUT, _INF_PAST)
    r"|\b(?P<inf>to)\s+(?:not\s+)?(?!(?:the|an|its|their|his|her|our|this|that|these|those|date|be)\b)[a-z]{2,}\b"
    # "were projected to win", "was expected to": a past projection about what has happened since
    r"|\b(?P<past>(?:was|were)\s+(?:due|set|scheduled|expected|slated|poised|likely|forecast|predicted"
    r"|projected|tipped|on\s+(?:track|course))(?:\s+to\s+be\s+[a-z]+(?:ed|en)\b)?"
    r"|ha(?:s|ve|d)\s+(?:not\s+|never\s+|already\s+|also\s+|just\s+)?(?:been(?:\s+(?:expected|projected"
    r"|forecast|predicted|tipped|scheduled|due|set|slated))?|[a-z]+(?:ed|en|wn)|hit|cut"
    r"|set|put|won|lost|made|held|paid|sold|seen|done|grown|risen|fallen|shrunk|sunk|slid|led|spent|kept|left"
    r"|met|brought)|yesterday"
    r"|was|were|had|did|said|told|fell|rose|grew|sank|slid|won|lost|sold|bought|saw|took|made|came"
    r"|went|began|left|met|held|paid|spent|ran|gave|got|kept|brought|found|led|became|struck|broke|drove|flew"
    r"|stood|wrote|spoke|chose|sought|fought|caught|meant|sent|built|felt|heard|knew|shook|drew|threw|ago"
    r"|agreed|exceeded|succeeded|proceeded|stole|fled|swept|dealt|hung|rode|rang|stuck|swung|tore|woke|wore"
    r"|forgot|froze|hid|blew|withdrew|overtook|undertook|overcame|oversaw|sped|swore|taught|thought|understood"
    r"|upheld|withheld|misled|laid|lent|ate|drank|slumped|soared|Asked|Pressed|Questioned|Interviewed"
    # forms that are also nouns or present tenses: past only before an object ("cut rates", "hit a record")
    r"|(?=beat|hit|set|put|shut|quit|shed|bet|cast|spread|cut)"
    + "".join(rf"(?<!\b{w}\s)" for w in ("will", "to", "would", "could", "should", "can", "may", "might", "must",
                                                "not", "did", "do", "does", "ll")) +
    r"(?:beat(?=\s+[A-Z])|(?:hit|set|put|beat|shut|quit|shed|bet|cast|spread)(?=\s+(?:a|an|the|its|their|his|her|our|back"
    r"|down|up|out|off|rates?|jobs|prices|costs|output|production|records?|\$?\d))"
    r"|cut(?=\s+(?:rates?|interest|jobs|prices|output|production|costs|back|staff|ties|\$?\d|the\s+(?:rate|price)"
    r"|its\s+(?:forecast|outlook|guidance|stake|workforce|rating))))"
    # a regular past form, but not a passive ("is published") nor an adjective ("revised figures")
    r"|(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbeen\s)(?<!\bbeing\s)"
    + _NOT_ED + r"[a-z]{2,}(?<!e)ed(?!\s+(?!(?:" + _PREPS + r")\b)[a-z]))\b"
    # ...and one before a noun, a verb ("posted losses") or an adjective ("revised figures"): weak evidence
    r"|\b(?P<weak>" + _NOT_ED + r"[a-z]{2,}(?<!e)ed)\b"
    r"|\b(?P<pres>is|are|am|has|have|does|do|remains?|runs|takes|goes|comes|says"
    r"|gets|makes|stands|sits|lies|holds|needs)\b"
)

_KINDS = {"fut": "future", "fut2": "future", "sched": "sched", "past": "past", "pres": "present"}
# verbs (and nouns) of intent whose infinitive looks ahead: "plans to", "is set to", "a bid to", and
# past ones ("agreed to raise output in June" is a plan still ahead)
_INF_FUT = {
    "plan", "plans", "planning", "aim", "aims", "aiming", "hope", "hopes", "hoping", "intend", "intends",
    "intending", "want", "wants", "seek", "seeks", "seeking", "promise", "promises", "pledge", "pledges",
    "vow", "vows", "threaten", "threatens", "propose", "proposes", "proposing", "prepare", "prepares",
    "preparing", "agree", "agrees", "decide", "decides", "offer", "offers", "going", "about", "ready",
    "poised", "likely", "set", "looking", "yet", "need", "needs", "bid", "deal", "move", "push", "effort",
    "proposal", "decision", "agreement", "ambition", "intention", "vote", "votes", "expect",
    "expects", "expecting", "scheduled", "slated",
}
_INF_PAST = {
    "agreed", "decided", "planned", "promised", "pledged", "vowed", "threatened", "proposed", "voted",
    "resolved", "opted", "chose", "arranged", "intended", "prepared", "aimed", "hoped", "wanted", "offered",
    "committed", "undertook",
}
_BE = {"is", "are", "am", "was", "were", "be", "been", "being"}
# adverbials between a verb of intent and its infinitive
_INF_SKIP = {"not", "on", "in", "at", "last", "this", "late", "early", "earlier", "week", "month", "year", "principle",
             "unanimously", "formally", "also", "again", "already", "finally", "now", "overwhelmingly", "narrowly",
             "tentatively", "instead"}  # ...and the weekdays
# abbreviations whose full stop ends no clause (besides the months')
_ABBREVS = ("Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Corp", "Ltd", "Co", "No", "vs", "Gov", "Sen", "Rep", "Gen", "Prof",
            "Mt", "Ave")
_PAREN = re.compile(r"\([^()]*\)")
# hard clause boundaries: a sentence end, ";", a dash, a bracket, ", and", ", which", "up from"...
_BOUND = (
    r"(?=[.!?])(?<!\.[A-Za-z])(?<!\b[A-Z]){abbreviations}[.!?](?=[\s\"“”'’)])"
    r"|[;:](?=\s)|[\n(—]|\s[–-]\s|--"
    r"|,\s+(?:and|but|while|whereas|although|though|yet|so|which|who|whom|whose|where|when|after|before"
    r"|because|even|whilst|unlike)\b"
    r"|\b(?P<cmp>(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?|from\s+a\s+year\s+earlier)(?=\s)"
)


@functools.cache
def _bounds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The clause boundaries before a date (where an appositive also ends the clause: "agreed to buy Veldt, a
    41% premium to its close on Tuesday") and after it (where a closing bracket does)."""
    abbrs = (*(w.capitalize() for w in date_words().month_abbreviations), *_ABBREVS)
    bound = _BOUND.replace("{abbreviations}", "".join(rf"(?<!\b{w})" for w in abbrs))
    return re.compile(bound + r"|,\s+(?:a|an|the)\s"), re.compile(bound + r"|\)")
# "until 6pm on", "by noon on", "by": a deadline ahead of the clause's present
_DEADLINE = re.compile(
    r"\b(?:until|till|by|through)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|noon|midday|midnight|late|early"
    r"|the\s+end\s+of)\s+)?(?:on\s+)?\Z", re.IGNORECASE)
# verbs of saying ("reported results" is no saying: its objects are past)
_REPORT_VERBS = {"said", "says", "told", "tells", "added", "adds", "announced", "warned", "warns", "noted", "notes",
                 "argued", "argues", "predicted", "predicts", "estimated", "estimates", "stated", "confirmed"}
# ...and between a reporting verb and its own day: "said Tuesday", "told reporters on Monday", "said in March"
_OWN_DAY = re.compile(
    r"\s+(?:(?:late|early)\s+)?\Z"
    r"|\s+(?:(?!(?:that|it|he|she|they|we|which|who)\b)[\w’'.-]+\s+){0,5}?(?:(?:late|early)\s+)?on\s+\Z",
    re.IGNORECASE)
_OWN_PERIOD = re.compile(r"\s+(?:in|during)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?\Z", re.IGNORECASE)
# an event the clause follows: "after a crash on", "following talks in"
_AFTER_EVENT = re.compile(r"\b(?:after|following)\s+(?:[\w'’-]+\s+){1,4}(?:on|in|at|during)\s+\Z", re.IGNORECASE)
# a day that dates a known event named just before it ("would not challenge the result of the recount on
# 11 May"): the event's day, not the clause's future
_DATED_EVENT = re.compile(r"\b(?:the|its|their|his|her|this|last\s+\w+'s)\s+(?:[\w-]+\s+){0,2}?[a-z][\w-]{2,}\s+on\s+\Z",
                          re.IGNORECASE)

# a date booked for something: "fixed a hearing for April 14", "tickets for the April 20 final": the day lies
# ahead, whatever the tense of the booking ("was scheduled for" and "had been set for" keep their past: plans
# since overtaken)
_BOOKED = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:scheduled|set|slated|booked|fixed|pencilled|penciled|planned|arranged"
    r"|called|timetabled)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}?for\s+(?:the\s+)?\Z",
    re.IGNORECASE)
_FOR_EVENT = re.compile(r"\bfor\s+(?:the|a|an|its|their)\s+\Z", re.IGNORECASE)


@functools.cache
def _event_after() -> re.Pattern[str]:
    """The events a date may stand before as a label: "the April 20 final", "a May 4 vote"."""
    return re.compile(r"\s+(?:" + "|".join(sorted(word_class("scheduled_events"))) + r")\b", re.IGNORECASE)


@functools.cache
def _awaiting() -> re.Pattern[str]:
    words = sorted(word_class("anticipation_verbs"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+(?:the\s+)?\Z",
                      re.IGNORECASE)


def awaited(text: str, s: int) -> bool:
    """Whether the day at s is the object of a verb of waiting ("traders await Friday's payrolls", "bracing
    for Thursday's auction"): it lies ahead. Only right before the day: "patients waiting for treatment in
    December" waited then."""
    return bool(_awaiting().search(text, max(0, s - 40), s))


def names_event(text: str, e: int) -> bool:
    """Whether a scheduled event follows the day's possessive at e ("Sunday's final", "Friday's cup tie")."""
    return bool(_possessed_event().match(text, e))


@functools.cache
def _possessed_event() -> re.Pattern[str]:
    return re.compile(r"['’]s(?:\s+[\w-]+){0,2}?" + _event_after().pattern, re.IGNORECASE)


def booked(text: str, s: int, e: int) -> bool:
    """Whether the date at s..e is one something was booked for: it lies ahead of a past booking."""
    before = text[max(0, s - 60):s]
    if "for" not in before:
        return False  # both shapes end in "for": the common case costs one look
    return bool(_BOOKED.search(before)) or bool(_FOR_EVENT.search(before) and _event_after().match(text, e))


def _inf_kind(seg: str, i: int) -> str:
    """For the "to" at seg[i]: "fut" after a verb or noun of intent, even a past one ("plans to", "a bid
    to", "agreed on Sunday to"), "" otherwise ("rose to", "were projected to", "due to")."""
    words = seg[max(0, i - INTENT_REACH):i].lower().split()
    weekdays = date_words().weekdays
    while words and (words[-1] in _INF_SKIP or words[-1] in weekdays or words[-1][:1].isdigit()):
        words.pop()  # "agreed on Sunday to", "voted 5-4 to", "decided unanimously not to"
    if not words:
        return ""
    w = words[-1]
    if len(words) > 1 and words[-2] in _BE:
        return ""  # "were projected to win": the be-verb already told
    return "fut" if w in _INF_FUT or w in _INF_PAST else ""


_MODAL_PASSIVE = re.compile(
    r"\b(?:will|would|shall|should|must|may|might|can|could|to|is\s+to|are\s+to)\s+(?:not\s+)?(?:also\s+)?"
    r"(?:be|have\s+been)\s+\Z", re.IGNORECASE)


def _cue_list(seg: str) -> list[tuple[str, re.Match[str]]]:
    """The tense cues of seg in order, as (kind, match); kind is a _KINDS key, "weak" or "inf"-resolved."""
    out: list[tuple[str, re.Match[str]]] = []
    for m in _TENSE.finditer(seg):
        k = m.lastgroup or ""
        if k in ("past", "weak") and _MODAL_PASSIVE.search(seg, 0, m.start()):
            continue  # "will be held", "must be lodged": the modal before it tells, not the participle
        if k == "inf":
            k = _inf_kind(seg, m.start())
            if not k:
                continue
        out.append((k, m))
    return out


def _before(seg: str, day: bool, adjacent: bool = True) -> str:
    """The tense of the cue of seg nearest its end (a date follows seg): "future", "sched", "past",
    "present" or "". A reporting verb is no cue for another date: it gives "past" for its own day ("said
    Tuesday", "told reporters on Monday", "said in March"), else "reported" when the date opens the
    clause it reports ("said H1 revenue would...": that clause tells, else the saying's past) and
    "reported?" when the date is further in ("said that in March...", "announced job cuts in March":
    only the clause after the date tells)."""
    cues = _cue_list(seg)
    strong = [c for c in cues if c[0] != "weak"]
    if not strong:
        return "past" if cues else ""
    k, m = strong[-1]
    if m.group().lower() in _REPORT_VERBS:
        if not adjacent:
            return ""
        rest = seg[m.end():]
        if (_OWN_DAY if day else _OWN_PERIOD).match(rest):
            return "past"
        return "reported?" if rest.strip() else "reported"
    return _KINDS[k]


def _after(seg: str) -> str:
    """The tense of seg's first cue (a date precedes seg); a reporting verb right after a date is its own
    verb ("On Tuesday, the firm said"), unless set off by commas ("March sales, it said, were...")."""
    cues = _cue_list(seg)
    weak = False
    for k, m in cues:
        if k == "weak":
            weak = True
            continue
        if m.group().lower() in _REPORT_VERBS and seg.startswith(",", m.end()):
            continue
        return _KINDS[k]
    return "past" if weak else ""


def around(text: str, s: int, e: int) -> tuple[str, str, str, str, bool]:
    """(segment before, segment after, rest of the clause before, rest after, in a comparison) for s..e: the
    clause ends at hard boundaries (sentence end, ";", a dash, ", and", ", which", "up from"), and its
    segments at bare commas. The last flag is set when the clause is a comparison ("up from 3% in March")."""
    before = text[max(0, s - CLAUSE_REACH):s]
    after = text[e:e + CLAUSE_REACH]
    if "(" in before:
        before = _PAREN.sub("", before)  # "unveiled a 10 trillion yuan ($1.4 trillion) package on Friday"
    if "(" in after:
        after = _PAREN.sub("", after)
    cmp = False
    last = None
    hard_before, hard_after = _bounds()
    for last in hard_before.finditer(before):  # noqa: B007 - keep the last one
        pass
    if last is not None:
        before = before[last.end():]
        cmp = bool(last["cmp"])
    m = hard_after.search(after)
    if m is not None:
        after = after[:m.start()]
    i = before.rfind(",")
    while i >= 0 and not before[i + 1:i + 2].isspace():
        i = before.rfind(",", 0, i)
    j = after.find(",")
    while j >= 0 and not after[j + 1:j + 2].isspace() and j + 1 < len(after):
        j = after.find(",", j + 1)
    soft_b, rest_b = (before[i + 1:], before[:i]) if i >= 0 else (before, "")
    soft_a, rest_a = (after[:j], after[j:]) if j >= 0 else (after, "")
    return soft_b, soft_a, rest_b, rest_a, cmp


def clause_tense(text: str, s: int, e: int, day: bool = False, weekday: bool = False) -> str:
    """ "future", "sched", "past", "present" or "" for the clause holding s..e: the cue nearest the date
    in its comma segment (before it, then after it), then in the rest of the clause; never one from
    another clause of the sentence. A bare weekday after "until 6pm on" looks ahead."""
    soft_b, soft_a, rest_b, rest_a, cmp = around(text, s, e)
    if booked(text, s, e):
        return "sched"
    t = _before(soft_b, day)
    if t.startswith("reported"):
        return _after(soft_a) or _after(rest_a) or ("past" if t == "reported" else "")
    t = t or _after(soft_a)
    if weekday and t in ("", "present") and _DEADLINE.search(soft_b):
        # "by Monday" looks ahead, unless the clause it opens looks back: "By Monday evening, at least
        # 85 people had died"
        return "past" if _after(rest_a) == "past" else "future"
    if _AFTER_EVENT.search(soft_b) and (t in ("", "present") or _after(soft_a) == "past"):
        return "past"  # "is in hospital after a crash on Sunday", "will borrow after councillors on Tuesday approved"
    t = t or _before(rest_b, day, False) or _after(rest_a)
    if t == "future" and day and not weekday and _DATED_EVENT.search(soft_b):
        return ""
    return t or ("past" if cmp else "")


def tense_of(text: str, s: int, e: int, day: bool = False) -> str:
    """Whether the clause around s..e speaks of the future, a scheduled event ("sched") or the past, else ""."""
    t = clause_tense(text, s, e, day)
    return "" if t == "present" else t


