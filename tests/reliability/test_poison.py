"""Poison files: one bad drop must never stall the inbox (issue: 'one bad file must never
stall the pipeline'). `baocao ingest` runs as its own process against the module's server;
each file is parsed in a child process with a deadline (isolation.py), and SIGTERM stops a
run within seconds at any moment, leaving every file untouched or fully filed away."""

from __future__ import annotations

import io
import os
import signal
import time
import zipfile
from pathlib import Path

import pytest

from .conftest import (
    PY,
    Home,
    assert_nothing_lost,
    dbt_test,
    record,
    sample,
    variant,
    wait_until,
)

pytestmark = pytest.mark.slow

DEADLINE_S = 20  # BAOCAO_PARSE_TIMEOUT_SECONDS for these runs (no per-MB allowance)


def one_long_line(megabytes: float) -> bytes:
    """Sentences of a sample report on a single line, `megabytes` long."""
    sentences = [s.strip() for s in sample(2).decode("utf-8").splitlines() if len(s.strip()) > 40]
    out, size, i = [], 0, 0
    while size < megabytes * 1024 * 1024:
        out.append(sentences[i % len(sentences)])
        size += len(out[-1].encode()) + 1
        i += 1
    return ("BÁO CÁO\n" + " ".join(out) + "\n").encode()


def deep_docx(depth: int = 10_000) -> bytes:
    """A real .docx whose body XML nests `depth` elements deep."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Tổng giá trị sản xuất đạt 1.000 tỷ đồng.")
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * depth
                                    + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" + b"</w:sdtContent></w:sdt>" * depth)
            dst.writestr(item, data)
    return out.getvalue()


def blank_pdf(pages: int = 2000) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())


def one_number_changed(i: int) -> bytes:
    text = sample(i).decode("utf-8")
    k = next(k for k, c in enumerate(text) if c.isdigit() and k > 200)
    return (text[:k] + ("7" if text[k] != "7" else "8") + text[k + 1:]).encode()


def fact_value_documents(home: Home) -> set[str]:
    rows = home.query("select distinct source_name from main.fact_value")
    return {r[0] for r in rows}


def test_odd_files_and_poison_in_one_batch(prefect_server, home: Home) -> None:
    inputs: dict[str, bytes] = {
        "one long line 16MB.txt": one_long_line(16),
        "deep nesting.docx": deep_docx(),
        "2000 blank pages.pdf": blank_pdf(),
        "empty.txt": b"",
        "junk.txt": os.urandom(64 * 1024),
        "png.docx": b"\x89PNG\r\n\x1a\n" + os.urandom(4000),
        "utf16.txt": sample(1).decode("utf-8").encode("utf-16"),
        "bang tinh.xlsx": b"PK\x03\x04 text, not a workbook",
        "good report.txt": variant(0, "poison-batch"),
        "ban sua # so lieu.txt": one_number_changed(3),
    }
    for name, data in inputs.items():
        home.drop(name, data, mtime_back=5)
    started = time.monotonic()
    run = home.ingest(timeout=DEADLINE_S + 240, BAOCAO_PARSE_TIMEOUT_SECONDS=str(DEADLINE_S),
                      BAOCAO_PARSE_SECONDS_PER_MB="0")
    elapsed = time.monotonic() - started
    assert run.returncode == 1, run.stdout[-3000:] + run.stderr[-3000:]  # 1: some files were quarantined
    rows = assert_nothing_lost(home, inputs)
    assert not home.inbox_names()
    assert elapsed <= DEADLINE_S + 60, f"the batch took {elapsed:.0f} s"

    def quarantined(name: str, stage: str, reason: str, case: str) -> None:
        row = rows[name]
        assert (row["status"], row["stage"]) == ("quarantined", stage), row
        assert reason in row["error"], row["error"]
        record(case, f"quarantined, stage {stage}: {row['error'][:80]}", True)

    quarantined("one long line 16MB.txt", "parse", f"timeout after {DEADLINE_S} s",
                "one-line 16 MB text (parse deadline 20 s)")
    quarantined("deep nesting.docx", "read", "Excessive depth", "docx whose XML nests 10,000 deep")
    quarantined("2000 blank pages.pdf", "read", "no text layer", "PDF of 2,000 blank pages")
    for name in ("empty.txt", "junk.txt", "png.docx", "bang tinh.xlsx"):
        assert rows[name]["status"] == "quarantined", rows[name]
    good = {"good report.txt", "utf16.txt", "ban sua # so lieu.txt"}
    for name in good:
        assert rows[name]["status"] == "processed", rows[name]
        assert rows[name]["parse_attempts"] == 1
    assert good <= fact_value_documents(home)
    ok, summary = dbt_test(home)
    assert ok, summary
    record("mixed batch: 7 odd/poison files + 3 good ones, one `baocao ingest`",
           f"every file filed in {elapsed:.0f} s (deadline {DEADLINE_S} s); the 3 good ones in fact_value; "
           "dbt test passes", True)


def _descendants(pid: int) -> list[int]:
    """Every process below `pid` (children, grandchildren …), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [], [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        found += kids
        frontier += kids
    return found


def _session(sid: int) -> list[bytes]:
    """Command lines of the processes still in session `sid` (the ingest process started one)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] != "Z":  # a zombie has exited already
                out.append((stat.parent / "cmdline").read_bytes())
        except (OSError, IndexError, ValueError):
            continue
    return out


def _cmdlines(pids: list[int]) -> list[bytes]:
    out = []
    for p in pids:
        try:
            out.append(Path(f"/proc/{p}/cmdline").read_bytes())
        except OSError:
            continue
    return out


@pytest.mark.parametrize("when", ["parse", "dbt build"])
def test_sigterm_stops_ingest_within_10s(prefect_server, home: Home, when: str) -> None:
    files = {f"sigterm {i}.txt": variant(i, f"sigterm-{when}-{i}") for i in range(4)}
    if when == "parse":
        files["slow one line.txt"] = one_long_line(4)  # ~30 s of parsing
    for name, data in files.items():
        home.drop(name, data, mtime_back=5)
    proc = home.spawn(f"ingest-sigterm-{when}", [PY, "-m", "baocao.cli", "ingest"])
    marker = b"forkserver" if when == "parse" else b"dbt"
    wait_until(lambda: any(marker in c for c in _cmdlines(_descendants(proc.popen.pid))) or not proc.alive(),
               240, interval=0.1, what=f"{when} to start")
    time.sleep(2)
    assert proc.alive(), "ingest ended before the signal: " + proc.tail()
    sent = time.monotonic()
    os.kill(proc.popen.pid, signal.SIGTERM)  # the ingest process only, as `kill` or systemd would
    proc.popen.wait(30)
    stopped_in = time.monotonic() - sent
    assert proc.popen.returncode == 128 + signal.SIGTERM, proc.tail()
    assert stopped_in <= 10, f"stopped after {stopped_in:.1f} s"
    wait_until(lambda: not _session(proc.popen.pid), 5, interval=0.2, what="the run's children to exit")
    assert home.inbox_names() == set(files), "every file stays in the inbox, untouched"
    assert not [r for r in home.ledger() if r["file_name"] in files], "nothing half-filed"

    again = home.ingest(timeout=400)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert_nothing_lost(home, files)
    ok, summary = dbt_test(home)
    assert ok, summary
    record(f"SIGTERM to `baocao ingest` during {when}",
           f"stopped in {stopped_in:.1f} s (exit 143), no child left, all {len(files)} files still in the inbox; "
           "the next run filed them all once; dbt test passes", True)


def _processes_of(home: Home) -> list[bytes]:
    """Command lines of live processes whose environment names this BAOCAO_HOME."""
    key = f"BAOCAO_HOME={home.root}".encode()
    out = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if key in environ.read_bytes().split(b"\0"):
                state = (environ.parent / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    out.append((environ.parent / "cmdline").read_bytes())
        except OSError:
            continue
    return out


def test_sigterm_stops_up_within_10s_during_a_served_parse(home: Home, tmp_path: Path) -> None:
    from .conftest import free_port

    port = free_port()
    home.env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    home.env.pop("PREFECT_API_URL", None)
    up = home.spawn("up-sigterm", [PY, "-m", "baocao.cli", "up", "--port", str(port), "--cron", ""])
    wait_until(lambda: "Prefect UI at" in up.tail() or not up.alive(), 240, what="baocao up to start")
    files = {"served slow one line.txt": one_long_line(4), "served good.txt": variant(2, "served-sigterm")}
    for name, data in files.items():
        home.drop(name, data)
    wait_until(lambda: any(b"forkserver" in c for c in _processes_of(home)), 240, interval=0.2,
               what="a served flow run to parse")
    time.sleep(2)
    sent = time.monotonic()
    up.popen.send_signal(signal.SIGTERM)
    up.popen.wait(30)
    wait_until(lambda: not _processes_of(home), 15, interval=0.2, what="every process of the home to exit")
    stopped_in = time.monotonic() - sent
    assert stopped_in <= 10, f"everything stopped after {stopped_in:.1f} s: {_processes_of(home)}"
    assert home.inbox_names() == set(files)

    home.env.pop("PREFECT_API_URL", None)
    again = home.ingest(timeout=400)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert_nothing_lost(home, files)
    ok, summary = dbt_test(home)
    assert ok, summary
    record("SIGTERM to `baocao up` while a served flow run parses",
           f"server, deployment, watcher, flow run and parse children all gone in {stopped_in:.1f} s; "
           "files stayed in the inbox; the next run filed them once; dbt test passes", True)
