"""Bad inputs through the whole running system: Prefect server, served deployment, watcher.

Everything is dropped at once into a watched inbox; each file must end in processed/ or
quarantine/ (with `<name>.error.json`) and in the ledger, temporary names must be left
alone, and the warehouse must still pass `dbt test`.
"""

from __future__ import annotations

import io
import os
import threading
import time
import zipfile

import pytest

from .conftest import (
    Home,
    assert_nothing_lost,
    dbt_test,
    record,
    sample,
    sha256_bytes,
    variant,
    wait_quiet,
    wait_until,
)

pytestmark = pytest.mark.slow


def docx_bytes(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in text.splitlines()[:300]:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def zip_bomb_docx(unpacked_mb: int = 250) -> bytes:
    """~250 KB on disk, 250 MB of zeros once inflated."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                fh.write(chunk)
    return buf.getvalue()


# 250 bytes of UTF-8: legal, but `<name>.error.json` would not fit NAME_MAX (255)
LONG_NAME = (
    "Báo cáo tình hình kinh tế xã hội tháng chín năm hai nghìn không trăm hai mươi lăm "
    "của Ủy ban nhân dân tỉnh " * 3
).encode()[:246].decode(errors="ignore").rstrip() + ".txt"


def test_bad_inputs_all_at_once(prefect_server, home: Home) -> None:
    good_docx = docx_bytes(sample(2).decode("utf-8"))
    control = variant(0, "control")
    inputs: dict[str, bytes] = {
        "empty.txt": b"",
        "junk binary.txt": os.urandom(256 * 1024),
        "png renamed.docx": b"\x89PNG\r\n\x1a\n" + os.urandom(8000),
        "truncated.docx": good_docx[: len(good_docx) // 2],
        "zip bomb.docx": zip_bomb_docx(),
        "báo cáo tháng 9 (bản cuối).txt": variant(1, "vn"),
        "so..lieu..quy 3.txt": variant(2, "dots"),
        LONG_NAME: variant(3, "long"),
        LONG_NAME[:-4] + ".docx": b"not a docx " * 10,  # quarantined: the sidecar name must still fit
        "bang tinh.xlsx": b"PK\x03\x04 not really a workbook",
        "bang tinh.wps": b"WPS Office spreadsheet, not a report",
        "control.txt": control,
        "control - Copy.txt": control,  # same content under another name
        "word report.docx": good_docx,
    }
    big = (sample(0) * (200 * 1024 * 1024 // len(sample(0)) + 1))[: 200 * 1024 * 1024]
    inputs["big 200MB.txt"] = big
    slow = variant(4, "slow")
    temporary = {
        "~$draft.docx": b"lock",
        "report.txt.part": b"partial",
        ".hidden.txt": b"x",
        "video.crdownload": b"partial download",
    }
    downloaded = variant(0, "downloaded")

    home.start_serve()
    watcher = home.start_watcher()
    time.sleep(3)

    def slow_writer() -> None:  # a copy over a slow link: 12 chunks, 0.4 s apart
        path = home.inbox / "still being written.txt"
        step = len(slow) // 12 + 1
        with path.open("wb") as fh:
            for i in range(0, len(slow), step):
                fh.write(slow[i : i + step])
                fh.flush()
                time.sleep(0.4)

    started = time.monotonic()
    writer = threading.Thread(target=slow_writer)
    writer.start()
    for name, data in {**temporary, **inputs}.items():
        home.drop(name, data)
    (home.inbox / "dl.txt.crdownload").write_bytes(downloaded)  # a browser download, renamed when complete
    time.sleep(0.5)
    (home.inbox / "dl.txt.crdownload").rename(home.inbox / "dl.txt")
    writer.join()
    dropped = {**inputs, "still being written.txt": slow, "dl.txt": downloaded}
    wait_quiet(home, set(dropped), timeout=300)
    took = time.monotonic() - started

    rows = assert_nothing_lost(home, dropped)
    landed = home.landed()
    runs = home.query("select count(distinct flow_run_id) from raw.ingest_ledger")[0][0]

    def quarantined(name: str, reason: str, case: str) -> None:
        row = rows[name]
        path = landed[sha256_bytes(dropped[name])][0]
        assert row["status"] == "quarantined", (name, row)
        assert path.parent == home.quarantine, path
        sidecar = home.sidecar(path)
        assert {"reason", "stage", "quarantined_at"} <= sidecar.keys()
        assert reason in sidecar["reason"], sidecar
        record(case, f"quarantined, stage {sidecar['stage']}: {sidecar['reason'][:70]}", True)

    def processed(name: str, case: str, facts: bool = True) -> dict:
        row = rows[name]
        assert row["status"] == "processed", (name, row)
        n = home.query(
            "select count(*) from raw.facts where document_id = ? and version = ?",
            [row["document_id"], row["version"]],
        )[0][0]
        assert n > 0 or not facts, (name, n)
        record(case, f"processed, document v{row['version']}, {n} facts", True)
        return row

    quarantined("empty.txt", "empty file", "empty file")
    quarantined("junk binary.txt", "not text", "binary junk named .txt")
    quarantined("png renamed.docx", "PNG", "PNG renamed .docx")
    quarantined("truncated.docx", "truncated", "truncated .docx")
    quarantined("zip bomb.docx", "zip bomb", "zip-bomb .docx (250 MB of zeros in 250 KB)")
    quarantined("big 200MB.txt", "file too large", "200 MB text file")
    quarantined("bang tinh.xlsx", "not an Excel workbook", "text named .xlsx")
    quarantined("bang tinh.wps", "unsupported file type", "unsupported extension (.wps)")
    processed("báo cáo tháng 9 (bản cuối).txt", "name with spaces and Vietnamese letters")
    processed("so..lieu..quy 3.txt", "name with `..`")
    processed(LONG_NAME, f"very long name ({len(LONG_NAME.encode())} bytes)")
    quarantined(
        LONG_NAME[:-4] + ".docx", "not a Word document", "very long name of a bad file (sidecar fits)"
    )
    processed("word report.docx", "a good .docx (control)")
    processed("dl.txt", "browser download (.crdownload renamed when complete)")

    row = processed("still being written.txt", "file still being written (12 chunks, 0.4 s apart)")
    assert row["size_bytes"] == len(slow), "a partial file was ingested"
    assert len([r for r in home.ledger() if r["file_name"] == "still being written.txt"]) == 1

    pair = [rows["control.txt"], rows["control - Copy.txt"]]
    assert sorted(r["status"] for r in pair) == ["duplicate", "processed"], pair
    assert pair[0]["document_id"] == pair[1]["document_id"]
    record(
        "duplicate under another name", "one processed, the other a recorded duplicate (no new facts)", True
    )

    assert set(temporary) <= home.inbox_names(), "temporary names must be left alone"
    assert not any(r["file_name"] in temporary for r in home.ledger())
    record(
        "temporary names (~$…, .part, .crdownload, dotfile)",
        "ignored: left in the inbox, not in the ledger",
        True,
    )

    # -- phase 2: the same name with new content; re-dropping a fixed file ------------------
    v2 = variant(0, "control v2")
    fixed = variant(1, "fixed")
    home.drop("control.txt", v2)
    home.drop("empty.txt", fixed)
    wait_quiet(home, {"control.txt", "empty.txt"})
    rows2 = assert_nothing_lost(home, {"control.txt": v2, "empty.txt": fixed})
    assert rows2["control.txt"]["status"] == "processed" and rows2["control.txt"]["version"] == 2, rows2
    assert rows2["control.txt"]["document_id"] == rows["control.txt"]["document_id"]
    record("same name, new content", "processed as version 2 of the same document", True)
    assert rows2["empty.txt"]["status"] == "processed", rows2
    record("re-drop a fixed file (was quarantined)", "processed", True)

    ok, summary = dbt_test(home)
    assert ok, summary
    assert watcher.alive(), watcher.tail()
    record(
        f"all of the above dropped at once ({len(dropped)} files + {len(temporary)} temporary names)",
        f"{runs} flow run(s), inbox drained in {took:.0f}s; dbt test passes",
        True,
    )


def test_watcher_ignores_temporary_names_alone(prefect_server, home: Home) -> None:
    """Temporary files alone start no flow run at all."""
    home.start_serve()
    watcher = home.start_watcher()
    time.sleep(3)
    for name in ("~$bao cao.docx", "a.txt.part", ".DS_Store", "b.crdownload"):
        home.drop(name, b"partial")
    time.sleep(6)
    assert "started flow run" not in watcher.tail()
    assert not home.warehouse.exists() or not home.ledger()
    wait_until(lambda: watcher.alive(), 1)
