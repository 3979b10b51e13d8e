"""All paths and knobs in one place, each overridable by an environment variable.

Defaults put everything under the project folder (the git checkout when installed in
editable mode, otherwise the current directory), so `make demo` needs no configuration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CATALOG_DIR = PACKAGE_DIR / "catalog"


def _default_home() -> Path:
    checkout = PACKAGE_DIR.parents[1]
    if (checkout / "dbt_project" / "dbt_project.yml").exists():
        return checkout
    return Path.cwd()


def _path(env: str, default: Path) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    home: Path
    inbox: Path
    lake: Path
    processed: Path
    quarantine: Path
    warehouse: Path
    dbt_project: Path
    samples: Path
    # BI tools on DuckDB < 2.0 cannot open storage v69: write a format they read.
    storage_compatibility: str = "v1.4.0"
    dbt_threads: int = 2
    max_bytes: int = 50 * 1024 * 1024  # larger drops are quarantined, not parsed
    settle_seconds: float = 2.0  # a sweep leaves files modified more recently for later
    # each file is parsed in a child process: deadline = base + per MB, memory cap (isolation.py)
    parse_timeout_seconds: float = 120.0
    parse_seconds_per_mb: float = 30.0
    parse_memory_mb: int = 2048
    parse_workers: int = 2
    # a PDF may need OCR: its deadline also allows this much per (estimated) page
    ocr_seconds_per_page: float = 20.0
    # bulk backfill (bulk.py): Dask workers of a local cluster, or an existing cluster's address
    bulk_workers: int = 2
    dask_address: str | None = None
    bulk_chunk_files: int = 32  # files per Dask task (one Prefect task run each)

    @property
    def warehouse_dir(self) -> Path:
        return self.warehouse.parent

    @property
    def read_copy(self) -> Path:
        """The copy BI tools open read-only; replaced atomically after each good build."""
        return self.warehouse.with_name(self.warehouse.stem + "_read" + self.warehouse.suffix)

    def ensure_dirs(self) -> None:
        for d in (self.inbox, self.lake, self.processed, self.quarantine, self.warehouse_dir):
            d.mkdir(parents=True, exist_ok=True)


def load_settings() -> Settings:
    """Read settings from the environment (BAOCAO_*), falling back to the project layout."""
    home = _path("BAOCAO_HOME", _default_home())
    return Settings(
        home=home,
        inbox=_path("BAOCAO_INBOX", home / "data" / "inbox"),
        lake=_path("BAOCAO_LAKE", home / "data" / "lake"),
        processed=_path("BAOCAO_PROCESSED", home / "data" / "processed"),
        quarantine=_path("BAOCAO_QUARANTINE", home / "data" / "quarantine"),
        warehouse=_path("BAOCAO_WAREHOUSE", home / "warehouse" / "baocao.duckdb"),
        dbt_project=_path("BAOCAO_DBT_PROJECT", _default_home() / "dbt_project"),
        samples=_path("BAOCAO_SAMPLES", _default_home() / "data" / "samples"),
        storage_compatibility=os.environ.get("BAOCAO_STORAGE_COMPATIBILITY", "v1.4.0"),
        dbt_threads=int(os.environ.get("BAOCAO_DBT_THREADS", "2")),
        max_bytes=int(os.environ.get("BAOCAO_MAX_BYTES", str(50 * 1024 * 1024))),
        settle_seconds=float(os.environ.get("BAOCAO_SETTLE_SECONDS", "2")),
        parse_timeout_seconds=float(os.environ.get("BAOCAO_PARSE_TIMEOUT_SECONDS", "120")),
        parse_seconds_per_mb=float(os.environ.get("BAOCAO_PARSE_SECONDS_PER_MB", "30")),
        parse_memory_mb=int(os.environ.get("BAOCAO_PARSE_MEMORY_MB", "2048")),
        parse_workers=int(os.environ.get("BAOCAO_PARSE_WORKERS", str(min(4, os.cpu_count() or 1)))),
        ocr_seconds_per_page=float(os.environ.get("BAOCAO_OCR_SECONDS_PER_PAGE", "20")),
        bulk_workers=int(os.environ.get("BAOCAO_BULK_WORKERS", str(min(4, os.cpu_count() or 1)))),
        dask_address=os.environ.get("BAOCAO_DASK_ADDRESS") or None,
        bulk_chunk_files=int(os.environ.get("BAOCAO_BULK_CHUNK_FILES", "32")),
    )
