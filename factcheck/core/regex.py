"""Regular expressions built from word lists: one alternation for many literal words."""

from __future__ import annotations

import re


def trie(words: list[str]) -> str:
    """One regex alternation for many literal words, factored by prefix so it fails fast."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


def alternation(words: list[str]) -> str:
    """The words as a regex alternation, longest first (so a longer form wins over its prefix)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
