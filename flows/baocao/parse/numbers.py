"""Number literals the Vietnamese way, and the shapes they combine into.

Vietnamese reports write '.' between thousands and ',' before decimals (`13.603,4`,
`1.216.000`, `0,79`), keep leading zeros on counts (`05`), and sometimes slip into the
English decimal point (`10.43%`, `4.0`). One separator followed by exactly three digits is a
thousands group (`8.846`); otherwise it is a decimal mark.

A token is found with the same pattern the scorer uses (digits, optionally grouped by '.'
or ','), so that our anchor `col` is the first digit of the literal. Tokens glued inside a
word (`m2`, `CO2`) are skipped, as the scorer does.

Shapes built from tokens:
  range  `8,7-10`, `12 - 14`, `từ 1-1,5%`  -> low token carries value_high, high token is no fact
  pair   `41/40`, `9.481/9.440ha`           -> two facts (actual/target or part/whole)
  date   `21/2/2005`, `02/2020`, `16/12`     -> no facts
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# '(?<!\d)\d+(?:[.,]\d+)*' (the scorer's pattern), written digit-first so that the regex engine
# skips ahead to the digits instead of trying the lookbehind at every character: same matches
NUM = re.compile(r"\d(?<!\d\d)\d*(?:[.,]\d+)*")


@dataclass
class NumToken:
    start: int  # offset of the first digit in the text
    end: int  # offset after the literal (trailing '.'/',' excluded)
    literal: str
    value: float


def parse_value(literal: str) -> float:
    """Parse a Vietnamese number literal: '13.603,4' -> 13603.4, '05' -> 5, '10.43' -> 10.43."""
    s = literal
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        if s.rfind(",") > s.rfind("."):  # 1.234,5 (Vietnamese)
            return float(s.replace(".", "").replace(",", "."))
        return float(s.replace(",", ""))  # 1,234.5 (English)
    if has_dot or has_comma:
        sep = "." if has_dot else ","
        parts = s.split(sep)
        if len(parts) > 2:  # 1.216.000 : thousands groups
            return float("".join(parts))
        if sep == ",":  # a single comma is the decimal mark: 366,674 -> 366.674
            return float(parts[0] + "." + parts[1])
        if len(parts[1]) == 3 and parts[0] != "0":  # 8.846 -> 8846
            return float(parts[0] + parts[1])
        return float(parts[0] + "." + parts[1])  # 10.43% english slip
    return float(s)


def find_numbers(text: str) -> list[NumToken]:
    """Every digit-written number of a line, as the scorer anchors them."""
    out: list[NumToken] = []
    for m in NUM.finditer(text):
        lit = m.group(0).rstrip(".,")
        start = m.start()
        end = start + len(lit)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalpha() and (after.isalpha() or (before == "m" and lit in ("2", "3"))):
            continue
        try:
            value = parse_value(lit)
        except ValueError:
            continue
        out.append(NumToken(start, end, lit, value))
    return out


def is_year(tok: NumToken) -> bool:
    """A bare four-digit year 1945..2100 (no separators)."""
    return tok.literal.isdigit() and len(tok.literal) == 4 and 1945 <= int(tok.literal) <= 2100


RANGE_SEP = re.compile(r"\s*(?:-|–|—|đến|tới)\s*$")
BOUND_WORD_SEP = re.compile(r"\s*(?:đến|tới)\s+(?:trên|hơn|gần|khoảng|dưới)\s*")
PCT_FROM_TO_SEP = re.compile(r"\s*%\s*(?:đến|tới)\s*")
PCT_DASH_SEP = re.compile(r"\s*%\s*[-–]\s*")
SLASH = re.compile(r"^\s*/\s*$")


def between(text: str, a: NumToken, b: NumToken) -> str:
    return text[a.end:b.start]


def is_range_joint(text: str, a: NumToken, b: NumToken) -> bool:
    """`8,7-10`, `12 - 14`, `11 -12%`: a dash (or đến) between two numbers, the first not larger."""
    gap = between(text, a, b)
    if BOUND_WORD_SEP.fullmatch(gap) and re.search(r"\btừ\s*$", text[max(0, a.start - 6):a.start]):
        return a.value < b.value  # 'từ 55 đến trên 65%': the upper end written with its own bound word
    if PCT_FROM_TO_SEP.fullmatch(gap) and re.search(r"\btừ\s*$", text[max(0, a.start - 6):a.start]) \
            and text[b.end:b.end + 2].lstrip().startswith("%"):
        return a.value < b.value  # 'từ 12% đến 15%': each end written with its unit
    if PCT_DASH_SEP.fullmatch(gap) and text[b.end:b.end + 2].lstrip().startswith("%"):
        return a.value < b.value  # '73,1% - 73,6%', 'từ 8% – 9%': each end with its unit, a dash between
    if not RANGE_SEP.match(gap) or len(gap) > 7:
        return False
    if gap.strip() in ("đến", "tới") and not re.search(r"\btừ\s*$", text[max(0, a.start - 6):a.start]):
        return False
    return a.value < b.value


def is_slash_joint(text: str, a: NumToken, b: NumToken) -> bool:
    return bool(SLASH.match(between(text, a, b)))
