"""Cue-word lists loaded from catalog/*.csv once (lru_cache) and compiled to regexes.

Linguists edit the CSV files, not the code: `cue_words.csv` (target/attainment/change/
qualifier cues), `label_words.csv` (words after which a number is a label, not a quantity).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

CATALOG = Path(__file__).resolve().parent.parent / "catalog"


def _read(name: str) -> list[dict]:
    with open(CATALOG / name, encoding="utf-8") as fh:
        return [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]


@lru_cache(maxsize=1)
def cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in _read("cue_words.csv"):
        out[r["kind"].strip()].append(r["phrase"].strip())
    for k in out:
        out[k] = sorted(set(out[k]), key=lambda s: -len(s))
    return dict(out)


def alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


@cache
def cue_re(kind: str, anchor: str = "end") -> re.Pattern:
    """A regex for the cue words of `kind`, anchored at the end ('end') or start ('start') of a text."""
    alt = alternation(cues().get(kind, ["\u0000"]))
    if anchor == "end":
        return re.compile(r"(?<![\wÀ-ỹ])" + alt + r"\s*$", re.I)
    if anchor == "start":
        return re.compile(r"^\s*" + alt + r"(?![\wÀ-ỹ])", re.I)
    return re.compile(r"(?<![\wÀ-ỹ])" + alt + r"(?![\wÀ-ỹ])", re.I)


@cache
def cue_words_re(kind: str) -> re.Pattern:
    """The cue words of `kind` anywhere, inside words too: what every cue_re(kind) match holds."""
    return re.compile(alternation(cues().get(kind, ["\u0000"])), re.I)


@lru_cache(maxsize=2)
def label_re(kind: str = "other") -> re.Pattern:
    """Words right before a number that make it a label (`mức độ 3`, `đợt 4`, `Covid-19`).
    kind 'other': only a number without a unit; kind 'always': whatever follows (`sinh đủ 2 con`)."""
    words = sorted(set(_label_words(kind)), key=lambda s: -len(s))
    alt = "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"
    return re.compile(r"(?<![\wÀ-ỹ])" + alt + r"\s*-?\s*$")


@cache
def _label_words(kind: str) -> tuple[str, ...]:
    return tuple(r["phrase"].strip() for r in _read("label_words.csv") if r.get("kind", "").strip() == kind)


@cache
def label_reach(kind: str = "other") -> int:
    """How many words a match of label_re(kind) spans at most: the longest label and a dash."""
    return max((len(w.split()) for w in _label_words(kind)), default=0) + 1


# Upper-case letters of Vietnamese as a regex class body: 'À-Ỹ' would also take lower-case
# letters (the Latin Extended blocks interleave cases), so the class is spelled out.
UPPER = "A-Z" + "".join(sorted({c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha()}))


# Prefilters. A phrase matches only where each of its words is written, so a text holding
# none of the phrases' longest words (lower-cased) matches none of them: the rules look for
# these words (a plain search, several times faster than the case-folding one) before
# trying their own regex.
def keys_re(phrases) -> re.Pattern:
    """A regex finding, in lower-cased text, the longest word of any of the phrases."""
    words = {max(p.lower().split(), key=len) for p in phrases if p.strip()}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "\u0000")


@cache
def cue_keys(kind: str) -> re.Pattern:
    return keys_re(cues().get(kind, ["\u0000"]))


@cache
def label_keys(kind: str = "other") -> re.Pattern:
    return keys_re(_label_words(kind))


@lru_cache(maxsize=64)
def lowered(text: str) -> str | None:
    """text.lower() when it keeps every offset (one character for one), else None (then no
    prefilter applies)."""
    low = text.lower()
    return low if len(low) == len(text) else None


def tail_start(text: str, end: int) -> int:
    """An offset at or before the start of every `search_before` window of at most 4 words
    ending at end: 128 characters back when the last 64 already hold more than 4 words (the
    window doubles from at most 30 characters and stops within 128), else the text's start."""
    lo = end - 128
    if lo <= 0:
        return 0
    return lo if len(text[end - 64:end].split()) > 4 else 0


def may_hold(keys: re.Pattern, low: str | None, lo: int, hi: int) -> bool:
    """Whether low[lo:hi] holds one of the key words (always, without a lower-cased text)."""
    return low is None or keys.search(low, lo, hi) is not None
