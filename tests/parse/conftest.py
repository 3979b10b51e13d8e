"""Helpers: run the parser on a few invented report lines and pick facts by their literal."""

from __future__ import annotations

import pytest

from baocao.parse.extract import parse_lines
from baocao.parse.model import Fact
from baocao.parse.numbers import find_numbers

HEADER = [
    "BÁO CÁO",
    "kết quả thực hiện nhiệm vụ năm 2023 của Ban Chấp hành Đảng bộ huyện Tiểu Cần",
    "-----",
    "",
]


def run(body: list[str], header: list[str] | None = None) -> list[Fact]:
    lines = (HEADER if header is None else header) + body
    return parse_lines(lines).facts


def fact_at(
    facts: list[Fact], lines: list[str], literal: str, occ: int = 0, header: list[str] | None = None
) -> Fact | None:
    """The fact anchored at the occ-th occurrence of `literal` in the body lines (None if no fact)."""
    full = (HEADER if header is None else header) + lines
    seen = 0
    for ln, text in enumerate(full, 1):
        for tok in find_numbers(text):
            if tok.literal != literal:
                continue
            if seen == occ:
                for f in facts:
                    if f.line == ln and f.col == tok.start:
                        return f
                return None
            seen += 1
    raise AssertionError(f"{literal!r} not in the text")


@pytest.fixture
def extract():
    """extract(lines) -> callable get(literal, occ=0) returning the Fact (or None)."""

    def _extract(body: list[str], header: list[str] | None = None):
        facts = run(body, header)

        def get(literal: str, occ: int = 0) -> Fact | None:
            return fact_at(facts, body, literal, occ, header)

        get.facts = facts  # type: ignore[attr-defined]
        return get

    return _extract
