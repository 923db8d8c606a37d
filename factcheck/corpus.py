"""Read the input articles (Markdown or text with YAML front matter, HTML, JSON Lines) into `Article`s.

Bad input never raises: each unreadable file or record becomes a `Problem` naming it, and the rest is still read.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias

import yaml

from factcheck.core.records import FIRST_YEAR, LAST_YEAR, Article, Problem
from factcheck.core.yamlcheck import safe_load

PathArg: TypeAlias = "str | os.PathLike[str]"

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

NO_DATE = "no 'published' date: relative dates stay unresolved"
_SUFFIX_LIST = ", ".join(ARTICLE_SUFFIXES)
_BOM = b"\xef\xbb\xbf"
MAX_ARTICLE_BYTES = 5_000_000  # a larger article (file, or .jsonl record) is skipped: --max-article-bytes
OUTPUT_MANIFEST = ".factcheck-output"  # in a folder factcheck wrote reports to: the names of the files it wrote
STORY_DATA = ("aliases.yaml",)  # a story's own data files, read from the folders of its articles

# The closing line is the first `---` (or `...`) line; `\s*\n` after it also swallows blank lines, so the body
# starts exactly where `re.match(r"^---\s*\n.*?\n---\s*\n", text, re.S).end()` says.
_FRONT_MATTER = re.compile(r"^---\s*\n(?:.*?\n)?(?P<close>---|\.\.\.)\s*\n", re.S)
_FRONT_MATTER_AT_END = re.compile(r"^---\s*\n(?:.*?\n)?(?P<close>---|\.\.\.)\s*\Z", re.S)
_OPENING = re.compile(r"---[^\S\n]*(?:\n|\Z)")


class _Skip(Exception):
    """The whole file cannot be used; the message says why."""


# ---------------------------------------------------------------- finding the files


def iter_input_files(paths: Sequence[PathArg] | PathArg) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders (recursively, sorted) into the article files to read.

    Hidden entries and non-article files inside folders are skipped; a missing path is a Problem.
    """
    found, problems = _expand(paths)
    return [path for _, path in found], problems


def _as_list(paths: Sequence[PathArg] | PathArg) -> list[str]:
    """Accept one path as well as a sequence of them (a bare string is not a list of one-letter paths)."""
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _expand(paths: Sequence[PathArg] | PathArg) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """(display id, path) for every article file, in order, each file once."""
    found: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for given in _as_list(paths):
        try:
            mode = os.stat(given).st_mode
        except FileNotFoundError:
            problems.append(Problem(given, "no such file or folder"))
            continue
        except (OSError, ValueError) as exc:
            problems.append(Problem(given, f"cannot be read ({_reason(exc)})"))
            continue
        if stat.S_ISDIR(mode):
            files = _walk(given, problems)
            if not files:
                problems.append(Problem(given, f"folder holds no article files ({_SUFFIX_LIST})", "warning"))
        elif os.path.splitext(given)[1].lower() in ARTICLE_SUFFIXES:
            files = [(given, Path(given))]
        else:
            beside = " (a story's aliases file: give its folder, and it is read with the articles there)" \
                if os.path.basename(given) in STORY_DATA else ""
            problems.append(Problem(given, f"not an article file (expected {_SUFFIX_LIST}){beside}"))
            continue
        for shown, path in files:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append((shown, path))
    return found, problems


def _walk(folder: str, problems: list[Problem]) -> list[tuple[str, Path]]:
    """Article files under `folder`, sorted by relative path, ids joined onto the folder as given."""

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(str(exc.filename or folder), f"folder cannot be read ({_reason(exc)})"))

    relative: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        sub = root[len(folder) :].lstrip(os.sep + (os.altsep or ""))
        ours = written_here(root) if OUTPUT_MANIFEST in files else frozenset()
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES or name in ours:
                continue
            relative.append(os.path.join(sub, name) if sub else name)
    relative.sort(key=lambda rel: Path(rel).parts)
    return [(os.path.join(folder, rel), Path(os.path.join(folder, rel))) for rel in relative]


def data_beside(paths: Sequence[PathArg] | PathArg) -> dict[str, tuple[Path, ...]]:
    """Each folder whose articles `paths` reads (normalised) -> the story data files (STORY_DATA) that
    apply to them, in reading order: those of the folder given (for a file given, its own folder),
    then of each folder below it down to the article's own, so that the nearest is read last. A
    folder reached from two of `paths` keeps what the first gives, as its articles do."""
    chains: dict[str, tuple[Path, ...]] = {}
    for given in _as_list(paths):
        if os.path.isdir(given):
            seen: dict[str, tuple[Path, ...]] = {}
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                here = os.path.normpath(root)
                above = seen.get(os.path.dirname(here) or ".", ()) if root != given else ()
                seen[here] = above + tuple(Path(root, name) for name in STORY_DATA if name in files)
                chains.setdefault(here, seen[here])
        elif os.path.isfile(given):
            folder = os.path.dirname(given) or "."
            chains.setdefault(os.path.normpath(folder), tuple(
                Path(folder, name) for name in STORY_DATA if os.path.isfile(os.path.join(folder, name))))
    return chains


def written_here(folder: str | Path) -> frozenset[str]:
    """The names of the files factcheck wrote to `folder` (its reports), which a folder scan never
    reads back as articles; empty when the folder has no readable manifest."""
    try:
        text = (Path(folder) / OUTPUT_MANIFEST).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _reason(exc: BaseException) -> str:
    """A short lower-case reason for an OS error."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


# ---------------------------------------------------------------- reading


def load_corpus(
    paths: Sequence[PathArg] | PathArg, max_article_bytes: int = MAX_ARTICLE_BYTES
) -> tuple[list[Article], list[Problem]]:
    """Read every article under `paths`; bad files and records become Problems, never exceptions. An
    article over `max_article_bytes` (a file, or one record of a .jsonl file) is skipped unread."""
    found, problems = _expand(paths)
    articles: list[Article] = []
    origin: dict[str, str] = {}
    for shown, path in found:
        new_articles, new_problems = _read_file(shown, path, max_article_bytes)
        problems.extend(new_problems)
        for article in new_articles:
            if article.id in origin:
                message = f"article id '{article.id}' was already read from {origin[article.id]}; skipped"
                problems.append(Problem(article.where if article.line else shown, message))
                continue
            origin[article.id] = article.where
            articles.append(article)
    return articles, problems


def _read_file(shown: str, path: Path, limit: int) -> tuple[list[Article], list[Problem]]:
    """One file's articles: a .jsonl file is read line by line, any other file whole (if within `limit`)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return [], [Problem(shown, "is not a regular file")]
        with path.open("rb") as fh:
            if path.suffix.lower() in JSONL_SUFFIXES:
                return parse_jsonl_stream(shown, fh, limit)
            raw = fh.read(limit + 1)
    except IsADirectoryError:
        return [], [Problem(shown, "is a folder, not a file")]
    except FileNotFoundError:
        return [], [Problem(shown, "cannot be read (it no longer exists, or is a broken link)")]
    except OSError as exc:
        return [], [Problem(shown, f"cannot be read ({_reason(exc)})")]
    if len(raw) > limit:
        return [], [Problem(shown, _too_big(path.stat().st_size, limit))]
    return parse_article(shown, raw, limit)


def _too_big(size: int, limit: int) -> str:
    """Why an article over --max-article-bytes is skipped."""
    return f"{size:,} bytes, over the limit of {limit:,} (--max-article-bytes); not read"


def parse_article(
    path_as_given: str, raw: bytes, max_article_bytes: int = MAX_ARTICLE_BYTES
) -> tuple[list[Article], list[Problem]]:
    """Turn one file's bytes into its articles (several for .jsonl); the suffix of `path_as_given` picks the format."""
    shown = path_as_given
    try:
        if os.path.splitext(shown)[1].lower() in JSONL_SUFFIXES:
            return parse_jsonl_stream(shown, io.BytesIO(raw), max_article_bytes)
        if len(raw) > max_article_bytes:
            raise _Skip(_too_big(len(raw), max_article_bytes))
        base = _check_text_start(raw)
        data = raw[base:]
        nul = data.find(b"\0")
        if nul >= 0:
            raise _Skip(f"is a binary file (NUL byte at offset {base + nul}), not text")
        text = _normalise_newlines(_decode(data, base))
        if os.path.splitext(shown)[1].lower() in HTML_SUFFIXES:
            return _parse_html(shown, text)
        return _parse_text(shown, text)
    except _Skip as exc:
        return [], [Problem(shown, str(exc))]
    except Exception as exc:  # a last resort: one odd file must not stop the run
        return [], [Problem(shown, f"could not be read ({type(exc).__name__}: {exc})")]


def _check_text_start(head: bytes) -> int:
    """The length of a UTF-8 byte-order mark at the start (0 or 3); _Skip for an empty or UTF-16 file."""
    base = len(_BOM) if head.startswith(_BOM) else 0
    if not head[base:].strip():
        raise _Skip("file is empty")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Skip("is UTF-16 encoded (it starts with a UTF-16 byte-order mark); re-save it as UTF-8")
    return base


def _decode(data: bytes, base: int) -> str:
    """Strict UTF-8, or a _Skip saying where the first bad byte is (offset counted in the file)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _Skip(_not_utf8(data[exc.start], base + exc.start, f", line {line}")) from None


def _not_utf8(byte: int, offset: int, line: str = "") -> str:
    return f"not UTF-8 (invalid byte 0x{byte:02x} at offset {offset}{line}); re-save it as UTF-8"


def _normalise_newlines(text: str) -> str:
    """What Python's universal newlines do: `\\r\\n` and a lone `\\r` become `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- Markdown and text


class _FrontMatterConstructor(yaml.constructor.SafeConstructor):
    """A SafeConstructor that keeps timestamps as strings, so every date is checked in one place."""


def _timestamp_as_text(constructor: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> str:
    return str(constructor.construct_scalar(node))


_FrontMatterConstructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _parse_text(shown: str, text: str) -> tuple[list[Article], list[Problem]]:
    meta, body_start = _front_matter(text)
    body = text[body_start:]
    if not body.strip():
        raise _Skip("article has no text after its front matter" if body_start else "file is empty")
    problems: list[Problem] = []
    missing = NO_DATE
    if "published" not in meta and "date" in meta:
        missing = "no 'published' date (rename the 'date' key to 'published'): relative dates stay unresolved"
    published = _published(meta, shown, problems, missing)
    article = Article(
        id=shown,
        path=shown,
        body=body,
        source=_text_field(meta, "source", shown, problems) or Path(shown).stem,
        title=_text_field(meta, "title", shown, problems),
        published=published,
        url=_text_field(meta, "url", shown, problems),
        line=text.count("\n", 0, body_start) + 1,
        verbatim=True,
    )
    return [article], problems


def _front_matter(text: str) -> tuple[dict[object, object], int]:
    """The front matter as a mapping and where the body starts (0 when there is no front matter)."""
    match = _FRONT_MATTER.match(text) or _FRONT_MATTER_AT_END.match(text)
    if match is None:
        if _OPENING.match(text):
            raise _Skip("front matter opened on line 1 is never closed (no '---' line after it)")
        return {}, 0
    yaml_start = text.index("\n") + 1
    source = text[yaml_start : match.start("close")]
    try:
        meta = safe_load(source, _FrontMatterConstructor)
    except yaml.MarkedYAMLError as exc:
        raise _Skip(f"front matter is not valid YAML ({_yaml_error(exc)})") from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise _Skip(f"front matter is not valid YAML ({exc})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise _Skip(f"front matter is not a mapping of keys to values (it is {_kind(meta)})")
    return meta, match.end()


def _yaml_error(exc: yaml.MarkedYAMLError) -> str:
    """`line N: problem`, with line numbers counted in the file (the YAML starts on line 2)."""
    text = str(exc.problem or exc.context or "syntax error")
    if exc.problem_mark is not None:
        text = f"line {exc.problem_mark.line + 2}: {text}"
    if exc.problem and exc.context and exc.context_mark is not None:
        text += f", {exc.context} on line {exc.context_mark.line + 2}"
    return text


# ---------------------------------------------------------------- fields shared by all formats


def _published(
    meta: Mapping[Any, object], where: str, problems: list[Problem], missing: str = NO_DATE
) -> dt.date | None:
    """The `published` date, or None with a warning (missing, or not ISO)."""
    value = meta.get("published")
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append(Problem(where, missing, "warning"))
        return None
    try:
        date = _iso_date(value)
    except ValueError:
        message = f"published date {str(value)!r} is not a valid ISO date (YYYY-MM-DD): relative dates stay unresolved"
        problems.append(Problem(where, message, "warning"))
        return None
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        message = (f"published date {str(value)!r} is outside the years {FIRST_YEAR} to {LAST_YEAR}, so not taken "
                   "as a date: relative dates stay unresolved")
        problems.append(Problem(where, message, "warning"))
        return None
    return date


def _iso_date(value: object) -> dt.date:
    """The calendar date of an ISO date or datetime, as written (no time zone conversion)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value.strip()).date()
    raise ValueError(value)


def _text_field(meta: Mapping[Any, object], key: str, where: str, problems: list[Problem]) -> str:
    """A string field; numbers are spelled out, lists and mappings are ignored with a warning."""
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    problems.append(Problem(where, f"'{key}' is {_kind(value)}, not text; ignored", "warning"))
    return ""


def _kind(value: object) -> str:
    """How to name a JSON/YAML value's type in a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


# ---------------------------------------------------------------- HTML

_DROPPED = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "template"})
_SECTIONS = frozenset({"nav", "header", "footer", "aside"})  # dropped when closed; never closed, their text is kept
_BLOCKS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article", "section", "main", "ul", "ol",
     "dl", "dt", "dd", "table", "thead", "tbody", "caption", "blockquote", "pre", "figure", "figcaption", "hr",
     "address", "form", "body", "html"}
)
_CELLS = frozenset({"td", "th"})
_PUBLISHED_META = ("article:published_time", "date", "datepublished", "pubdate", "dc.date", "dcterms.date")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _PageParser(HTMLParser):
    """Collects a page's readable text (paragraphs separated by blank lines) and its metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._lines: list[str] = []
        self._fragments: list[str] = []
        self._dropped: list[str] = []  # the dropped elements open now, outermost first
        self._held: list[list[str] | None] = []  # the paragraphs read inside each section among them, until it closes
        self._title: list[str] | None = None
        self._h1: list[str] | None = None
        self.title = ""
        self.h1 = ""
        self.meta: dict[str, str] = {}
        self.time = ""
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._title is not None and (tag in _BLOCKS or tag in _DROPPED):
            self._end_title()
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
            if key and key not in self.meta:
                self.meta[key] = values.get("content", "").strip()
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split() and not self.canonical:
            self.canonical = values.get("href", "").strip()
        elif tag == "time" and values.get("datetime") and not self.time:
            self.time = values["datetime"].strip()
        elif tag == "title" and not self.title:
            self._title = []
        elif tag == "h1" and not self.h1:
            self._h1 = []
        if tag in _DROPPED:
            if tag in _SECTIONS:
                self._end_paragraph()
            self._dropped.append(tag)
            self._held.append([] if tag in _SECTIONS else None)
        elif tag == "br":
            self._end_line()
        elif tag in _BLOCKS:
            self._end_paragraph()
        elif tag in _CELLS:
            self._fragments.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self._end_title()
        elif tag == "h1" and self._h1 is not None:
            self._end_h1()
        if tag in _DROPPED:
            if tag in self._dropped:
                if tag in _SECTIONS:
                    self._end_paragraph()
                last = len(self._dropped) - 1 - self._dropped[::-1].index(tag)
                del self._dropped[last:], self._held[last:]
        elif tag in _BLOCKS and tag != "br":
            self._end_paragraph()
        elif tag in _CELLS:
            self._fragments.append(" ")

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if self._h1 is not None:
            self._h1.append(data)
        if all(tag in _SECTIONS for tag in self._dropped):
            self._fragments.append(data)

    def close(self) -> None:
        super().close()
        if self._title is not None:
            self._end_title()
        if self._h1 is not None:
            self._end_h1()
        self._end_paragraph()
        while self._dropped:  # an unclosed <header> (say) has no known end: keep its text rather than lose the page
            self._dropped.pop()
            held = self._held.pop()
            if held:
                self._sink().extend(held)

    def _end_title(self) -> None:
        self.title = _collapse("".join(self._title or []))
        self._title = None

    def _end_h1(self) -> None:
        self.h1 = _collapse("".join(self._h1 or []))
        self._h1 = None

    def _end_line(self) -> None:
        line = _collapse("".join(self._fragments))
        self._fragments = []
        if line:
            self._lines.append(line)

    def _end_paragraph(self) -> None:
        self._end_line()
        if self._lines:
            self._sink().append("\n".join(self._lines))
            self._lines = []

    def _sink(self) -> list[str]:
        """Where a finished paragraph goes: held by the innermost open section, else the page's."""
        return next((held for held in reversed(self._held) if held is not None), self.paragraphs)


def _collapse(text: str) -> str:
    """Collapse HTML whitespace (ASCII only, as browsers do: a no-break space stays)."""
    return _HTML_SPACE.sub(" ", text).strip(" ")


def _parse_html(shown: str, text: str) -> tuple[list[Article], list[Problem]]:
    page = _PageParser()
    page.feed(text)
    page.close()
    body = "\n\n".join(page.paragraphs) + "\n" if page.paragraphs else ""
    if not body.strip():
        raise _Skip("page has no text")
    meta: dict[object, object] = {}
    for key in _PUBLISHED_META:
        if page.meta.get(key):
            meta["published"] = page.meta[key]
            break
    else:
        if page.time:
            meta["published"] = page.time
    problems: list[Problem] = []
    article = Article(
        id=shown,
        path=shown,
        body=body,
        source=page.meta.get("og:site_name") or Path(shown).stem,
        title=page.title or page.h1,
        published=_published(meta, shown, problems),
        url=page.canonical or page.meta.get("og:url", ""),
    )
    return [article], problems


# ---------------------------------------------------------------- JSON Lines


def parse_jsonl_stream(shown: str, stream: BinaryIO, limit: int) -> tuple[list[Article], list[Problem]]:
    """One article per line, read one line at a time; a bad line, or one over `limit` bytes, is a Problem
    at `file:line`, and the other lines are still read."""
    head = stream.read(8192)
    try:
        base = _check_text_start(head)
        nul = head.find(b"\0")
        if nul >= 0:
            raise _Skip(f"is a binary file (NUL byte at offset {nul}), not text")
    except _Skip as exc:
        return [], [Problem(shown, str(exc))]
    stream.seek(base)
    articles: list[Article] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    offset = base
    for number, chunk, size in _lines(stream, limit):
        where, chunk_offset, offset = f"{shown}:{number}", offset, offset + size
        if size > limit:
            problems.append(Problem(where, f"record of {_too_big(size, limit)}"))
            continue
        if not chunk.strip():
            continue
        notes: list[Problem] = []
        try:
            article = _record(_json_record(chunk, chunk_offset), shown, number, notes)
        except _Skip as exc:
            problems.append(Problem(where, str(exc)))
            continue
        if article.id in first_line:
            first = first_line[article.id]
            problems.append(Problem(where, f"duplicate id '{article.id}' (first used on line {first}); record skipped"))
            continue
        first_line[article.id] = number
        articles.append(article)
        problems.extend(notes)
    return articles, problems


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, int]]:
    """(line number, its bytes without the newline, its size with the newline) for each line; a line
    longer than `limit` is not kept in memory (its bytes come back empty, its size is counted)."""
    number = 0
    while True:
        line = stream.readline(limit + 2)
        if not line:
            return
        number += 1
        size = len(line)
        if size > limit + 1 or (size == limit + 1 and not line.endswith(b"\n")):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                size += len(line)
            yield number, b"", size
            continue
        yield number, line.rstrip(b"\n"), size


def _json_record(chunk: bytes, offset: int) -> object:
    """One line's JSON value; _Skip says why a line is not one."""
    try:
        return json.loads(chunk.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _Skip(_not_utf8(chunk[exc.start], offset + exc.start)) from None
    except json.JSONDecodeError as exc:
        reason = exc.msg[:1].lower() + exc.msg[1:]
        raise _Skip(f"not valid JSON ({reason} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        raise _Skip(f"not valid JSON ({exc})") from None


def _record(record: object, shown: str, number: int, problems: list[Problem]) -> Article:
    """A JSON Lines record as an Article; warnings go to `problems`, a record that cannot be used raises _Skip."""
    where = f"{shown}:{number}"
    if not isinstance(record, dict):
        raise _Skip(f"record is {_kind(record)}, not a JSON object")
    record = _valid_unicode(record, where, problems)
    raw_id = record.get("id")
    if raw_id is None:
        raise _Skip("record has no 'id'")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float)):
        raise _Skip(f"'id' is {_kind(raw_id)}; it must be a string or a number")
    record_id = str(raw_id)
    if not record_id.strip():
        raise _Skip("record has an empty 'id'")
    text = record.get("text")
    if text is None:
        raise _Skip(f"record '{record_id}' has no 'text'")
    if not isinstance(text, str):
        raise _Skip(f"record '{record_id}': 'text' is {_kind(text)}, not a string")
    if not text.strip():
        raise _Skip(f"record '{record_id}' has an empty 'text'")
    notes: list[Problem] = []
    published = _published(record, where, notes)
    problems.extend(Problem(p.path, f"record '{record_id}': {p.message}", p.level) for p in notes)
    return Article(
        id=record_id,
        path=shown,
        body=text,
        source=_text_field(record, "source", where, problems) or record_id,
        title=_text_field(record, "title", where, problems),
        published=published,
        url=_text_field(record, "url", where, problems),
        line=number,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(record: dict[Any, Any], where: str, problems: list[Problem]) -> dict[Any, Any]:
    """The record with every lone surrogate in its text fields ("\\ud83d" in JSON: half of an emoji, which
    no UTF-8 file can hold) replaced by U+FFFD, and a warning naming the fields."""
    bad = [key for key, value in record.items() if isinstance(value, str) and _SURROGATE.search(value)]
    if not bad:
        return record
    names = ", ".join(f"'{_SURROGATE.sub(chr(0xFFFD), str(key))}'" for key in bad)
    problems.append(Problem(where, f"lone surrogate (half of a UTF-16 pair, e.g. \\ud83d) in {names}: not valid "
                                   "Unicode; replaced with U+FFFD", "warning"))
    return {key: _SURROGATE.sub("\ufffd", value) if key in bad else value for key, value in record.items()}
