"""Real processes, real files: a Prefect server per module, the served deployment and the
watcher per test, each test in its own BAOCAO_HOME. Helpers check that nothing was lost.

Every case records (case, outcome, nothing lost?) and the session prints the table that
docs/reliability.md shows; the rows are also written to .pytest_cache/baocao-reliability.json.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
PY = sys.executable
BIN = Path(PY).parent

RESULTS: list[dict] = []


def record(case: str, outcome: str, nothing_lost: bool, detail: str = "") -> None:
    """One row of the reliability table."""
    RESULTS.append({"case": case, "outcome": outcome, "nothing_lost": nothing_lost, "detail": detail})


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    if not RESULTS:
        return
    out = Path(config.rootpath) / ".pytest_cache" / "baocao-reliability.json"
    with contextlib.suppress(OSError):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(RESULTS, ensure_ascii=False, indent=1), encoding="utf-8")
    terminalreporter.section("baocao reliability table")
    terminalreporter.write_line("| case | outcome | nothing lost |")
    terminalreporter.write_line("|---|---|---|")
    for r in RESULTS:
        terminalreporter.write_line(
            f"| {r['case']} | {r['outcome']} | {'yes' if r['nothing_lost'] else 'NO'} |"
        )


# -- processes -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(
    predicate: Callable[[], object], timeout: float, interval: float = 0.5, what: str = ""
) -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what or predicate}")
        time.sleep(interval)


@dataclass
class Proc:
    """A child process in its own session (so we can stop its whole tree), logging to a file."""

    name: str
    popen: subprocess.Popen
    log: Path

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> int | None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(10)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        return self.popen.returncode

    def tail(self, n: int = 4000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-n:]
        except OSError:
            return ""


def spawn(name: str, argv: list[str], env: dict[str, str], logdir: Path) -> Proc:
    logdir.mkdir(parents=True, exist_ok=True)
    log = logdir / f"{name}.log"
    fh = open(log, "ab")  # noqa: SIM115 - lives as long as the child
    popen = subprocess.Popen(
        argv, env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True, cwd=str(REPO)
    )
    return Proc(name, popen, log)


def base_env(prefect_home: Path, api_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "PREFECT_"))}
    env.update(
        {
            "PREFECT_HOME": str(prefect_home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PYTHONUNBUFFERED": "1",
            "PREFECT_LOGGING_LEVEL": "INFO",
        }
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(api_url + "/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@dataclass
class Server:
    port: int
    prefect_home: Path
    logdir: Path
    proc: Proc | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self, timeout: float = 150) -> None:
        env = base_env(self.prefect_home, None)
        self.proc = spawn(
            "prefect-server",
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env,
            self.logdir,
        )
        wait_until(
            lambda: healthy(self.api_url) or not self.proc.alive(), timeout, what="prefect server health"
        )
        assert self.proc.alive(), self.proc.tail()

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.stop()


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One real `prefect server start` per test module (SQLite under a temporary PREFECT_HOME)."""
    root = tmp_path_factory.mktemp("prefect")
    server = Server(free_port(), root / "home", root / "logs")
    server.start()
    try:
        yield server
    finally:
        server.stop()


# -- a baocao home -----------------------------------------------------------------------------


@dataclass
class Home:
    """A temporary BAOCAO_HOME with the environment its processes run in."""

    root: Path
    env: dict[str, str]
    procs: list[Proc] = field(default_factory=list)

    @property
    def inbox(self) -> Path:
        return self.root / "data" / "inbox"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def quarantine(self) -> Path:
        return self.root / "data" / "quarantine"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse" / "baocao.duckdb"

    @property
    def read_copy(self) -> Path:
        return self.root / "warehouse" / "baocao_read.duckdb"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def spawn(self, name: str, argv: list[str], **extra_env: str) -> Proc:
        proc = spawn(name, argv, {**self.env, **extra_env}, self.logs)
        self.procs.append(proc)
        return proc

    def start_serve(self) -> Proc:
        return self.spawn("serve", [PY, "-m", "baocao.serve", "--cron", "", "--query-seconds", "1"])

    def start_watcher(self, **extra_env: str) -> Proc:
        return self.spawn(
            "watch",
            [PY, "-m", "baocao.cli", "watch", "--recheck-seconds", "5", "--retry-max-seconds", "3"],
            **extra_env,
        )

    def ingest(self, *args: str, timeout: float = 300, **extra_env: str) -> subprocess.CompletedProcess:
        """`baocao ingest` as its own process (like a cron job or a user would run it)."""
        return subprocess.run(
            [PY, "-m", "baocao.cli", "ingest", *args],
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=str(REPO),
        )

    def drop(self, name: str, data: bytes, *, mtime_back: float = 0.0) -> Path:
        """Write a file the way a copy does: into the inbox, closed at once."""
        path = self.inbox / name
        path.write_bytes(data)
        if mtime_back:
            t = time.time() - mtime_back
            os.utime(path, (t, t))
        return path

    def inbox_names(self) -> set[str]:
        return {p.name for p in self.inbox.iterdir()} if self.inbox.exists() else set()

    # -- what became of the files ------------------------------------------------------------
    def query(self, sql: str, params: list | None = None, *, db: Path | None = None) -> list[tuple]:
        """Read the warehouse (main file by default) with a short read-only connection."""
        con = duckdb.connect(str(db or self.warehouse), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def ledger(self) -> list[dict]:
        if not self.warehouse.exists():
            return []
        cols = [
            "file_name",
            "size_bytes",
            "content_sha256",
            "status",
            "document_id",
            "version",
            "stage",
            "error",
            "flow_run_id",
            "parse_attempts",
        ]
        rows = self.query(f"select {', '.join(cols)} from raw.ingest_ledger order by seen_id")
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def landed(self) -> dict[str, list[Path]]:
        """content sha256 -> files in processed/ or quarantine/ (sidecars excluded)."""
        found: dict[str, list[Path]] = {}
        for folder in (self.processed, self.quarantine):
            for p in folder.rglob("*"):
                if p.is_file() and not p.name.endswith(".error.json"):
                    found.setdefault(sha256_file(p), []).append(p)
        return found

    def sidecar(self, landed: Path) -> dict:
        return json.loads(landed.with_name(landed.name + ".error.json").read_text(encoding="utf-8"))

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            proc.stop()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def home(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Home]:
    """A fresh BAOCAO_HOME wired to the module's Prefect server (if the module has one)."""
    server: Server | None = (
        request.getfixturevalue("prefect_server") if "prefect_server" in request.fixturenames else None
    )
    root = tmp_path / "baocao"
    for d in ("data/inbox", "data/lake", "data/processed", "data/quarantine", "warehouse"):
        (root / d).mkdir(parents=True, exist_ok=True)
    prefect_home = server.prefect_home if server else tmp_path / "prefect"
    env = base_env(prefect_home, server.api_url if server else None)
    env.update(
        {
            "BAOCAO_HOME": str(root),
            "BAOCAO_DBT_PROJECT": str(REPO / "dbt_project"),
            "BAOCAO_SETTLE_SECONDS": "1",
            "BAOCAO_DBT_THREADS": "2",
        }
    )
    h = Home(root, env)
    try:
        yield h
    finally:
        h.stop_all()


def wait_quiet(home: Home, names: set[str], timeout: float = 240) -> None:
    """Until none of `names` is in the inbox and no writer holds the warehouse lock."""
    wait_until(
        lambda: not (names & home.inbox_names()), timeout, what=f"inbox to drain of {sorted(names)[:5]}"
    )
    wait_until(lambda: _lock_free(home.warehouse), 120, what="writer lock to be released")


def _lock_free(warehouse: Path) -> bool:
    import fcntl

    lock = warehouse.with_name(warehouse.name + ".lock")
    if not lock.exists():
        return True
    with open(lock, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(fh, fcntl.LOCK_UN)
    return True


def assert_nothing_lost(home: Home, dropped: dict[str, bytes]) -> dict[str, dict]:
    """Every dropped file (name -> content) left the inbox for processed/ or quarantine/, and the
    ledger has a row for it with its content hash. Returns name -> its last ledger row."""
    landed = home.landed()
    ledger = home.ledger()
    rows: dict[str, dict] = {}
    for name, data in dropped.items():
        digest = sha256_bytes(data)
        assert name not in home.inbox_names(), f"{name} still in the inbox"
        assert digest in landed, f"{name} is in neither processed/ nor quarantine/"
        mine = [r for r in ledger if r["file_name"] == name and r["content_sha256"] == digest]
        assert mine, f"{name} has no ledger row"
        rows[name] = mine[-1]
    return rows


def dbt_test(home: Home, project: Path | None = None) -> tuple[bool, str]:
    """`dbt test` on the warehouse, in its own process (as the flow runs dbt)."""
    code = (
        "from baocao.settings import load_settings; from baocao.marts import run_dbt; "
        "o = run_dbt(load_settings(), 'test'); print(o.summary()); raise SystemExit(0 if o.success else 1)"
    )
    env = dict(home.env)
    if project is not None:
        env["BAOCAO_DBT_PROJECT"] = str(project)
    proc = subprocess.run(
        [PY, "-c", code], env=env, capture_output=True, text=True, timeout=600, cwd=str(REPO)
    )
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()[-2000:]


def sample(i: int = 0) -> bytes:
    return sorted(SAMPLES.glob("*.txt"))[i % 5].read_bytes()


def variant(i: int, tag: str) -> bytes:
    """A sample report made another document by a first line: its own content hash and its own
    title ('BÁO CÁO số …' opens the title), so the identity rule (same issuer, kind, place,
    period and title = the same document) does not take it for a version of the sample."""
    return f"BÁO CÁO số {tag}\n".encode() + sample(i)
