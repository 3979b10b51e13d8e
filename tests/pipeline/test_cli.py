"""The `baocao` command line as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
SCORER = REPO.parent / "shared" / "eval" / "score.py"
CONTRACT = {"line", "col", "value", "value_high", "unit", "unit_text", "measure", "compared_to", "qualifier",
            "period", "locality", "locality_level", "indicator", "indicator_code", "sentence", "section"}
BAOCAO = [sys.executable, "-m", "baocao.cli"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*BAOCAO, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_extract_jsonl_prints_the_fact_contract(sample: str) -> None:
    proc = run("extract", str(SAMPLES / sample), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    facts = [json.loads(line) for line in proc.stdout.splitlines()]
    assert facts, "every sample report states quantities"
    for fact in facts:
        assert set(fact) >= CONTRACT
        assert isinstance(fact["line"], int) and isinstance(fact["col"], int)
        assert isinstance(fact["value"], float | int)


def test_extract_table_is_readable() -> None:
    proc = run("extract", str(SAMPLES / "002_ed75f5db97ecdb44.txt"))
    assert proc.returncode == 0, proc.stderr
    assert "facts" in proc.stdout.splitlines()[0]
    assert "indicator" in proc.stdout


def test_extract_document_says_what_the_report_is_about(tmp_path: Path) -> None:
    report = tmp_path / "hdnd-xa.txt"
    report.write_text("Ngày 20/12/2023, HĐND xã Tân Phước khóa XII tổ chức kỳ họp thứ tám.\n"
                      "Năm 2023, tổng thu ngân sách xã đạt 5,2 tỷ đồng.\n", encoding="utf-8")
    proc = run("extract", str(report), "--format", "document")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert (doc["locality"], doc["locality_level"], doc["period"], doc["facts"]) == ("Tân Phước", "commune", "2023", 1)


def test_extract_names_the_file_and_the_reason_when_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "ảnh.docx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    proc = run("extract", str(bad))
    assert proc.returncode == 2
    assert "ảnh.docx" in proc.stderr and "Traceback" not in proc.stderr


def test_status_without_a_warehouse_says_what_to_do(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "BAOCAO_HOME": str(tmp_path)}
    proc = run("status", env=env)
    assert proc.returncode == 0
    assert "no warehouse yet" in proc.stdout


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the repo")
def test_the_scorer_runs_to_the_end_on_extract_output() -> None:
    gold = sorted(str(p) for p in (SCORER.parent / "gold").glob("*.jsonl"))
    command = f"{sys.executable} -m baocao.cli extract {{doc}} --format jsonl"
    proc = subprocess.run([sys.executable, str(SCORER), *gold, "--run", command],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "strict F1" in proc.stdout.splitlines()[-1]
