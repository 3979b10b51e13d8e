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
