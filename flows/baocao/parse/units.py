"""Unit words after a number: `tỷ đồng`, `%`, `6,4%o`, `tấn/ha`, `bác sĩ/vạn dân`, counted nouns.

The vocabulary is data: `catalog/unit_words.csv` (written form -> unit code of units.csv) and
`catalog/counted_nouns.txt` (nouns that make a number a COUNT: `hộ`, `con`, `lượt`, `đảng
viên` …). A scale word before a counted noun carries the scale: `820 ngàn con` -> COUNT_K,
`1,2 triệu lượt` -> COUNT_M. The longest written form wins (`triệu đồng/người/năm` over
`triệu đồng`, `đồng chí` over `đồng`). A word unit must end at a word boundary (`ha` is not
the start of `hai`); `%` may be glued to what follows (`65,9%KH`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CATALOG = Path(__file__).resolve().parent.parent / "catalog"
SCALE_WORDS = {"nghìn": "K", "ngàn": "K", "ngh ìn": "K", "triệu": "M"}
NOT_UNIT_AFTER = {"tỷ": ("lệ", "trọng"), "tỉ": ("lệ", "trọng"), "đồng": ("bào", "chí", "thời", "bộ", "loạt", "ruộng", "lúa")}


@dataclass
class UnitMatch:
    code: str
    text: str  # as written
    end: int  # offset after the unit words
    noun: bool = False  # a counted noun (COUNT family)


@lru_cache(maxsize=1)
def _vocab() -> list[tuple[str, str, bool]]:
    """(written lower-case, code, is_counted_noun), longest first."""
    items: list[tuple[str, str, bool]] = []
    with open(CATALOG / "unit_words.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            items.append((row["text"].strip().lower(), row["unit"].strip(), False))
    with open(CATALOG / "counted_nouns.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                items.append((line.lower(), "COUNT", True))
    items.sort(key=lambda t: -len(t[0]))
    return items


def _boundary_ok(text: str, end: int, written: str) -> bool:
    if not written[-1].isalpha():
        return True
    return end >= len(text) or not (text[end].isalpha() or text[end].isdigit())


@lru_cache(maxsize=1)
def _vocab_by_prefix() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """The vocabulary grouped by its first two characters (by the one character of a
    one-character unit), longest first within a group."""
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    for item in _vocab():
        groups.setdefault(item[0][:2], []).append(item)
    return {c: tuple(items) for c, items in groups.items()}


def _candidates(low: str) -> tuple[tuple[str, str, bool], ...]:
    """The written forms that may start `low`, longest first: those sharing its first two
    characters, then the one-character ones."""
    groups = _vocab_by_prefix()
    if len(low) < 2:
        return groups.get(low, ())
    return groups.get(low[:2], ()) + groups.get(low[:1], ())


NEXT_WORD = re.compile(r"\s*(\w+)")


def _match_word(text: str, pos: int) -> tuple[str, str, bool, int] | None:
    low = text[pos:pos + 40].lower()
    got = _match_low(text, pos, low)
    if "/" in low and SPACED_SLASH.search(low):
        # a per-unit written with spaces at its slash: 'tạ/ ha', 'người / năm'
        ends: list[int] = []  # the original offset after each character of the closed-up text
        k = 0
        for m in SPACED_SLASH.finditer(low):
            ends.extend(range(k + 1, m.start() + 1))
            ends.append(m.end())
            k = m.end()
        ends.extend(range(k + 1, len(low) + 1))
        closed = SPACED_SLASH.sub("/", low)
        spaced = _match_low(text, pos, closed, ends)
        if spaced is not None and "/" in spaced[0] and (got is None or spaced[3] > got[3]):
            got = spaced
    return got


SPACED_SLASH = re.compile(r"(?<=[^\W\d]|[%‰])(?:\s+/\s*|/\s+)(?=[^\W\d])")


def _match_low(text: str, pos: int, low: str, ends: list[int] | None = None) -> tuple[str, str, bool, int] | None:
    for written, code, noun in _candidates(low):
        end = pos + (ends[len(written) - 1] if ends else len(written))
        if low.startswith(written) and _boundary_ok(text, end, written):
            nxt = NEXT_WORD.match(text[end:end + 12])
            if written in NOT_UNIT_AFTER and nxt and nxt.group(1).lower() in NOT_UNIT_AFTER[written]:
                continue
            return written, code, noun, end
    return None


SCALE_WORD = re.compile(r"(nghìn|ngàn|triệu)(?:\s+|(?=[/,.;)]|$))", re.I)


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at `pos` (just after a number), if any."""
    head = text[pos:pos + 8]
    p = pos + len(head) - len(head.lstrip(" \t\u00a0"))
    if p > pos + 3:
        return None
    # scale word + counted noun: 820 ngàn con, 1,2 triệu lượt
    sm = SCALE_WORD.match(text[p:p + 12]) if text[p:p + 1] in "nNtT" else None
    if sm:
        got = _match_word(text, p)
        if got and not got[2] and got[1] not in ("COUNT",):
            written, code, _, end = got
            return UnitMatch(code, text[p:end], end)
        q = p + sm.end()
        noun = _match_word(text, q)
        scale = SCALE_WORDS[sm.group(1).lower()]
        if noun and noun[2]:
            return UnitMatch("COUNT_" + scale, text[p:noun[3]], noun[3], noun=True)
        if scale == "M":  # a bare 'triệu' in a report is money ('hỗ trợ 5 triệu/hộ')
            return UnitMatch("VND_M", text[p:p + len(sm.group(1))], p + len(sm.group(1)))
        return UnitMatch("COUNT_" + scale, text[p:p + len(sm.group(1))], p + len(sm.group(1)), noun=True)
    got = _match_word(text, p)
    if not got:
        return None
    written, code, noun, end = got
    return UnitMatch(code, text[p:end], end, noun=noun)


def unit_class(code: str | None) -> str:
    """Coarse class used to check an indicator against a unit."""
    if not code:
        return ""
    if code in ("PCT", "PERMILLE", "PCT_PER_YEAR"):
        return "percent"
    if code.startswith("VND_M_PER") :
        return "money_per_person"
    if code.startswith(("VND", "USD")):
        return "money"
    if code.startswith("COUNT"):
        return "count"
    if code in ("HA", "HA_K", "M2", "KM2"):
        return "area"
    if code in ("TON", "TON_K", "TON_M", "QUINTAL", "KG", "GRAM"):
        return "mass"
    if code in ("TON_PER_HA", "QUINTAL_PER_HA"):
        return "yield"
    if code == "PER_10K_POP":
        return "per_10k_pop"
    if code in ("M", "KM"):
        return "length"
    if code == "M3":
        return "volume"
    if code == "AGE_YEARS":
        return "age"
    return code.lower()
