"""The warm dbt runner: a long-lived process that keeps dbt imported and the project parsed.

A cold `dbt build` pays ~3 s to start Python and import dbt and ~1 s to load the project
before running a single node; after each batch that is most of the wait. `baocao up` starts
this process (`python -m baocao.builder`); it
  - imports dbt and parses the project once (again only when `marts.project_fingerprint`
    changes: a model, macro or catalogue was edited),
  - listens on a Unix socket beside the warehouse (`socket_path`),
  - runs each request in a child forked from itself, so the child starts with dbt and the
    manifest already in memory, and exits when the build ends, releasing the DuckDB file
    (dbt-duckdb keeps its connection open for the life of the process that ran it),
  - kills that child if the caller goes away (its flow was stopped, or timed out).
`marts.run_dbt` asks it first and falls back to a cold dbt process when no builder answers.
The caller holds the warehouse writer lock, so builds never overlap.

Protocol: one JSON line each way per connection.
  request  {"args": ["build", "--select", ...], "fingerprint": "…"}
  reply    {"returncode": 0, "output": "last lines of dbt's output", "parsed": false}
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

from baocao import marts
from baocao.settings import Settings, load_settings

log = logging.getLogger("baocao.builder")


def socket_path(settings: Settings) -> Path:
    """Beside the warehouse; in the temp folder when that path is too long for a socket (108 bytes)."""
    path = settings.warehouse_dir / ".dbt-builder.sock"
    if len(str(path).encode()) < 100:
        return path
    import hashlib

    return Path(tempfile.gettempdir()) / f"baocao-{hashlib.sha1(str(path).encode()).hexdigest()[:12]}.sock"


# -- client (the flow run) -----------------------------------------------------------------------


class Unavailable(Exception):
    """No builder answers on the socket: run dbt cold."""


def request(settings: Settings, args: list[str], timeout_s: float, check_stop=None) -> tuple[int, str]:
    """Run dbt `args` in the warm builder; (returncode, output). Raises Unavailable when none
    listens, TimeoutError after `timeout_s`; `check_stop()` (shutdown.check) may raise to stop,
    and closing the connection makes the builder kill the build."""
    path = socket_path(settings)
    if not path.exists():
        raise Unavailable(f"no builder socket at {path}")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            sock.connect(str(path))
        except OSError as exc:
            raise Unavailable(f"builder not answering at {path}: {exc}") from exc
        payload = {"args": args, "fingerprint": marts.project_fingerprint(settings)}
        sock.sendall(json.dumps(payload).encode() + b"\n")
        deadline = time.monotonic() + timeout_s
        data = b""
        while not data.endswith(b"\n"):
            if check_stop is not None:
                check_stop()
            if time.monotonic() > deadline:
                raise TimeoutError(f"dbt did not finish within {timeout_s:.0f} s")
            ready, _, _ = select.select([sock], [], [], 0.1)
            if ready:
                chunk = sock.recv(65536)
                if not chunk:
                    raise Unavailable("the builder closed the connection without an answer")
                data += chunk
        reply = json.loads(data)
        return int(reply["returncode"]), str(reply.get("output", ""))
    finally:
        sock.close()


# -- server (python -m baocao.builder) -----------------------------------------------------------


class WarmDbt:
    """dbt imported and the project's manifest parsed, in this process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        os.environ.update(marts.dbt_env(settings))
        os.chdir(settings.dbt_project)
        from dbt.cli.main import dbtRunner  # noqa: F401  (import once, here)

        self.manifest = None
        self.fingerprint: str | None = None

    def common(self) -> list[str]:
        return ["--project-dir", str(self.settings.dbt_project), "--profiles-dir", str(self.settings.dbt_project)]

    def parse(self) -> None:
        from dbt.cli.main import dbtRunner

        started = time.perf_counter()
        fingerprint = marts.project_fingerprint(self.settings)
        result = dbtRunner().invoke(["parse", "--quiet", *self.common()])
        if not result.success or result.result is None:
            raise RuntimeError(f"dbt parse failed: {result.exception}")
        self.manifest, self.fingerprint = result.result, fingerprint
        with contextlib.suppress(Exception):  # parsing must leave no connection to the warehouse
            from dbt.adapters.duckdb.connections import DuckDBConnectionManager

            DuckDBConnectionManager.close_all_connections()
        compiled = self._compile_macros()
        log.info("project parsed in %.1f s (fingerprint %s, %d macros compiled)",
                 time.perf_counter() - started, fingerprint, compiled)

    def _compile_macros(self) -> int:
        """Compile every macro's Jinja template once, here: dbt caches them by source text in a
        module-level cache that each forked build inherits, instead of compiling the same
        materialization and test macros again on every build (~1 s of CPU per batch build)."""
        from dbt_common.clients.jinja import template_cache

        template_cache.clear()
        compiled = 0
        for macro in self.manifest.macros.values():
            try:
                template_cache.get_node_template(macro)
                compiled += 1
            except Exception:  # noqa: BLE001 - a macro dbt cannot compile fails in the build that calls it
                continue
        return compiled

    def run(self, conn: socket.socket, args: list[str], fingerprint: str | None) -> dict:
        """Fork a child that runs `args` on the parsed manifest; kill it if the caller leaves."""
        parsed = False
        if fingerprint != self.fingerprint:
            self.parse()
            parsed = True
        with tempfile.TemporaryFile() as out:
            pid = os.fork()
            if pid == 0:  # the child: run dbt, then exit without running the parent's cleanups
                code = 1
                try:
                    os.setpgid(0, 0)
                    os.dup2(out.fileno(), 1)
                    os.dup2(out.fileno(), 2)
                    signal.signal(signal.SIGTERM, signal.SIG_DFL)
                    signal.signal(signal.SIGINT, signal.SIG_DFL)
                    from dbt.cli.main import dbtRunner

                    # no manifest.json to write (0.6 s): the results marts.run_dbt reads are written below
                    result = dbtRunner(manifest=self.manifest).invoke([*args, *self.common(), "--no-write-json"])
                    code = 0 if result.success else 1
                    self._write_results(result)
                except BaseException:  # noqa: BLE001 - reported through the exit code and output
                    import traceback

                    traceback.print_exc()
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(code)
            returncode = self._wait(pid, conn)
            out.seek(0)
            output = out.read().decode("utf-8", "replace")[-3000:]
        return {"returncode": returncode, "output": output, "parsed": parsed}

    def _write_results(self, result) -> None:
        """run_results.json with what marts.run_dbt reads (each node's id, status and message) and
        each node's timing, for the latency breakdown (benchmarks/latency.py)."""
        rows = [{"unique_id": r.node.unique_id, "status": str(r.status), "message": r.message,
                 "execution_time": r.execution_time,
                 "timing": [{"name": t.name, "started_at": t.started_at.isoformat() if t.started_at else None,
                             "completed_at": t.completed_at.isoformat() if t.completed_at else None}
                            for t in r.timing]}
                for r in getattr(result.result, "results", None) or []]
        target = self.settings.warehouse_dir / "dbt_target"
        target.mkdir(parents=True, exist_ok=True)
        (target / "run_results.json").write_text(json.dumps({"results": rows}), encoding="utf-8")

    @staticmethod
    def _wait(pid: int, conn: socket.socket) -> int:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([conn], [], [], 0.1)
            if ready and not conn.recv(1, socket.MSG_PEEK):  # the caller hung up: stop the build
                log.warning("caller left; stopping dbt (pid %d)", pid)
                for sig, wait_s in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 5.0)):
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(pid, sig)
                    end = time.monotonic() + wait_s
                    while time.monotonic() < end:
                        done, status = os.waitpid(pid, os.WNOHANG)
                        if done:
                            return os.waitstatus_to_exitcode(status)
                        time.sleep(0.05)
                return -9


def serve(settings: Settings) -> int:
    """Listen until SIGTERM/SIGINT; one build at a time (callers hold the writer lock anyway)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s builder: %(message)s")
    settings.ensure_dirs()
    warm = WarmDbt(settings)
    warm.parse()
    path = socket_path(settings)
    path.unlink(missing_ok=True)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(4)
    stopping = False

    def _stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    log.info("warm dbt runner listening on %s", path)
    try:
        while not stopping:
            ready, _, _ = select.select([server], [], [], 0.5)
            if not ready:
                continue
            conn, _ = server.accept()
            with conn:
                try:
                    line = conn.makefile("rb").readline()
                    req = json.loads(line)
                    reply = warm.run(conn, list(req["args"]), req.get("fingerprint"))
                    conn.sendall(json.dumps(reply).encode() + b"\n")
                except (OSError, ValueError, KeyError, RuntimeError) as exc:
                    log.warning("request failed: %s: %s", type(exc).__name__, exc)
    finally:
        server.close()
        path.unlink(missing_ok=True)
    log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(serve(load_settings()))
