"""Tests for factcheck.corpus: reading articles from files and folders, and turning bad input into Problems."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from factcheck.corpus import NO_DATE, iter_input_files, load_corpus, parse_article
from factcheck.core.records import Article, Problem

DATA = Path(__file__).parent / "data" / "inputs" / "corpus_loader"
FRONT_MATTER = re.compile(r"^---\s*\n.*?\n---\s*\n", re.S)


def regex_body(text: str) -> str:
    """The body as the contract defines it."""
    match = FRONT_MATTER.match(text)
    return text[match.end() :] if match else text


def one(name: str, raw: bytes) -> tuple[Article, list[Problem]]:
    articles, problems = parse_article(name, raw)
    assert len(articles) == 1, problems
    return articles[0], problems


def skipped(name: str, raw: bytes) -> Problem:
    articles, problems = parse_article(name, raw)
    assert articles == []
    assert len(problems) == 1
    assert problems[0].level == "skipped"
    assert problems[0].path == name
    return problems[0]


# ---------------------------------------------------------------- Markdown / text


def test_front_matter_fields_and_body() -> None:
    text = (
        "---\n"
        "title: Tram line opens\n"
        "source: City Wire\n"
        "published: 2024-06-01\n"
        "url: https://citywire.example/tram\n"
        "author: R. Ng\n"
        "tags: [transport, city]\n"
        "---\n"
        "The new tram line cost $410 million.\n"
        "\n"
        "It opened on Saturday.\n"
    )
    article, problems = one("news/tram.md", text.encode())
    assert problems == []
    assert article == Article(
        id="news/tram.md",
        path="news/tram.md",
        body="The new tram line cost $410 million.\n\nIt opened on Saturday.\n",
        source="City Wire",
        title="Tram line opens",
        published=dt.date(2024, 6, 1),
        url="https://citywire.example/tram",
        line=9,  # the body starts on line 9 of the file, as written: SARIF and annotations point there
        verbatim=True,
    )
    assert article.body == regex_body(text)


@pytest.mark.parametrize(
    "text",
    [
        "---\nsource: A\npublished: 2024-01-01\n---\nBody starts here.\n",
        "---\nsource: A\npublished: 2024-01-01\n---\n\n\nBody after blank lines.\n",
        "---\nsource: A\npublished: 2024-01-01\n---\n\n   Indented first line.\n",
        "---   \nsource: A\npublished: 2024-01-01\n---  \nTrailing spaces on the fences.\n",
        "---\n\nsource: A\npublished: 2024-01-01\n---\nBlank line inside the front matter.\n",
        "---\nsource: A\npublished: 2024-01-01\n---\nA rule follows.\n\n---\n\nMore text after the rule.\n",
        "No front matter at all, 3 apples.\n---\nstill body\n",
    ],
)
def test_body_offsets_follow_the_contract_regex(text: str) -> None:
    article, _ = one("a.md", text.encode())
    assert article.body == regex_body(text)
    assert text.endswith(article.body)


def test_crlf_and_lone_cr_are_normalised() -> None:
    text = (
        "---\r\nsource: Wire\r\npublished: 2024-02-02\r\n---\r\n"
        "First line, 5 ships.\r\nSecond line.\rThird line.\r\n"
    )
    article, problems = one("crlf.md", text.encode())
    assert problems == []
    assert "\r" not in article.body
    assert article.body == "First line, 5 ships.\nSecond line.\nThird line.\n"
    assert article.body == regex_body(text.replace("\r\n", "\n").replace("\r", "\n"))
    assert article.source == "Wire"


def test_utf8_bom_is_dropped_and_front_matter_still_found() -> None:
    raw = b"\xef\xbb\xbf---\ntitle: Caf\xc3\xa9 prices\npublished: 2024-04-04\n---\nA coffee costs \xe2\x82\xac3.\n"
    article, problems = one("bom.md", raw)
    assert problems == []
    assert article.title == "Café prices"
    assert article.body == "A coffee costs €3.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-28", dt.date(2025, 1, 28)),
        ("2025-01-28T09:30:00Z", dt.date(2025, 1, 28)),
        ("2025-01-28 23:30:00", dt.date(2025, 1, 28)),
        ("2025-01-28T23:30:00-08:00", dt.date(2025, 1, 28)),  # the date as written, not shifted to UTC
        ('"2025-01-28T09:30"', dt.date(2025, 1, 28)),
    ],
)
def test_published_dates_and_datetimes(value: str, expected: dt.date) -> None:
    article, problems = one("d.md", f"---\npublished: {value}\n---\nBody.\n".encode())
    assert problems == []
    assert article.published == expected
    assert type(article.published) is dt.date


@pytest.mark.parametrize("value", ["January 28, 2025", "28/01/2025", "2025-02-30", "2025"])
def test_non_iso_date_is_a_warning_and_the_article_is_kept(value: str) -> None:
    article, problems = one("d.md", f"---\npublished: {value}\nsource: S\n---\nBody.\n".encode())
    assert article.published is None
    assert article.source == "S"
    assert [p.level for p in problems] == ["warning"]
    assert "not a valid ISO date" in problems[0].message
    assert str(problems[0]).startswith("d.md: published date ")


def test_missing_published_is_a_warning_and_the_article_is_kept() -> None:
    article, problems = one("nodate.md", b"---\nsource: S\n---\nBody with 3 facts.\n")
    assert article.published is None
    assert problems == [Problem("nodate.md", NO_DATE, "warning")]


def test_a_date_key_gets_a_rename_hint() -> None:
    _, problems = one("x.md", b"---\ndate: 2024-01-01\n---\nBody.\n")
    assert problems[0].level == "warning"
    assert "rename the 'date' key to 'published'" in problems[0].message


def test_no_front_matter_source_falls_back_to_the_stem() -> None:
    article, problems = one("corpus/wire/03_storm.txt", b"A storm hit 40 towns.\n")
    assert article.source == "03_storm"
    assert article.title == ""
    assert article.body == "A storm hit 40 towns.\n"
    assert problems == [Problem("corpus/wire/03_storm.txt", NO_DATE, "warning")]


def test_broken_yaml_is_skipped_with_the_file_line() -> None:
    raw = b"---\ntitle: Budget\nsource: Post: late edition\npublished: 2024-01-01\n---\nBody.\n"
    problem = skipped("corpus/x.md", raw)
    assert str(problem).startswith("corpus/x.md: front matter is not valid YAML (line 3: mapping values are not"
                                   " allowed")


def test_unterminated_quote_names_both_lines() -> None:
    problem = skipped("q.md", b"---\ntitle: 'open quote\nsource: S\n---\nBody.\n")
    assert "not valid YAML" in problem.message
    assert "line 2" in problem.message


def test_front_matter_that_is_not_a_mapping_is_skipped() -> None:
    problem = skipped("list.md", b"---\n- one\n- two\n---\nBody.\n")
    assert "not a mapping" in problem.message


def test_unclosed_front_matter_is_skipped() -> None:
    problem = skipped("open.md", b"---\ntitle: Never closed\n\nThe body runs on, 9 days.\n")
    assert "never closed" in problem.message


def test_empty_front_matter_and_dots_closing() -> None:
    article, _ = one("e.md", b"---\n---\nBody one.\n")
    assert article.body == "Body one.\n"
    article, _ = one("f.md", b"---\nsource: Dots\n...\nBody two.\n")
    assert (article.source, article.body) == ("Dots", "Body two.\n")


def test_non_utf8_is_skipped_with_the_byte_offset() -> None:
    raw = "---\ntitle: x\n---\nThe café".encode("latin-1")
    problem = skipped("latin.md", raw)
    assert problem.message.startswith("not UTF-8 (invalid byte 0xe9 at offset 24")
    assert raw[24] == 0xE9
    assert "re-save it as UTF-8" in problem.message


def test_binary_file_is_skipped() -> None:
    problem = skipped("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in problem.message


def test_utf16_file_is_named_as_such() -> None:
    problem = skipped("wide.txt", "Hello".encode("utf-16"))
    assert "UTF-16" in problem.message


@pytest.mark.parametrize(
    "raw", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"---\nsource: S\npublished: 2024-01-01\n---\n\n  \n"]
)
def test_empty_files_are_skipped(raw: bytes) -> None:
    problem = skipped("empty.md", raw)
    assert "empty" in problem.message or "no text" in problem.message


def test_problem_messages_are_one_lower_case_line() -> None:
    cases = [
        ("a.md", b"---\na: b: c\n---\nx\n"),
        ("b.md", b"\xff"),
        ("c.md", b"\x00"),
        ("d.md", b""),
        ("e.md", b"---\nx: 1\n"),
        ("f.jsonl", b"{oops\n"),
    ]
    for name, raw in cases:
        _, problems = parse_article(name, raw)
        assert problems, name
        for problem in problems:
            assert "\n" not in problem.message
            assert problem.message[0].islower(), problem.message


# ---------------------------------------------------------------- HTML


def test_html_extraction() -> None:
    article, problems = one("web/page.html", (DATA / "page.html").read_bytes())
    assert problems == []
    assert article.title == "Ferry fares rise & routes shrink"
    assert article.published == dt.date(2024, 11, 5)
    assert article.source == "The Harbour Gazette"
    assert article.url == "https://gazette.example/ferry-fares"
    body = article.body
    assert "fares will rise by 12% from\xa0January, the first increase since 2019." in body
    assert "Passenger numbers fell to 1.3 million last year.\nTwo routes will close." in body
    assert "Route A: €14" in body and "Route B: €9" in body
    for dropped in ("tracker", "42 million", "color", "Home", "News", "7 ways", "©", "Ferry fares rise\n"):
        assert dropped not in body, dropped
    assert "  " not in body


def test_html_fallbacks_h1_time_and_og_url() -> None:
    raw = (
        b"<html><body><h1>Dam  level\n falls</h1>"
        b"<p>Posted <time datetime='2024-08-09'>Friday</time> by <i>staff</i>.</p>"
        b"<meta property='og:url' content='https://x.example/dam'>"
        b"<div>The dam is at 31% of capacity.</div></body></html>"
    )
    article, problems = one("dam.htm", raw)
    assert problems == []
    assert article.title == "Dam level falls"
    assert article.published == dt.date(2024, 8, 9)
    assert article.url == "https://x.example/dam"
    assert article.source == "dam"
    assert article.body == "Dam level falls\n\nPosted Friday by staff.\n\nThe dam is at 31% of capacity.\n"


def test_html_table_cells_stay_apart_and_missing_date_warns() -> None:
    raw = b"<table><tr><td>2023</td><td>150</td></tr><tr><th>2024</th><th>175</th></tr></table>"
    article, problems = one("t.html", raw)
    assert article.body == "2023 150\n\n2024 175\n"
    assert problems == [Problem("t.html", NO_DATE, "warning")]


def test_html_unclosed_title_does_not_swallow_the_page() -> None:
    article, _ = one("u.html", b"<html><head><title>Storm update<body><p>Winds hit 120 km/h.</p>")
    assert article.title == "Storm update"
    assert article.body == "Winds hit 120 km/h.\n"


def test_html_without_text_is_skipped() -> None:
    problem = skipped("blank.html", b"<html><head><script>x = 1</script></head><body><nav>menu</nav></body></html>")
    assert "no text" in problem.message


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_good_and_bad_lines() -> None:
    shown = "in/records.jsonl"
    articles, problems = parse_article(shown, (DATA / "records.jsonl").read_bytes())
    assert [a.id for a in articles] == ["ferry-1", "7", "ferry-6"]
    first = articles[0]
    assert first == Article(
        id="ferry-1",
        path=shown,
        body="The ferry carried 1.3 million passengers in 2023.",
        source="Harbour Gazette",
        title="Ferry numbers",
        published=dt.date(2024, 11, 5),
        url="https://gazette.example/1",
        line=1,  # the record's line in the file; its text is JSON-escaped there, so no column
    )
    assert articles[1].published == dt.date(2024, 11, 6)
    assert articles[1].source == "7"
    assert [a.line for a in articles] == [1, 2, 10] and not any(a.verbatim for a in articles)
    by_line = {p.path: p for p in problems}
    assert set(by_line) == {f"{shown}:{n}" for n in (4, 5, 6, 7, 8, 9, 10)}
    assert by_line[f"{shown}:4"].message.startswith("not valid JSON")
    assert "not a JSON object" in by_line[f"{shown}:5"].message
    assert "has no 'text'" in by_line[f"{shown}:6"].message
    assert by_line[f"{shown}:7"].message == "duplicate id 'ferry-1' (first used on line 1); record skipped"
    assert "empty 'id'" in by_line[f"{shown}:8"].message
    assert "'text' is a number" in by_line[f"{shown}:9"].message
    assert by_line[f"{shown}:10"].level == "warning"
    assert NO_DATE in by_line[f"{shown}:10"].message
    assert all(p.level == "skipped" for n, p in by_line.items() if not n.endswith(":10"))
    assert str(by_line[f"{shown}:4"]).startswith(f"{shown}:4: not valid JSON")


def test_jsonl_crlf_bom_and_bad_bytes_on_one_line() -> None:
    raw = (
        b'\xef\xbb\xbf{"id": "a", "text": "One.", "published": "2024-01-01"}\r\n'
        b'{"id": "b", "text": "caf\xe9"}\r\n'
        b'{"id": "c", "text": "Three.", "published": "2024-01-03"}\r\n'
    )
    articles, problems = parse_article("r.jsonl", raw)
    assert [a.id for a in articles] == ["a", "c"]
    assert len(problems) == 1
    assert problems[0].path == "r.jsonl:2"
    offset = raw.index(b"\xe9")
    assert problems[0].message.startswith(f"not UTF-8 (invalid byte 0xe9 at offset {offset})")


# ---------------------------------------------------------------- files and folders


def test_folder_recursion_order_and_ignored_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    files, problems = iter_input_files(["mixed"])
    assert problems == []
    assert [str(f) for f in files] == [
        os.path.join("mixed", "01_ok.md"),
        os.path.join("mixed", "02_broken.md"),
        os.path.join("mixed", "10_ok.markdown"),
        os.path.join("mixed", "sub", "03_ok.txt"),
    ]


def test_one_bad_file_among_good_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    articles, problems = load_corpus(["mixed/"])
    assert [a.id for a in articles] == ["mixed/01_ok.md", "mixed/10_ok.markdown", "mixed/sub/03_ok.txt"]
    assert [a.path for a in articles] == [a.id for a in articles]
    assert articles[0].source == "Valley Post"
    assert articles[0].body == "The bridge reopened after 14 months of repairs costing $8 million.\n"
    assert [str(p) for p in problems if p.level == "skipped"] == [
        "mixed/02_broken.md: front matter is not valid YAML (line 3: mapping values are not allowed in this context)"
    ]
    assert [p.path for p in problems if p.level == "warning"] == ["mixed/sub/03_ok.txt"]


def test_ids_keep_the_folder_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpus" / "deepseek").mkdir(parents=True)
    (tmp_path / "corpus" / "deepseek" / "01_x.md").write_text("---\npublished: 2025-01-28\n---\nA 5% rise.\n")
    monkeypatch.chdir(tmp_path)
    for given, expected in [
        ("corpus/deepseek", "corpus/deepseek/01_x.md"),
        ("./corpus/deepseek/", "./corpus/deepseek/01_x.md"),
        ("corpus/deepseek/01_x.md", "corpus/deepseek/01_x.md"),
        (Path("corpus"), os.path.join("corpus", "deepseek", "01_x.md")),
    ]:
        articles, problems = load_corpus([given])
        assert problems == []
        assert [a.id for a in articles] == [expected]


def test_a_single_path_string_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\npublished: 2024-01-01\n---\nText.\n")
    articles, problems = load_corpus(str(tmp_path))
    assert [a.id for a in articles] == [str(tmp_path / "a.md")]
    assert problems == []


def test_nonexistent_path_and_unsupported_file(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("---\npublished: 2024-01-01\n---\nFine.\n")
    (tmp_path / "data.csv").write_text("a,b\n")
    missing = str(tmp_path / "nope")
    articles, problems = load_corpus([missing, str(tmp_path / "data.csv"), str(tmp_path / "ok.md")])
    assert [a.id for a in articles] == [str(tmp_path / "ok.md")]
    assert problems[0] == Problem(missing, "no such file or folder")
    assert problems[1].path == str(tmp_path / "data.csv")
    assert "not an article file" in problems[1].message


def test_empty_folder_warns(tmp_path: Path) -> None:
    (tmp_path / "expected.yaml").write_text("x: 1\n")
    articles, problems = load_corpus([str(tmp_path)])
    assert articles == []
    assert [p.level for p in problems] == ["warning"]


def test_the_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2024-01-01\n---\nOnce.\n")
    articles, problems = load_corpus([str(tmp_path), str(path)])
    assert len(articles) == 1 and problems == []


def test_duplicate_ids_across_jsonl_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "First.", "published": "2024-01-01"}\n')
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "Second.", "published": "2024-01-01"}\n')
    articles, problems = load_corpus([str(tmp_path)])
    assert [a.body for a in articles] == ["First."]
    assert len(problems) == 1 and "already read from" in problems[0].message


def test_bad_files_in_a_folder_never_raise(tmp_path: Path) -> None:
    files = {
        "a_good.md": b"---\nsource: Good\npublished: 2024-05-05\n---\nThe port handled 3 million tonnes.\n",
        "b_latin1.md": "Le caf\xe9 co\xfbte 2 \x80.".encode("latin-1"),
        "c_binary.txt": bytes(range(256)),
        "d_empty.md": b"",
        "e_yaml.md": b"---\n: : :\n---\nBody.\n",
        "f_page.html": b"<p>Rain fell for <b>6</b> days.</p>",
        "g_lines.jsonl": b'{"id": "j1", "text": "Ok.", "published": "2024-01-01"}\nnot json\n',
        "h_good.txt": b"Another good one, 8 ships.\n",
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    (tmp_path / "i_dangling.md").symlink_to(tmp_path / "gone.md")
    articles, problems = load_corpus([str(tmp_path)])
    assert [os.path.basename(a.id) for a in articles] == ["a_good.md", "f_page.html", "j1", "h_good.txt"]
    skipped_names = [os.path.basename(p.path) for p in problems if p.level == "skipped"]
    assert skipped_names == [
        "b_latin1.md", "c_binary.txt", "d_empty.md", "e_yaml.md", "g_lines.jsonl:2", "i_dangling.md"
    ]
    assert "broken link" in problems[-1].message


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "locked.md"
    path.write_text("text")
    path.chmod(0)
    try:
        articles, problems = load_corpus([str(path)])
    finally:
        path.chmod(0o644)
    assert articles == []
    assert problems[0].path == str(path) and "cannot be read" in problems[0].message
