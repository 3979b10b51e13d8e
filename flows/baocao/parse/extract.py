"""Lines -> facts. (Baseline: every digit-written number that is not a year is a fact.)"""

from __future__ import annotations

import re

from baocao.parse.model import DocumentInfo, Fact, ParsedDocument

NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
YEAR = re.compile(r"^(19|20)\d\d$")


def parse_number(text: str) -> float:
    """Vietnamese notation: '.' groups thousands, ',' marks decimals."""
    return float(text.replace(".", "").replace(",", "."))


def parse_lines(lines: list[str], source_name: str = "") -> ParsedDocument:
    facts: list[Fact] = []
    for line_no, line in enumerate(lines, 1):
        for m in NUMBER.finditer(line):
            literal = m.group(0).rstrip(".,")
            if YEAR.match(literal):
                continue
            facts.append(Fact(line=line_no, col=m.start(), value=parse_number(literal), sentence=line.strip()[:500]))
    return ParsedDocument(source_name=source_name, info=DocumentInfo(), facts=facts, line_count=len(lines))
