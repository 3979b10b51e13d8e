"""The fact contract (../shared/spec/FACTS.md) as plain dataclasses.

`Fact` fields are exactly the JSONL contract of `baocao extract`; `sentence` and `section`
are provenance. `ParsedDocument` is what the parser hands to the lake writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

MEASURES = ("actual", "target", "attainment_pct", "change_pct", "change_abs", "change_times")
QUALIFIERS = ("exact", "approx", "estimate", "at_least", "more_than", "at_most", "less_than", "range")
LOCALITY_LEVELS = ("province", "district", "commune")


@dataclass
class Fact:
    line: int  # 1-based line of the original file (for docx/pdf: of the extracted text)
    col: int  # 0-based offset of the number's first digit in the NFC line
    value: float
    value_high: float | None = None
    unit: str | None = None  # code from catalog/units.csv
    unit_text: str | None = None
    measure: str = "actual"
    compared_to: str | None = None
    qualifier: str = "exact"
    period: str | None = None
    locality: str | None = None
    locality_level: str | None = None
    indicator: str | None = None
    indicator_code: str | None = None  # a code of the contract's catalogue (../shared/spec/indicators.csv)
    catalogue_code: str | None = None  # the product catalogue's code, finer (source 'official' codes too)
    sentence: str | None = None
    section: str | None = None
    table_name: str | None = None  # a table fact: the Word table ('Bảng 2') or the sheet it stands in
    table_row: int | None = None  # 1-based row of the table/sheet grid
    table_column: int | None = None  # 1-based column of the grid
    ocr: bool = False  # read by OCR from a page image
    ocr_confidence: float | None = None  # the engine's confidence in the line (0-1)

    def to_dict(self) -> dict:
        # every field is a scalar: a shallow dict (dataclasses.asdict deep-copies each value,
        # a fifth of the bulk writer's time)
        return {name: getattr(self, name) for name in _FACT_FIELDS}


@dataclass
class DocumentInfo:
    """What the document says about itself: kind, issuer, place, date, period."""

    title: str | None = None
    kind: str | None = None  # bao_cao_chinh_tri, bao_cao_ket_qua, chuong_trinh, ke_hoach, ...
    issuer: str | None = None
    locality: str | None = None
    locality_level: str | None = None
    locality_code: str | None = None
    date: str | None = None  # ISO date of issue when stated
    period: str | None = None


@dataclass
class ParsedDocument:
    source_name: str
    info: DocumentInfo
    facts: list[Fact] = field(default_factory=list)
    line_count: int = 0
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the file was read: converted, OCR'd pages


_FACT_FIELDS = tuple(f.name for f in fields(Fact))
