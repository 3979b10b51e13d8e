"""The Parquet lake: one immutable file set per document version, written with polars.

Layout (Hive-style, so DuckDB and BI tools can prune by document and version):
  <lake>/documents/document_id=<id>/version=<n>/part-0.parquet   one row: the version
  <lake>/facts/document_id=<id>/version=<n>/part-0.parquet       its facts

Files are written to a temporary name and renamed, so a reader never sees half a file.
The schemas below are the contract with warehouse.py and dbt's sources.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import polars as pl

from baocao.parse.model import ParsedDocument

DOCUMENT_SCHEMA = pl.Schema(
    {
        "document_id": pl.String,
        "version": pl.Int32,
        "source_name": pl.String,
        "content_sha256": pl.String,
        "size_bytes": pl.Int64,
        "received_at": pl.Datetime("us", "UTC"),
        "parsed_at": pl.Datetime("us", "UTC"),
        "parser_version": pl.String,
        "title": pl.String,
        "kind": pl.String,
        "issuer": pl.String,
        "locality": pl.String,
        "locality_level": pl.String,
        "locality_code": pl.String,
        "doc_date": pl.String,
        "period": pl.String,
        "line_count": pl.Int32,
        "fact_count": pl.Int32,
    }
)

FACT_SCHEMA = pl.Schema(
    {
        "document_id": pl.String,
        "version": pl.Int32,
        "fact_seq": pl.Int32,
        "line": pl.Int32,
        "col": pl.Int32,
        "value": pl.Float64,
        "value_high": pl.Float64,
        "unit": pl.String,
        "unit_text": pl.String,
        "measure": pl.String,
        "compared_to": pl.String,
        "qualifier": pl.String,
        "period": pl.String,
        "locality": pl.String,
        "locality_level": pl.String,
        "indicator": pl.String,
        "indicator_code": pl.String,
        "catalogue_code": pl.String,
        "sentence": pl.String,
        "section": pl.String,
        "table_name": pl.String,
        "table_row": pl.Int32,
        "table_column": pl.Int32,
        "ocr": pl.Boolean,
        "ocr_confidence": pl.Float64,
    }
)


@dataclass(frozen=True)
class VersionFiles:
    documents: Path
    facts: Path

    def exist(self) -> bool:
        return self.documents.exists() and self.facts.exists()


def version_files(lake: Path, document_id: str, version: int) -> VersionFiles:
    part = Path(f"document_id={document_id}") / f"version={version}" / "part-0.parquet"
    return VersionFiles(documents=lake / "documents" / part, facts=lake / "facts" / part)


def document_frame(
    parsed: ParsedDocument,
    *,
    document_id: str,
    version: int,
    content_sha256: str,
    size_bytes: int,
    received_at: datetime,
    parsed_at: datetime,
    parser_version: str,
) -> pl.DataFrame:
    info = parsed.info
    row = {
        "document_id": document_id,
        "version": version,
        "source_name": parsed.source_name,
        "content_sha256": content_sha256,
        "size_bytes": size_bytes,
        "received_at": received_at,
        "parsed_at": parsed_at,
        "parser_version": parser_version,
        "title": info.title,
        "kind": info.kind,
        "issuer": info.issuer,
        "locality": info.locality,
        "locality_level": info.locality_level,
        "locality_code": info.locality_code,
        "doc_date": info.date,
        "period": info.period,
        "line_count": parsed.line_count,
        "fact_count": len(parsed.facts),
    }
    return pl.DataFrame([row], schema=DOCUMENT_SCHEMA)


def fact_frame(parsed: ParsedDocument, *, document_id: str, version: int) -> pl.DataFrame:
    rows = [
        {"document_id": document_id, "version": version, "fact_seq": seq, **fact.to_dict()}
        for seq, fact in enumerate(parsed.facts, 1)
    ]
    return pl.DataFrame(rows, schema=FACT_SCHEMA)


def _write_atomic(frame: pl.DataFrame, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    frame.write_parquet(tmp, compression="zstd", statistics=True)
    os.replace(tmp, target)


def write_version(lake: Path, documents: pl.DataFrame, facts: pl.DataFrame) -> VersionFiles:
    """Write one document version's file set; rewriting the same version replaces it."""
    document_id = documents["document_id"][0]
    version = int(documents["version"][0])
    files = version_files(lake, document_id, version)
    _write_atomic(facts, files.facts)
    _write_atomic(documents, files.documents)  # last: its presence marks a complete set
    return files


def remove_version(lake: Path, document_id: str, version: int) -> None:
    """Undo a version's file set (used when its load is rolled back)."""
    files = version_files(lake, document_id, version)
    for path in (files.documents, files.facts):
        if path.parent.exists():
            shutil.rmtree(path.parent, ignore_errors=True)
