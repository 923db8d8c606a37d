"""The pipeline, end to end: corpus -> extract -> attribute -> match -> rules, as one Result."""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING


from factcheck.attribute import attribute_article, period_interval, vocabulary
from factcheck.core.records import Article, Claim, Fact, Finding, Problem
from factcheck.corpus import MAX_ARTICLE_BYTES, data_beside, load_corpus
from factcheck.decisions import OPEN_STATUSES, Decision, apply_decisions, load_decisions
from factcheck.extract import extract_article
from factcheck.lexicon.config import NO_DATA, DataFiles, data_in_force, in_force, validate_data_files
from factcheck.match import dimension, match_claims, matchable, normalized
from factcheck.rules import Pack, Rule, RuleError, apply_rules, load_data, load_pack

if TYPE_CHECKING:
    import pandas as pd

PathLike = str | os.PathLike[str]


@dataclass
class Result:
    """One run's result: what was read, found, matched and flagged. Reporters are views over it."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    claim_records: list[Claim] = field(default_factory=list)
    fact_records: list[Fact] = field(default_factory=list)
    finding_records: list[Finding] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    decisions: dict[str, Decision] = field(default_factory=dict)  # from the decisions file, by fingerprint
    stale: list[Decision] = field(default_factory=list)  # decisions that match no finding of this run
    decisions_path: str = ""  # the decisions file applied ("" when none was)

    @functools.cached_property
    def articles_by_id(self) -> dict[str, Article]:
        """Each article by its id, built once: reporters look one up for every finding."""
        return {a.id: a for a in self.articles}

    def decision(self, finding: Finding) -> Decision | None:
        """The decision behind a finding's status, if it has one."""
        return self.decisions.get(finding.fingerprint) if finding.status != "open" else None

    @property
    def claims(self) -> pd.DataFrame:
        import pandas as pd  # loaded when a table is asked for: the command line never needs it

        return pd.DataFrame([c.to_json() for c in self.claim_records], columns=_CLAIM_COLUMNS)

    @property
    def facts(self) -> pd.DataFrame:
        rows = []
        for f in self.fact_records:
            values = "; ".join(f"{c.source or c.article}: {c.text}" for c in f.claims)
            rows.append({"fact": f.id, "entity": f.entity, "attribute": f.attribute, "period": f.period,
                         "sources": len(f.sources), "claims": len(f.claims), "values": values})
        import pandas as pd

        return pd.DataFrame(rows, columns=["fact", "entity", "attribute", "period", "sources", "claims", "values"])

    @property
    def findings(self) -> pd.DataFrame:
        rows = []
        for f in self.finding_records:
            rows.append({"fingerprint": f.fingerprint, "rule": f.rule, "severity": f.severity, "status": f.status,
                         "fact": f.fact, "message": f.message,
                         "values": " | ".join(f"{c.source or c.article}: {c.text}" for c in f.claims)})
        import pandas as pd

        return pd.DataFrame(rows, columns=["fingerprint", "rule", "severity", "status", "fact", "message", "values"])

    def summary(self) -> dict[str, object]:
        by_sev = Counter(f.severity for f in self.finding_records if f.status in OPEN_STATUSES)
        by_status = Counter(f.status for f in self.finding_records)
        return {
            "articles": len(self.articles),
            "skipped": sum(1 for p in self.problems if p.level == "skipped"),
            "claims": len(self.claim_records),
            "facts": len(self.fact_records),
            "findings": len(self.finding_records),
            "error": by_sev.get("error", 0),
            "warning": by_sev.get("warning", 0),
            "info": by_sev.get("info", 0),
            "by_status": dict(sorted(by_status.items())),
            "decided": sum(n for status, n in by_status.items() if status != "open"),
            "stale": len(self.stale),
            "unresolved_dates": sum(1 for c in self.claim_records if c.kind == "date" and not c.resolved),
            "problems": [str(p) for p in self.problems],
        }


_CLAIM_COLUMNS = list(Claim(article="", source="", published=None, kind="", text="", start=0, end=0, value=None,
                            low=None, high=None).to_json())


def extract_claims(
    articles: Sequence[Article],
    progress: Callable[[int, int], None] | None = None,
    problems: list[Problem] | None = None,
    beside: Mapping[str, DataFiles] | None = None,
    jobs: int = 1,
) -> list[Claim]:
    """Extract and attribute the claims of every article, each with the data files in force and
    those of its folder in `beside` (see `story_data`). A failure on one article (a bug of ours, or
    input we did not foresee) skips that article with a Problem naming it (`file:line` for a .jsonl
    record), and the others are still read. With `jobs` > 1 the articles are read in that many
    processes (`read_in_pool`), with the same claims and problems, in the same order."""
    if jobs > 1 and len(articles) >= MIN_ARTICLES_PER_PROCESS * 2:
        return read_in_pool(articles, jobs, progress, problems, beside)
    claims: list[Claim] = []
    for n, article in enumerate(articles, 1):
        claims.extend(_read_one(article, problems, beside))
        if progress:
            progress(n, len(articles))
    return claims


MIN_ARTICLES_PER_PROCESS = 8  # below twice this a pool costs more to start than it saves
CHUNK = 16  # articles a process reads per task: few enough messages, small enough to share the work


def read_in_pool(articles: Sequence[Article], jobs: int, progress: Callable[[int, int], None] | None,
                 problems: list[Problem] | None, beside: Mapping[str, DataFiles] | None) -> list[Claim]:
    """`extract_claims` over a pool of `jobs` processes, in chunks of articles, results taken in the
    articles' order. The parsing model is loaded before the processes start, so that each shares it
    rather than loading its own. A pool that breaks (a process killed) leaves its unread chunks to
    this process: the run loses no article."""
    import concurrent.futures as cf
    import multiprocessing

    from factcheck.language.parse import parser

    parser()
    jobs = min(jobs, -(-len(articles) // MIN_ARTICLES_PER_PROCESS))
    size = max(1, min(CHUNK, -(-len(articles) // (jobs * 4))))
    chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
    claims: list[Claim] = []
    done = 0
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with cf.ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method)) as pool:
        futures = [pool.submit(_read_chunk, chunk, beside, in_force(), problems is not None) for chunk in chunks]
        for chunk, future in zip(chunks, futures):
            try:
                found, met = future.result()
            except cf.process.BrokenProcessPool:
                found, met = _read_chunk(chunk, beside, in_force(), problems is not None)
            claims.extend(found)
            if problems is not None:
                problems.extend(met)
            done += len(chunk)
            if progress:
                progress(done, len(articles))
    return claims


def _read_chunk(chunk: list[Article], beside: Mapping[str, DataFiles] | None, data: DataFiles,
                keep_going: bool) -> tuple[list[Claim], list[Problem]]:
    """One task of the pool: the claims of a few articles, and the problems met reading them."""
    problems: list[Problem] = []
    with data_in_force(data):
        claims = [c for article in chunk for c in _read_one(article, problems if keep_going else None, beside)]
    return claims, problems


def _read_one(article: Article, problems: list[Problem] | None, beside: Mapping[str, DataFiles] | None) -> list[Claim]:
    """One article's claims, or none with a Problem when reading it fails (raised when `problems` is None)."""
    try:
        story = beside.get(os.path.normpath(os.path.dirname(article.path)), NO_DATA) if beside else NO_DATA
        vocab = vocabulary(extra=story + in_force()) if story.files else None
        found = attribute_article(article, extract_article(article), vocab)
        _check_usable(article, found)
        return found
    except Exception as exc:  # noqa: BLE001 - one article must not stop the run
        if problems is None:
            raise
        where = article.where if article.line or article.id == article.path else f"{article.path} ({article.id})"
        problems.append(Problem(where, f"internal error while reading claims ({type(exc).__name__}: {exc});"
                                " article skipped; please report it", level="skipped"))
        return []


def story_data(paths: Sequence[PathLike]) -> dict[str, DataFiles]:
    """The story data files beside the articles of `paths` (an aliases.yaml in their folders), by
    folder, each set in reading order; all of them checked as the default pack's are, before any
    article is read (RuleError with every problem)."""
    chains = data_beside(paths)
    problems = validate_data_files(extra=DataFiles.of(sorted({p for chain in chains.values() for p in chain})))
    if problems:
        raise RuleError(problems)
    return {folder: DataFiles.of(chain) for folder, chain in chains.items() if chain}


def _check_usable(article: Article, claims: list[Claim]) -> None:
    """Compute, inside the article's own boundary, what the later stages read from each claim (its
    text as UTF-8, its period, its dimension and interval), so that a claim they could not handle
    skips its article here instead of stopping the run for every article."""
    for text in (article.id, article.body, article.source, article.title, article.url):
        text.encode("utf-8")
    for claim in claims:
        period_interval(claim.period)
        if matchable(claim):
            dimension(claim)
            normalized(claim)


def _configuration(rule_paths: list[PathLike], given: list[PathLike], apply: bool
                   ) -> tuple[Pack | None, DataFiles, dict[str, DataFiles]]:
    """The rule pack (when rules apply), the data files given with it, and the story data beside the
    articles, all checked before any article is read: RuleError with every problem of all of them."""
    problems: list[str] = []
    pack, data, beside = None, NO_DATA, {}
    try:
        pack = load_pack(rule_paths) if apply else None
        data = pack.data if pack is not None else load_data(rule_paths)
    except RuleError as exc:
        problems += exc.problems
    try:
        beside = story_data(given)
    except RuleError as exc:
        problems += exc.problems
    if problems:
        raise RuleError(list(dict.fromkeys(problems)))  # the default pack's problems once, though both check it
    return pack, data, beside


def run(
    paths: Sequence[PathLike] | PathLike,
    rules: Sequence[PathLike] | PathLike = (),
    *,
    apply: bool = True,
    progress: Callable[[int, int], None] | None = None,
    decisions: PathLike | None = None,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    jobs: int = 1,
) -> Result:
    """Read, extract, match and (if `apply`) run the rules, then apply the review decisions in the
    file `decisions` (if given). Rule, data and decision files (those among `rules`, and a story's
    aliases.yaml beside its articles) are loaded first, so a bad one stops the run (RuleError,
    DecisionsError) before any article is read. An article over `max_article_bytes` (a file, or a
    .jsonl record) is skipped unread. `jobs` processes read the articles (`extract_claims`)."""
    rule_paths = [rules] if isinstance(rules, (str, os.PathLike)) else list(rules)
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    pack, data, beside = _configuration(rule_paths, given, apply)
    decided = load_decisions(decisions) if apply and decisions is not None else {}
    with data_in_force(data):
        articles, problems = load_corpus(given, max_article_bytes)
        claims = extract_claims(articles, progress, problems, beside, jobs)
        facts = match_claims(claims) if apply else []
        findings = apply_rules(pack.rules, claims, facts) if pack is not None else []
    findings, stale = apply_decisions(findings, decided)
    return Result(articles, problems, claims, facts, findings, list(pack.rules) if pack else [], decided, stale,
                  os.fspath(decisions) if apply and decisions is not None else "")


def check(
    paths: Sequence[PathLike] | PathLike, rules: Sequence[PathLike] | PathLike = (), decisions: PathLike | None = None
) -> Result:
    """The Python API: check articles against the default rule pack plus `rules` (files or folders;
    the data files among them read over the default pack's, as is a story's aliases.yaml beside its
    articles), with the review decisions in the file `decisions` applied (none by default).

    >>> result = check(["corpus/deepseek"])            # doctest: +SKIP
    >>> result.findings[["severity", "rule", "fact"]]   # doctest: +SKIP
    """
    return run(paths, rules, decisions=decisions)
