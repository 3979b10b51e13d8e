"""Unattended operation: the served ingest deployment, and `baocao up` (server + serve + watcher).

`baocao up` runs on this machine without Docker:
  1. `prefect server start --host 127.0.0.1 --port 4200` (PREFECT_HOME under the project's
     `.prefect/`, analytics off), then waits for `/api/health`;
  2. `python -m baocao.serve`: the `ingest/ingest` deployment served by one process
     (cron catch-up sweep, manual runs from the UI, runs started by the watcher),
     deployment concurrency limit 1 with ENQUEUE, so one writer at a time;
  3. `baocao watch`: the inbox watcher;
  4. `python -m baocao.builder`: the warm dbt runner every build asks first (builder.py).
Ctrl-C (SIGINT) or SIGTERM stops them in reverse order and exits 0. A serve or watcher
process that dies is restarted (a few times a minute at most); if the server dies, `up` stops.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from baocao.settings import Settings

DEPLOYMENT_NAME = "ingest"
DEFAULT_CRON = "*/15 * * * *"  # the catch-up sweep; the watcher gives the low latency
STOP_GRACE_SECONDS = 7.0  # SIGTERM to SIGKILL for the children of `baocao up`: all stop within 10 s


def build_deployment(cron: str | None = DEFAULT_CRON, *, settle_seconds: float | None = None):
    """The ingest deployment: one run at a time (the rest wait), a cron sweep, manual runs.

    The flow sweeps the whole inbox, so a run needs no parameters; the cron run catches
    whatever the watcher missed (watcher down, events lost on a network share).
    """
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.deployments.runner import EntrypointType

    from baocao.pipeline import ingest_flow

    return ingest_flow.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron or None,
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE
        ),
        parameters={"settle_seconds": settle_seconds} if settle_seconds is not None else {},
        description="Sweep the inbox: parse every waiting report, load the warehouse, build the marts, "
        "publish the BI read copy, file each report to processed/ or quarantine/.",
        tags=["baocao"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def serve_main(argv: list[str] | None = None) -> int:
    """`python -m baocao.serve`: serve the ingest deployment until SIGINT/SIGTERM."""
    parser = argparse.ArgumentParser(prog="baocao.serve", description=serve_main.__doc__)
    parser.add_argument(
        "--cron",
        default=os.environ.get("BAOCAO_INGEST_CRON", DEFAULT_CRON),
        help="catch-up sweep schedule ('' for none)",
    )
    parser.add_argument(
        "--query-seconds",
        type=float,
        default=float(os.environ.get("BAOCAO_SERVE_QUERY_SECONDS", "1")),
        help="how often the runner asks the server for runs to start",
    )
    args = parser.parse_args(argv)
    from prefect import serve

    deployment = build_deployment(args.cron)
    # pause_on_shutdown=False: stopping `up` must not leave the schedule paused for the next start
    serve(deployment, pause_on_shutdown=False, print_starting_message=False, query_seconds=args.query_seconds)
    return 0


# -- baocao up --------------------------------------------------------------------------------


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def wait_for_health(api_url: str, timeout_s: float = 120.0, proc: subprocess.Popen | None = None) -> bool:
    """Poll `<api>/health` until the server answers (or its process died, or time ran out)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        if is_healthy(api_url):
            return True
        time.sleep(0.5)
    return False


def is_healthy(api_url: str) -> bool:
    """The Prefect API at `api_url` answers its /health."""
    try:
        with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, TimeoutError):
        return False


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: children get SIGTERM if `up` itself is killed, so none is left orphaned."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Child:
    """One supervised process (own session, so a terminal's Ctrl-C reaches only `up`)."""

    name: str
    argv: list[str]
    env: dict[str, str]
    restart: bool = True
    proc: subprocess.Popen | None = None
    starts: list[float] = field(default_factory=list)

    def start(self) -> None:
        self.starts.append(time.monotonic())
        self.proc = subprocess.Popen(
            self.argv, env=self.env, start_new_session=True, preexec_fn=_die_with_parent
        )

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def terminate(self) -> None:
        """SIGTERM the child's process group (its flow runs, dbt and parse children too)."""
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)

    def stop(self, deadline: float) -> None:
        """Wait for the child until `deadline` (monotonic), then SIGKILL its group."""
        if self.proc is None:
            return
        try:
            self.proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        with contextlib.suppress(ProcessLookupError, PermissionError):  # stragglers of the group
            os.killpg(self.proc.pid, signal.SIGKILL)


def stop_all(children: list[Child], grace_s: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM every child at once, then SIGKILL whatever still runs after `grace_s`: the whole
    stop takes at most the grace period, however many children there are."""
    for child in children:
        child.terminate()
    deadline = time.monotonic() + grace_s
    for child in children:
        child.stop(deadline)


class _Stop(Exception):
    pass


def server_file(settings: Settings) -> Path:
    """Where `baocao up` says which Prefect API it runs, for `baocao run` to find it."""
    return settings.home / ".prefect" / "baocao-server.json"


def write_server_file(settings: Settings, api_url: str) -> None:
    import json

    path = server_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"api_url": api_url, "pid": os.getpid()}), encoding="utf-8")


def running_api_url(settings: Settings) -> str | None:
    """The API of the `baocao up` serving this project, if it answers: the server file first,
    then BAOCAO_PREFECT_PORT / 4200 on 127.0.0.1."""
    import json

    candidates = []
    with contextlib.suppress(OSError, ValueError, KeyError):
        candidates.append(json.loads(server_file(settings).read_text(encoding="utf-8"))["api_url"])
    candidates.append(f"http://127.0.0.1:{os.environ.get('BAOCAO_PREFECT_PORT', '4200')}/api")
    return next((url for url in candidates if is_healthy(url)), None)


def up(settings: Settings, args: argparse.Namespace) -> int:
    """`baocao up`: Prefect server, the served ingest deployment and the watcher; Ctrl-C stops all."""
    host = getattr(args, "host", None) or "127.0.0.1"
    port = int(getattr(args, "port", None) or os.environ.get("BAOCAO_PREFECT_PORT", "4200"))
    settings.ensure_dirs()
    prefect_home = Path(os.environ.get("PREFECT_HOME", settings.home / ".prefect"))
    prefect_home.mkdir(parents=True, exist_ok=True)
    api_url = f"http://{host}:{port}/api"
    env = dict(os.environ)
    env.update(
        {
            "PREFECT_HOME": str(prefect_home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_API_URL": api_url,
            "PREFECT_UI_API_URL": api_url,
            "BAOCAO_HOME": str(settings.home),
            "PYTHONUNBUFFERED": "1",
        }
    )
    if not _port_free(host, port):
        print(
            f"baocao up: port {host}:{port} is in use (another Prefect server?); use --port", file=sys.stderr
        )
        return 2
    bindir = Path(sys.executable).parent
    prefect_exe = str(bindir / "prefect") if (bindir / "prefect").exists() else "prefect"
    server_env = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
    server = Child(
        "prefect server",
        [prefect_exe, "server", "start", "--host", host, "--port", str(port)],
        server_env,
        restart=False,
    )
    serve_argv = [sys.executable, "-m", "baocao.serve"]
    if getattr(args, "cron", None) is not None:
        serve_argv += ["--cron", args.cron]
    watch_argv = [sys.executable, "-m", "baocao.cli", "watch"]
    if getattr(args, "force_polling", False):
        watch_argv.append("--force-polling")
    children = [server, Child("warm dbt runner", [sys.executable, "-m", "baocao.builder"], env),
                Child("ingest deployment (serve)", serve_argv, env)]
    if not getattr(args, "no_watch", False):
        children.append(Child("inbox watcher", watch_argv, env))

    def _signal(signum: int, _frame: object) -> None:
        raise _Stop(signal.Signals(signum).name)

    old = {s: signal.signal(s, _signal) for s in (signal.SIGINT, signal.SIGTERM)}
    started: list[Child] = []
    code = 0
    try:
        print(
            f"baocao up: starting Prefect server on {host}:{port} (PREFECT_HOME={prefect_home})", flush=True
        )
        started.append(server)  # before start(): a signal in between must still stop it
        server.start()
        if not wait_for_health(
            api_url, timeout_s=float(getattr(args, "startup_timeout", None) or 180), proc=server.proc
        ):
            print("baocao up: the Prefect server did not become healthy", file=sys.stderr)
            code = 1
            raise _Stop("startup failed")
        for child in children[1:]:
            started.append(child)
            child.start()
        write_server_file(settings, api_url)
        print(
            f"baocao up: Prefect UI at http://{host}:{port}  (deployment ingest/ingest; inbox {settings.inbox})",
            flush=True,
        )
        print(
            f"baocao up: BI tools read {settings.read_copy} (read-only). Ctrl-C stops everything.", flush=True
        )
        while True:
            time.sleep(1)
            if not server.running():
                print("baocao up: the Prefect server exited; stopping", file=sys.stderr)
                code = 1
                raise _Stop("server exited")
            for child in children[1:]:
                if child.running():
                    continue
                recent = [t for t in child.starts if time.monotonic() - t < 60]
                if len(recent) >= 5:
                    print(f"baocao up: {child.name} keeps exiting; stopping", file=sys.stderr)
                    code = 1
                    raise _Stop("crash loop")
                print(
                    f"baocao up: {child.name} exited ({child.proc.returncode}); restarting", file=sys.stderr
                )
                child.start()
    except _Stop as why:
        print(f"baocao up: stopping ({why})", flush=True)
    finally:
        server_file(settings).unlink(missing_ok=True)
        # ignore further signals while children stop, in reverse order of start
        for s in old:
            signal.signal(s, signal.SIG_IGN)
        stop_all(list(reversed(started)))
        for s, handler in old.items():
            signal.signal(s, handler)
    print("baocao up: stopped", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(serve_main())
