"""The drop folder: which files are ready, their content hash, and where they end up.

Every file that enters the inbox leaves it exactly once: to `processed/` (parsed and
loaded, or a recorded duplicate) or to `quarantine/` with `<name>.error.json` saying why.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Names that are never reports, or not yet: editor locks, partial downloads, our own sidecars.
TEMPORARY_PREFIXES = ("~$", ".", "~")
TEMPORARY_SUFFIXES = (".part", ".crdownload", ".tmp", ".partial", ".download", ".swp", ".error.json")


def is_candidate(path: Path) -> bool:
    """A regular file whose name does not mark it as temporary or hidden."""
    name = path.name
    if name.startswith(TEMPORARY_PREFIXES) or name.lower().endswith(TEMPORARY_SUFFIXES):
        return False
    return path.is_file()


def pending_files(inbox: Path, settle_seconds: float = 0.0) -> list[Path]:
    """Files ready for ingestion, oldest first; files modified within `settle_seconds`
    may still be being written and wait for a later sweep."""
    if not inbox.exists():
        return []
    now = time.time()
    ready = []
    for path in inbox.iterdir():
        try:
            if is_candidate(path) and now - path.stat().st_mtime >= settle_seconds:
                ready.append(path)
        except FileNotFoundError:  # moved away by a concurrent run
            continue
    return sorted(ready, key=lambda p: (p.stat().st_mtime if p.exists() else 0, p.name))


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Arrival:
    """A file as first seen: enough to record it in the ledger even if it cannot be read."""

    path: Path
    name: str
    size_bytes: int
    content_sha256: str
    received_at: datetime

    @classmethod
    def of(cls, path: Path) -> Arrival:
        stat = path.stat()
        return cls(
            path=path,
            name=path.name,
            size_bytes=stat.st_size,
            content_sha256=sha256_of(path),
            received_at=datetime.fromtimestamp(stat.st_mtime, UTC),
        )


NAME_MAX = 255  # bytes per file name on Linux/macOS file systems
SIDECAR_RESERVE = len(".error.json") + len("..tmp")  # quarantine writes `.<name>.error.json.tmp` first


def fit_name(name: str, reserve: int = 0) -> str:
    """Shorten a name's stem (UTF-8 safe, keeping the suffix) so `name` plus `reserve` bytes fits
    NAME_MAX: a 250-byte Vietnamese name must still get its tag and `.error.json` sidecar."""
    if len(name.encode("utf-8")) + reserve <= NAME_MAX:
        return name
    suffix = Path(name).suffix if len(Path(name).suffix) <= 16 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    budget = NAME_MAX - reserve - len(suffix.encode("utf-8")) - 1
    cut = stem.encode("utf-8")[: max(budget, 8)].decode("utf-8", errors="ignore")
    return f"{cut}~{suffix}"


def _free_target(folder: Path, name: str, tag: str, reserve: int = 0) -> Path:
    target = folder / fit_name(name, reserve)
    if not target.exists():
        return target
    base = Path(fit_name(name, reserve + len(tag) + 1))
    return folder / f"{base.stem}.{tag}{base.suffix}"


def move_to_processed(arrival: Arrival, processed: Path) -> Path:
    """Move a handled file out of the inbox, into a dated folder; never overwrite."""
    folder = processed / datetime.now(UTC).strftime("%Y-%m-%d")
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_target(folder, arrival.name, arrival.content_sha256[:12])
    shutil.move(str(arrival.path), str(target))
    return target


def quarantine(path: Path, quarantine_dir: Path, *, stage: str, reason: str, content_sha256: str | None = None) -> Path:
    """Move a failed file to quarantine with `<name>.error.json` (reason, stage, time)."""
    quarantine_dir.mkdir(parents=True, exist_ok=True)
    tag = (content_sha256 or datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f"))[:12]
    target = _free_target(quarantine_dir, path.name, tag, reserve=SIDECAR_RESERVE)
    sidecar = target.with_name(target.name + ".error.json")
    record = {
        "file": path.name,
        "stage": stage,
        "reason": reason,
        "content_sha256": content_sha256,
        "quarantined_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "retry": "fix the file and drop it into the inbox again",
    }
    tmp = sidecar.with_name("." + sidecar.name + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    if path.exists():
        shutil.move(str(path), str(target))
    os.replace(tmp, sidecar)
    return target
