"""Text for people and for the programs they read it with: what an article says made inert for each
output (terminal, Markdown, CSV, links, JSON), and tables that fit the terminal.

An article is written by someone else: its source, title, URL and body may carry script, formulas,
escape sequences or Markdown. Every view shows them as text, never runs them.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import click
from tabulate import tabulate
from wcwidth import wcswidth, wcwidth

# C0 controls but tab and newline, DEL, and C1 controls (ESC starts a terminal escape sequence, and
# so does U+009B, CSI, on terminals that read 8-bit controls)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1_AND_DEL = re.compile("[\x7f-\x9f]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    return "\u2421" if code == 0x7F else "\ufffd"


def terminal_text(text: str) -> str:
    """`text` with every control character but tab and newline shown as a visible sign (ESC as ␛),
    one character for one, so that offsets into the text still hold and no escape sequence runs."""
    return _CONTROL.sub(_picture, text)


def one_line(text: str) -> str:
    """`text` safe for the terminal, on one line (runs of white space become one space)."""
    return " ".join(terminal_text(text).split())


def json_text(doc: object, depth: int = 0) -> str:
    """JSON as we print it: UTF-8 kept readable, but DEL and C1 controls written as \\u escapes (the
    same JSON), so that printing it cannot move a terminal's cursor. With `depth`, the text as it
    stands that deep inside a document (each line after the first indented 2 * depth more), so that a
    long document can be written a part at a time (`json_object_chunks`)."""
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    if depth:
        text = text.replace("\n", "\n" + "  " * depth)
    return _C1_AND_DEL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_object_chunks(fields: list[tuple[str, object]]) -> Iterator[str]:
    """The text `json_text` gives a JSON object of `fields` (plus a final newline), a piece at a time:
    a field whose value is an iterator is a list written one item at a time, so that a list of 10^5
    findings never stands whole in memory as objects or as text."""
    yield "{"
    for n, (key, value) in enumerate(fields):
        yield f"{',' if n else ''}\n  {json_text(key)}: "
        if not isinstance(value, Iterator):
            yield json_text(value, 1)
            continue
        empty = True
        for item in value:
            yield ("[\n    " if empty else ",\n    ") + json_text(item, 2)
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n" if fields else "}\n"


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def link_target(url: str) -> str:
    """The URL when it is an http or https link with a host, else "" (a `javascript:`, `data:` or
    `file:` URL, in any case or with tabs inside, is shown as text, never linked)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip(_C0_AND_SPACE)  # as a browser reads a URL
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return ""
    return cleaned if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet cannot run: text starting with = + - @ tab or CR gets a leading
    apostrophe (the usual escape); numbers, and text that is only a number such as "-5", stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]|~#])")


def markdown_text(text: str) -> str:
    """Article text as inert Markdown on one line: HTML escaped (`<` as `&lt;`), Markdown syntax
    (emphasis, links, code, table pipes, headings) backslash-escaped, control characters shown."""
    flat = html.escape(one_line(text), quote=False)
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", flat)
    return "\\" + escaped if escaped[:1] in ("+", "-", "=", ">") else escaped


# --- tables that fit the terminal -------------------------------------------------------------

DEFAULT_WIDTH = 120  # output to a file or a pipe: wide enough for a log, narrow enough to read
MIN_WIDTH = 40


def terminal_width() -> int:
    """$COLUMNS when set, else the terminal's width, else DEFAULT_WIDTH (standard output is no terminal)."""
    return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def width_of(text: str) -> int:
    """How many terminal columns `text` takes (a Chinese character takes two)."""
    n = wcswidth(text)
    return n if n >= 0 else sum(max(wcwidth(ch), 0) for ch in text)


def _cut(word: str, width: int) -> int:
    """Where to break a word too long for `width`: after a hyphen, slash, dot or comma in its second
    half if there is one, else after as many characters as fit."""
    fit, used = 0, 0
    for i, ch in enumerate(word):
        used += max(wcwidth(ch), 0)
        if used > width:
            break
        fit = i + 1
    fit = max(fit, 1)
    soft = max((i + 1 for i in range(fit) if word[i] in "-/.,:;_)"), default=0)
    return soft if soft * 2 > fit and soft < len(word) else fit


def wrap(text: str, width: int, hang: int = 0) -> list[str]:
    """`text` in lines of at most `width` columns: at spaces, and long words (URLs, ranges of dates)
    at their own punctuation. Newlines in `text` are kept; the lines that continue one are indented
    by `hang` spaces (so that a cell holding several items still shows where each begins)."""
    width = max(width, 1)
    hang = min(hang, width - 1)
    out: list[str] = []
    indent = " " * hang
    for para in text.split("\n"):
        lines: list[str] = []
        line = ""
        for word in para.split():
            room = width - (hang if lines else 0)  # the line being filled is a continued one once lines exist
            if line and width_of(line) + 1 + width_of(word) <= room:
                line += " " + word
                continue
            if line:
                lines.append(line)
                room = width - hang
            while width_of(word) > room:
                at = _cut(word, room)
                lines.append(word[:at])
                word, room = word[at:], width - hang
            line = word
        lines.append(line)
        out += [lines[0]] + [indent + x for x in lines[1:]]
    return out


@dataclass(frozen=True)
class Column:
    """A table column: its header, and whether its text may be wrapped (ids and numbers are not)."""

    header: str
    wraps: bool = True
    align: str = "left"
    hang: int = 0  # indent of continued lines: for cells that stack several items, one a line


@dataclass(frozen=True)
class Layout:
    """One way to lay out a table: its columns, rows (cells may hold newlines), tabulate style, and
    the narrowest a wrapped column may become before the next, more compact layout is tried."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    style: str = "simple_grid"
    min_wrap: int = 24


def _overhead(style: str, n: int) -> int:
    return 3 * n + 1 if style == "simple_grid" else 2 * (n - 1)


def _header_width(column: Column) -> int:
    """A header's width with tabulate's padding (a header may stack several lines, one per line of its cells)."""
    return max(width_of(line) for line in column.header.split("\n")) + 2


def _natural(layout: Layout) -> list[int]:
    """Each column's width unwrapped: its longest line, at least its header and tabulate's padding."""
    widths = [_header_width(c) for c in layout.columns]
    for row in layout.rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(width_of(line) for line in cell.split("\n")))
    return widths


def column_widths(natural: Sequence[int], wraps: Sequence[bool], floor: Sequence[int], room: int) -> list[int]:
    """Widths adding up to at most `room` where possible: columns that do not wrap, and wrapping
    columns narrower than a fair share, keep their width; the long ones share what is left evenly."""
    widths = list(natural)
    if sum(natural) <= room:
        return widths
    wide = [i for i, w in enumerate(wraps) if w]
    left = room - sum(n for n, w in zip(natural, wraps) if not w)
    while wide:
        share = left // len(wide)
        keep = [i for i in wide if natural[i] <= share]
        if not keep:
            break
        wide = [i for i in wide if i not in keep]
        left -= sum(natural[i] for i in keep)
    if wide:
        share, extra = divmod(max(left, 0), len(wide))
        for n, i in enumerate(sorted(wide, key=lambda i: natural[i])):
            widths[i] = max(floor[i], share + (1 if n >= len(wide) - extra else 0))
    return widths


def _render(layout: Layout, width: int, last: bool) -> str | None:
    """The layout fitted to `width`, or None when a wrapped column would fall below its `min_wrap`
    (or columns that never wrap overflow) and this is not the `last` layout to try."""
    natural = _natural(layout)
    wraps = [c.wraps for c in layout.columns]
    floor = [_header_width(c) for c in layout.columns]
    room = width - _overhead(layout.style, len(layout.columns))
    widths = column_widths(natural, wraps, floor, room)
    squeezed = any(w < min(n, layout.min_wrap) for w, n, wr in zip(widths, natural, wraps) if wr)
    if not last and (squeezed or sum(widths) > room):
        return None
    rows = [["\n".join(wrap(cell, w, c.hang)) if c.wraps else cell for cell, w, c in zip(row, widths, layout.columns)]
            for row in layout.rows]
    return tabulate(rows, headers=[c.header for c in layout.columns], tablefmt=layout.style,
                    disable_numparse=True, colalign=[c.align for c in layout.columns])


def fit_table(layouts: Sequence[Layout], width: int) -> str:
    """The first layout that fits `width` (the last one is fitted whatever it takes). Every cell is
    made safe for the terminal first: articles' control characters never reach it."""
    for n, layout in enumerate(layouts):
        safe = Layout(layout.columns,
                      tuple(tuple("\n".join(one_line(part) for part in cell.split("\n")) for cell in row)
                            for row in layout.rows),
                      layout.style, layout.min_wrap)
        text = _render(safe, width, n == len(layouts) - 1)
        if text is not None:
            return text
    return ""


# --- --help ---------------------------------------------------------------------------------


class WholeSummaries(click.Group):
    """A command group whose --help lists each command with its whole first sentence (click cuts it
    to one line of the terminal, mid-sentence)."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
