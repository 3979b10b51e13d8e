"""Build the marts: run dbt (dbt-duckdb) against the warehouse file, in a child process.

`build` decides how much to build: after a batch only what it affects (the fact models
incremental by document, the tables downstream of raw; no seeds, views or unit tests), the
whole project when it changed since the last good build (models, macros, catalogues) or on
`baocao rebuild`.

A child process, not dbt's in-process runner: dbt-duckdb keeps its DuckDB connection open
after the run, which would lock the long-running flow process out of its own warehouse
and carry dbt's global state from run to run. The child exits and releases the file.
Callers hold `warehouse.writer_lock`, so two builds never run at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from baocao import shutdown, warehouse
from baocao.settings import CATALOG_DIR, Settings

# what a batch build selects: everything that reads raw (facts, documents, ledger) and is a
# table, the data tests on them that can fail a build, and every singular test (a project's own
# gates, whatever they read); views, unit tests, warn-only tests (reports, not gates) and tests
# another check implies (tag full_build_only) run when the project changes and on `baocao
# rebuild`. batch_build scopes the tests of the by-document models to the batch's documents.
_BATCH_EXCLUDE = ["config.materialized:view", "config.severity:warn", "tag:full_build_only"]
# the marts built from fact_value rather than for it: a batch's facts are queryable (and
# published) before these are brought up to date, a second step of the same build
AFTER_FACTS = ["path:models/marts/analysis+", "path:models/marts/quality+"]


def _batch_args(select: list[str], exclude: list[str]) -> list[str]:
    return ["--select", *select, "--exclude", *exclude, "--exclude-resource-type", "unit_test",
            "--vars", "{batch_build: true}"]


BATCH_SELECTION = _batch_args(["source:raw+", "test_type:singular"], _BATCH_EXCLUDE)
FACTS_STEP = _batch_args(["source:raw+", "test_type:singular"], [*_BATCH_EXCLUDE, *AFTER_FACTS])
MARTS_STEP = _batch_args(AFTER_FACTS, _BATCH_EXCLUDE)
SEED_CATALOGUES = ("units.csv", "indicators.csv", "localities.csv", "localities_extra.csv")


@dataclass
class DbtOutcome:
    success: bool
    command: list[str]
    failures: list[str] = field(default_factory=list)
    nodes: int = 0
    seconds: float = 0.0
    error: str | None = None
    mode: str | None = None  # build: "incremental" (the batch's documents) or "full"
    warm: bool = False  # run by the warm runner (builder.py) rather than a new dbt process
    reason: str | None = None
    facts_done: bool = False  # fact_value and its gates built (a two-step build may fail after)
    facts_seconds: float | None = None  # of a two-step build: until its facts were built

    def summary(self) -> str:
        verb = " ".join(self.command[:2]) if self.command[:1] == ["docs"] else self.command[0]
        if self.mode or self.warm:
            verb += " (" + ", ".join(filter(None, [self.mode, "warm" if self.warm else None])) + ")"
        if self.success:
            facts = f" (facts after {self.facts_seconds:.1f}s)" if self.facts_seconds is not None else ""
            return f"dbt {verb}: {self.nodes} nodes passed in {self.seconds:.1f}s{facts}"
        detail = "; ".join(self.failures[:5]) or self.error or "unknown error"
        kept = " (the batch's facts passed and stay; the marts are built whole next time)" \
            if self.facts_done else ""
        return f"dbt {verb} failed{kept}: {detail}"


def dbt_executable() -> str:
    beside = Path(sys.executable).with_name("dbt")
    found = str(beside) if beside.exists() else shutil.which("dbt")
    if not found:
        raise FileNotFoundError("the dbt command is not installed in this environment (pip install -e .)")
    return found


def dbt_env(settings: Settings) -> dict[str, str]:
    """The dbt profile (dbt_project/profiles.yml) reads the warehouse path from here."""
    env = dict(os.environ)
    env.update({
        "BAOCAO_WAREHOUSE": str(settings.warehouse),
        "BAOCAO_DBT_THREADS": str(settings.dbt_threads),
        "DBT_TARGET_PATH": str(settings.warehouse_dir / "dbt_target"),
        "DBT_LOG_PATH": str(settings.warehouse_dir / "dbt_logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    })
    return env


def run_dbt(settings: Settings, command: str = "build", extra: list[str] | None = None,
            timeout_s: float = 1800) -> DbtOutcome:
    """Run one dbt command (build, test, docs generate …) and say what failed."""
    args = [*command.split(), "--project-dir", str(settings.dbt_project), "--profiles-dir",
            str(settings.dbt_project), *(extra or [])]
    started = time.perf_counter()
    target = settings.warehouse_dir / "dbt_target"
    results_file = target / "run_results.json"
    results_file.unlink(missing_ok=True)
    warm = False
    try:
        try:  # the warm runner of `baocao up` (builder.py), else a cold dbt process
            from baocao import builder

            returncode, output = builder.request(settings, command.split() + (extra or []), timeout_s,
                                                 check_stop=shutdown.check)
            warm = True
        except builder.Unavailable:
            returncode, output = _run_child([dbt_executable(), *args], dbt_env(settings), settings.dbt_project,
                                            timeout_s)
    except (OSError, subprocess.TimeoutExpired, TimeoutError) as exc:
        return DbtOutcome(False, args, error=f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - started)
    outcome = DbtOutcome(returncode == 0, args, seconds=time.perf_counter() - started, warm=warm)
    if results_file.exists():
        results = json.loads(results_file.read_text(encoding="utf-8")).get("results", [])
        outcome.nodes = len(results)
        for r in results:
            if r.get("status") in {"error", "fail", "runtime error"}:
                outcome.failures.append(f"{r.get('unique_id', '?')}: {r.get('status')}: "
                                        f"{(r.get('message') or '').strip()[:300]}")
    if not outcome.success and not outcome.failures:
        outcome.error = output[-3000:].strip() or f"exit code {returncode}"
    return outcome


def _run_child(argv: list[str], env: dict[str, str], cwd: Path, timeout_s: float) -> tuple[int, str]:
    """Run dbt in its own process group; a stop request (shutdown.py) or the timeout kills the
    whole group (dbt and its threads' connections) and raises."""
    with tempfile.TemporaryFile(mode="w+") as out:
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, text=True,
                                start_new_session=True)
        deadline = time.monotonic() + timeout_s
        try:
            while proc.poll() is None:
                shutdown.check()
                if time.monotonic() > deadline:
                    raise subprocess.TimeoutExpired(argv, timeout_s)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(0.1)
        except BaseException:
            _kill_group(proc)
            raise
        out.seek(0)
        return proc.returncode, out.read()


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGTERM dbt's group, SIGKILL what is left after 3 s."""
    for sig, wait_s in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(wait_s)
            return
        except subprocess.TimeoutExpired:
            continue


def project_fingerprint(settings: Settings) -> str:
    """A digest of everything a build is made from besides raw data: the dbt project's files
    and the catalogues it seeds. When it changes, the next build is a full one."""
    digest = hashlib.sha256()
    project = settings.dbt_project
    files = [project / "dbt_project.yml", *(CATALOG_DIR / name for name in SEED_CATALOGUES)]
    for folder in ("models", "macros", "seeds", "tests"):
        files.extend(p for p in sorted((project / folder).rglob("*")) if p.is_file())
    for path in files:
        if path.exists():
            digest.update(str(path.relative_to(path.anchor)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class BuildPlan:
    full_refresh: bool
    reason: str
    fingerprint: str
    pending: int


def plan_build(settings: Settings, *, full_refresh: bool = False) -> BuildPlan:
    """Full or incremental, and why (the caller holds the writer lock)."""
    with warehouse.session(settings) as con:
        return _plan(con, project_fingerprint(settings), full_refresh)


def _plan(con: duckdb.DuckDBPyConnection, fingerprint: str, full_refresh: bool) -> BuildPlan:
    pending = warehouse.pending_documents(con)
    last = warehouse.last_build_fingerprint(con)
    if full_refresh:
        return BuildPlan(True, "full refresh asked for", fingerprint, pending)
    if last is None:
        return BuildPlan(True, "first build of this warehouse", fingerprint, pending)
    if last != fingerprint:
        return BuildPlan(True, "the dbt project or a catalogue changed since the last build", fingerprint, pending)
    return BuildPlan(False, f"{pending} document(s) changed", fingerprint, pending)


def build(settings: Settings, *, full_refresh: bool = False, timeout_s: float = 1800,
          after_facts: Callable[[DbtOutcome], None] | None = None) -> DbtOutcome:
    """Build the marts after a batch: incrementally (the batch's documents) when the project is
    unchanged since the last good build, else everything with --full-refresh.

    With `after_facts`, an incremental build runs in two steps: fact_value and everything it
    reads, with their gates (FACTS_STEP); then `after_facts` (the caller files the batch and
    publishes its facts); then the analysis and quality marts (MARTS_STEP). A batch's facts are
    queryable before the marts computed from them are. The outcome's `facts_done` says whether
    the first step passed: a failure after it leaves the facts, and the warehouse marked for a
    full build next time, which builds the marts again whole."""
    with warehouse.session(settings) as con:
        plan = _plan(con, project_fingerprint(settings), full_refresh)
        # a build that fails or is killed half-way leaves the marts unknown: the next builds all
        warehouse.mark_building(con)
    if plan.full_refresh or after_facts is None:
        outcome = run_dbt(settings, "build", ["--full-refresh"] if plan.full_refresh else list(BATCH_SELECTION),
                          timeout_s=timeout_s)
    else:
        outcome = run_dbt(settings, "build", list(FACTS_STEP), timeout_s=timeout_s)
        if outcome.success:
            outcome.facts_done, outcome.facts_seconds = True, outcome.seconds
            after_facts(outcome)
            outcome = _then(outcome, run_dbt(settings, "build", list(MARTS_STEP), timeout_s=timeout_s))
    outcome.mode = "full" if plan.full_refresh else "incremental"
    outcome.reason = plan.reason
    if outcome.success:
        outcome.facts_done = True
        with warehouse.session(settings) as con:
            warehouse.mark_built(con, plan.fingerprint, full_refresh=plan.full_refresh)
    return outcome


def _then(first: DbtOutcome, second: DbtOutcome) -> DbtOutcome:
    """One outcome for a build made of two dbt runs."""
    return DbtOutcome(
        success=first.success and second.success, command=first.command, failures=first.failures + second.failures,
        nodes=first.nodes + second.nodes, seconds=first.seconds + second.seconds, error=second.error or first.error,
        warm=first.warm and second.warm, facts_done=first.facts_done, facts_seconds=first.facts_seconds,
    )
