"""The HTML report in a real browser: headless Chromium opens the page, sorts a column, filters by
severity, status, rule and source, and shows both passages side by side with the claims marked.

Needs Debian's `chromium` and `chromium-driver` and the selenium package. Without them the tests are
skipped with the reason, except where FACTCHECK_REQUIRE_BROWSER=1 (CI sets it): there they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.decisions import FILE_NAME, Decision, now, record
from factcheck.pipeline import run
from factcheck.report import write_reports

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
DRIVER = shutil.which("chromedriver")

ARTICLES = {
    "ledger.md": ("Harbour Ledger", "2025-03-05", "https://harbourledger.example/acme-listing",
                  ("Acme Corp raised $40 million in its listing on March 3, 2025, the company said.\n\n"
                   "Its shares closed 12% higher on the first day of trading.\n")),
    "herald.md": ("Northgate Herald", "2025-03-06", "https://northgate.example/acme-debut",
                  ("Acme Corp raised $90 million in its listing on March 3, 2025.\n\n"
                   "The shares closed 21% higher on the first day of trading, on Sunday, March 3, 2025.\n")),
    "kestrel.md": ("Kestrel Financial", "2025-03-07", "https://kestrel.example/acme-yuan",
                   "Acme Corp plans to spend 100 billion yuan ($50 billion) on new factories over five years.\n"),
}


def _require_browser() -> None:
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    if not CHROMIUM:
        missing.append("Chromium (apt-get install chromium)")
    if not DRIVER:
        missing.append("chromedriver (apt-get install chromium-driver)")
    if missing:
        reason = "no real browser to test the HTML report in: missing " + ", ".join(missing)
        if os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (FACTCHECK_REQUIRE_BROWSER=1)")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """report.html for three articles (two figure conflicts, a conversion, a wrong weekday, a
    corroborated date), with one figure conflict dismissed in review."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, (source, published, url, body) in ARTICLES.items():
        (folder / name).write_text(f"---\nsource: {source}\ntitle: Acme\npublished: {published}\nurl: {url}\n---\n"
                                   + body, encoding="utf-8")
    share = next(f for f in run([folder]).finding_records if "share price" in f.fact)
    record(folder / FILE_NAME, Decision(share.fingerprint, "dismissed", "one counts the A shares only",
                                        "tester", now(), share.rule, share.fact))
    result = run([folder], decisions=folder / FILE_NAME)
    assert [f.status for f in result.finding_records].count("dismissed") == 1
    out = tmp_path_factory.mktemp("reports")
    write_reports(result, out)
    return out / "report.html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1400", "--no-first-run"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER or ""), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def shown(browser: Any, page: Path) -> Any:
    """The page freshly opened; calling the fixture's value lists the visible rows."""
    browser.get(page.as_uri())

    def rows() -> list[tuple[str, str, str, str]]:
        # one round trip: the rows the browser lays out (a hidden tbody has no boxes), in page order
        return [tuple(r) for r in browser.execute_script("""
            return Array.from(document.querySelectorAll('tbody.finding'))
              .filter(b => b.getClientRects().length > 0)
              .map(b => [b.dataset.severity, b.querySelector('td.rule').innerText,
                         b.querySelector('td.fact').innerText, b.dataset.status]);""")]

    return rows


def _click(browser: Any, css: str) -> None:
    from selenium.webdriver.common.by import By

    browser.find_element(By.CSS_SELECTOR, css).click()


def test_opens_with_the_open_conflicts(browser: Any, shown: Any) -> None:
    from selenium.webdriver.common.by import By

    rows = shown()
    assert sorted((sev, rule) for sev, rule, _, _ in rows) == [
        ("error", "figure-conflict"), ("warning", "conversion"), ("warning", "weekday")]
    assert all(status == "open" for *_, status in rows)
    assert [sev for sev, *_ in rows] == ["error", "warning", "warning"]  # most severe first
    assert browser.find_element(By.ID, "shown").text == "Showing 3 of 5 findings"


def test_clicking_a_header_sorts_by_that_column(browser: Any, shown: Any) -> None:
    from selenium.webdriver.common.by import By

    _click(browser, "th[data-key=rule] button")
    assert [rule for _, rule, _, _ in shown()] == ["conversion", "figure-conflict", "weekday"]
    header = browser.find_element(By.CSS_SELECTOR, "th[data-key=rule]")
    assert header.get_attribute("aria-sort") == "ascending"
    _click(browser, "th[data-key=rule] button")
    assert [rule for _, rule, _, _ in shown()] == ["weekday", "figure-conflict", "conversion"]
    assert header.get_attribute("aria-sort") == "descending"
    _click(browser, "th[data-key=sev] button")  # severity sorts by rank, not by name
    assert [sev for sev, *_ in shown()] == ["warning", "warning", "error"]


def test_filters_by_severity_status_rule_and_source(browser: Any, shown: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _click(browser, "input[name=severity][value=error]")
    assert {sev for sev, *_ in shown()} == {"warning"}
    assert browser.find_element(By.ID, "shown").text == "Showing 2 of 5 findings"
    _click(browser, "input[name=severity][value=info]")
    assert sorted(rule for _, rule, _, _ in shown()) == ["conversion", "corroborated", "weekday"]
    _click(browser, "input[name=severity][value=error]")
    _click(browser, "input[name=status][value=dismissed]")
    dismissed = [r for r in shown() if r[3] == "dismissed"]
    assert len(dismissed) == 1 and "share price" in dismissed[0][2]
    Select(browser.find_element(By.NAME, "rule")).select_by_visible_text("figure-conflict")
    assert len(shown()) == 2
    Select(browser.find_element(By.NAME, "rule")).select_by_index(0)
    Select(browser.find_element(By.NAME, "source")).select_by_visible_text("Kestrel Financial")
    assert [rule for _, rule, _, _ in shown()] == ["conversion"]
    _click(browser, "input[name=severity][value=warning]")
    assert shown() == []
    assert browser.find_element(By.ID, "empty").is_displayed()


def test_both_passages_side_by_side_with_the_claims_marked(browser: Any, shown: Any) -> None:
    from selenium.webdriver.common.by import By

    shown()
    body = next(b for b in browser.find_elements(By.CSS_SELECTOR, "tbody.finding")
                if "IPO proceeds" in b.find_element(By.CSS_SELECTOR, "td.fact").text)
    left, right = body.find_elements(By.CSS_SELECTOR, ".passage")
    assert {left.find_element(By.TAG_NAME, "mark").text, right.find_element(By.TAG_NAME, "mark").text} == {
        "$40 million", "$90 million"}
    assert "raised" in left.find_element(By.TAG_NAME, "blockquote").text
    assert abs(left.rect["y"] - right.rect["y"]) < 2 and right.rect["x"] >= left.rect["x"] + left.rect["width"]
    links = {a.get_attribute("href") for a in body.find_elements(By.CSS_SELECTOR, ".passage a")}
    assert links == {"https://harbourledger.example/acme-listing", "https://northgate.example/acme-debut"}
    message = body.find_element(By.CSS_SELECTOR, ".message").text
    assert "Harbour Ledger" in message and "Northgate Herald" in message
    _click(browser, "input[name=status][value=dismissed]")
    decided = browser.find_element(By.CSS_SELECTOR, "tbody.dismissed .decision").text
    assert "dismissed by tester" in decided and "one counts the A shares only" in decided


def test_the_page_loads_nothing_and_runs_without_errors(browser: Any, shown: Any) -> None:
    shown()
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert browser.execute_script("return document.querySelectorAll('script[src], link[href], img[src]').length") == 0
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """report.html for articles whose source, title, URL and text carry script tags, event attributes,
    javascript: and data: URLs, and a terminal's escape sequences (conftest.HOSTILE)."""
    from conftest import write_hostile_corpus

    folder = write_hostile_corpus(tmp_path_factory.mktemp("hostile"))
    result = run([folder])
    assert len(result.articles) == 4 and len(result.finding_records) >= 4
    out = tmp_path_factory.mktemp("hostile-reports")
    write_reports(result, out, show_info=True)
    return out / "report.html"


def test_a_hostile_article_runs_nothing_in_the_page(browser: Any, hostile_page: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    browser.get_log("browser")  # start from an empty console
    browser.get(hostile_page.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it raises when no alert is open
    assert browser.title == "factcheck report"
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.querySelectorAll('img, svg, iframe, object, embed, b, i').length") == 0
    hrefs = browser.execute_script("return Array.from(document.links).map(a => a.href)")
    assert set(hrefs) == {"https://desk.example/acme?a=1&b=%3C2%3E"}  # the one web link (each finding's passage links it); the others are text
    page_text = browser.find_element(By.TAG_NAME, "body").text
    assert "<script>document.title='pwned'</script>Evil" in page_text  # shown as the article wrote it
    assert "JaVaScRiPt:alert(document.domain)" in page_text
    assert "window.pwned=3" in page_text  # the body's script is text in the passage
    rows = browser.execute_script("return document.querySelectorAll('tbody.finding').length")
    assert rows >= 4
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []  # no script ran, and none was refused by the page's policy either
