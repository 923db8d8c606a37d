"""Date mentions in news prose.

`find_dates(text, published)` returns every date-like mention as an inclusive interval of calendar
days, with its granularity, its ISO value, how it was qualified ("by March" -> at_most) and whether it
needed the publication date to resolve ("last Friday", "in December", "a year ago").

The forms a date is written in ("3 March 2025", "Q3 2024", "last Tuesday", "two weeks ago"...) are a
table (`forms.py`): each a named pattern, a handler and an example, tried in a fixed order. A small
backward pattern then reads the words before a match ("since", "by the end of", "mid-"; `draft.py`). A
mention without a year ("in March", "the second half", "on Thursday") takes it from the tense cue
nearest it in its own clause (`tense.py`): "fell in March" is the last March, "will open in March" the
next, "since March" one that has ended. A scheduled event ("polls close on Tuesday", "payable December
18") and an infinitive of intent ("agreed to raise output in June") look ahead when the next such day is
near (a week for a weekday, about six months for a date); a past projection ("were projected to win")
and a day's event ("Monday's vote") look back; a reporting verb dates only its own saying ("said
Tuesday"). With no tense to go by, the one nearest the publication date (`calendar.py`). The words
(months, weekdays, seasons, "yesterday"...) come from the packaged word-class file (`words.py`).
"""

from factcheck.extract.dates.find import DateMention, find_dates, trace_dates
from factcheck.extract.dates.forms import DateForms, Form, date_forms

__all__ = ["DateForms", "DateMention", "Form", "date_forms", "find_dates", "trace_dates"]
