"""Sentences and clauses of a paragraph, as offset spans.

A sentence ends at '.', '!' or '?' followed by a space and a new word (not inside a number:
`8.846` keeps its dot), or at '…'. A clause is a sentence part between ';' (and ':' which
introduces a list). A segment is a clause part between commas and brackets: the unit most
Vietnamese report phrases need (`tổng đàn gia súc 97.160 con, đạt 104,75% kế hoạch (tăng
0,7% so cùng kỳ)`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from baocao.parse.vocab import UPPER

# The marks below open with the mark itself and look back after it ('(?<!\d),' written
# ',(?<!\d,)'): the same matches, but the regex engine can skip ahead to the mark's
# characters instead of trying every position (SENT_END ~6x faster).
# SENT_END: '(?<!\d)[.!?…]+(?=\s+[^\s\d,;.)]|\s*$)' or '(?<=\d)\.(?=\s+[UPPER\-])'
# ('TP. Đà Lạt', 'Tp. Huế', 'TX. Buôn Hồ': the point of a town's abbreviation ends no sentence)
SENT_END = re.compile(r"[.!?…](?<!(?<![\wÀ-ỹ])TP\.)(?<!(?<![\wÀ-ỹ])Tp\.)(?<!(?<![\wÀ-ỹ])TX\.)(?<!(?<![\wÀ-ỹ])Tx\.)(?:(?<!\d[.!?…])[.!?…]*(?=\s+[^\s\d,;.)]|\s*$)|(?<=\d\.)(?=\s+[" + UPPER + r"\-]))")
CLAUSE_END = re.compile(r";|:(?!\d)")
SEG_END = re.compile(r",(?<!\d,)|,(?!\d)|[()\[\]]|\s-\s(?=[A-ZĐ])|\s–\s")


@lru_cache(maxsize=4096)
def _marks(text: str, pat: re.Pattern) -> tuple[list[int], list[int]]:
    """Starts and ends of the (non-empty, non-overlapping, ordered) marks of pat in text."""
    found = [m.span() for m in pat.finditer(text)]
    return [ms for ms, _ in found], [me for _, me in found]


def _bounds(text: str, pos: int, pat: re.Pattern) -> tuple[int, int]:
    """From the end of the last mark ending at or before pos to the start of the first mark
    starting at or after it (a mark around pos is neither)."""
    starts, ends = _marks(text, pat)
    k = bisect_right(ends, pos)
    j = bisect_left(starts, pos)
    return (ends[k - 1] if k else 0), (starts[j] if j < len(starts) else len(text))


def search_before(pattern: re.Pattern, text: str, end: int, words: int) -> re.Match | None:
    """`pattern.search(text[:end])` for a pattern anchored at the end (`…\\s*$`) whose match
    spans at most `words` whitespace-separated words: only the text from the word before those
    is searched, instead of the whole paragraph once per number. The result is the same: a
    match cannot start further back, and lookbehinds and `^` still see the text before."""
    reach = 6 * (words + 1)  # characters: a few words of Vietnamese
    start = max(0, end - reach)
    while start > 0 and len(text[start:end].split()) <= words:  # not yet the word before them
        reach *= 2
        start = max(0, end - reach)
    return pattern.search(text, start, end)


# The spans below are asked many times for the same number (by each rule that needs its
# sentence or clause): they are kept per (paragraph, offset).
@lru_cache(maxsize=8192)
def sentence_span(text: str, pos: int) -> tuple[int, int]:
    return _bounds(text, pos, SENT_END)


SEMI_END = re.compile(r";")


@lru_cache(maxsize=4096)
def period_clause_start(text: str, pos: int) -> int:
    """Start of the ';'-clause around pos: a colon does not end the time named before it
    ('… do lốc xoáy năm 2017: 1,25 tỷ đồng')."""
    s0, s1 = sentence_span(text, pos)
    return s0 + _bounds(text[s0:s1], pos - s0, SEMI_END)[0]


@lru_cache(maxsize=8192)
def clause_span(text: str, pos: int) -> tuple[int, int]:
    s0, s1 = sentence_span(text, pos)
    c0, c1 = _bounds(text[s0:s1], pos - s0, CLAUSE_END)
    return s0 + c0, s0 + c1


@lru_cache(maxsize=4096)
def segment_span(text: str, pos: int) -> tuple[int, int]:
    c0, c1 = clause_span(text, pos)
    g0, g1 = _bounds(text[c0:c1], pos - c0, SEG_END)
    return c0 + g0, c0 + g1


def paren_span(text: str, pos: int) -> tuple[int, int] | None:
    """The innermost (...) around pos, if any: the nearest '(' before pos not closed before it."""
    depth = 0
    i = pos
    while True:
        opening, closing = text.rfind("(", 0, i), text.rfind(")", 0, i)
        if opening < 0:
            return None
        if closing > opening:
            depth += 1
            i = closing
        elif depth == 0:
            break
        else:
            depth -= 1
            i = opening
    j = text.find(")", pos)
    if j < 0:
        j = len(text)
    return opening, j


DIGIT = re.compile(r"\d")
BRACKETED = re.compile(r"\([^()]*\)")
PARTS_FOLLOW = re.compile(r"trong đó\s*$", re.I)


@lru_cache(maxsize=1024)
def topic_of(text: str, pos: int) -> str:
    """The bullet's topic written before a colon (`- Chăn nuôi: …` -> 'Chăn nuôi')."""
    s0, _ = sentence_span(text, pos)
    head = text[:pos]
    k = head.rfind(":")
    if k >= 0:
        start = max(head.rfind(".", 0, k), head.rfind(";", 0, k), 0)
        topic = head[start:k].strip(" -.;*")
        # 'tốc độ tăng trưởng … 13,5%, trong đó:' introduces parts, not a topic
        if DIGIT.search(BRACKETED.sub("", topic)) or PARTS_FOLLOW.search(topic):
            return ""
        return topic
    return ""
