"""The inbox watcher: turn files landing in the drop folder into a few ingest flow runs.

Prefect has no folder watcher, so this process is ours. It
  - listens with `watchfiles` (inotify; `--force-polling` for network shares, where
    inotify misses changes),
  - ignores temporary and partial names (`~$…`, `.part`, `.crdownload`, dotfiles …),
  - waits until every changed file has kept its size and mtime for `stable_seconds`,
    so a burst of 100 copies becomes one trigger, not 100,
  - runs the ingest flow itself, in this long-lived process (`inline`, the default): a run
    tracked by the Prefect server like any other, without the 2-3 s a new flow-run process
    pays to import Prefect, and with the parser's forkserver already warm; builds go to the
    warm dbt runner of `baocao up` (builder.py). When the server does not answer it waits
    and retries with backoff; files wait in the inbox,
  - or (`--deployment-runs`) starts the `ingest/ingest` deployment with
    `run_deployment(timeout=0)`, skipping the trigger when a run of it is already waiting
    to start (it sweeps the whole inbox when it starts), so runs never pile up,
  - sweeps the inbox at start-up and every `recheck_seconds` (nothing is lost when an
    event is missed or coalesced, or a run crashed).

The flow always sweeps every pending file; a trigger carries no file list.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import stat
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from baocao.inbox import TEMPORARY_PREFIXES, TEMPORARY_SUFFIXES
from baocao.settings import Settings

log = logging.getLogger("baocao.watch")

DEPLOYMENT = "ingest/ingest"


def is_candidate_name(name: str) -> bool:
    """Whether a file name can be a report (not a temporary, partial or hidden file)."""
    return not (name.startswith(TEMPORARY_PREFIXES) or name.lower().endswith(TEMPORARY_SUFFIXES))


@dataclass
class WatchConfig:
    """Knobs of the watcher (CLI options, or BAOCAO_WATCH_* environment variables)."""

    inbox: Path
    deployment: str = DEPLOYMENT
    stable_seconds: float = 1.0  # size+mtime unchanged this long = the writer has closed the file
    max_wait_seconds: float = 15.0  # trigger for ready files even while others are still being written
    recheck_seconds: float = 30.0  # periodic sweep: stable files left in the inbox with no run under way
    retry_max_seconds: float = 30.0  # backoff cap while the Prefect server is unreachable
    force_polling: bool = False
    poll_ms: int = 250  # how often the loop wakes up without events (checks stability)
    inline: bool = True  # run the ingest flow in this process (else start a deployment run)


@dataclass
class _Tracked:
    signature: tuple[int, int]
    stable_since: float
    first_seen: float


@dataclass
class Watcher:
    """The watch loop's state machine; `step()` is called on every event batch and every tick."""

    config: WatchConfig
    tracked: dict[Path, _Tracked] = field(default_factory=dict)
    triggers: int = 0
    skipped: int = 0
    failures: int = 0
    _next_attempt: float = 0.0
    _backoff: float = 0.0
    _last_recheck: float = 0.0

    # -- files -------------------------------------------------------------------------
    def note(self, path: Path) -> None:
        """Track a changed (or found) file until it is stable."""
        if not is_candidate_name(path.name):
            return
        try:
            st = path.stat()
        except OSError:  # gone again, or unreadable: the next event or sweep sees it
            self.tracked.pop(path, None)
            return
        if not stat.S_ISREG(st.st_mode):
            return
        now = time.monotonic()
        sig = (st.st_size, st.st_mtime_ns)
        item = self.tracked.get(path)
        if item is None:
            self.tracked[path] = _Tracked(sig, now, now)
        elif item.signature != sig:
            item.signature, item.stable_since = sig, now

    def sweep_inbox(self) -> int:
        """Track every candidate file already in the inbox (start-up and periodic sweep)."""
        found = 0
        try:
            entries = list(self.config.inbox.iterdir())
        except FileNotFoundError:
            return 0
        for path in entries:
            if is_candidate_name(path.name) and path not in self.tracked:
                self.note(path)
                found += path in self.tracked
        return found

    def _refresh(self, now: float) -> tuple[list[Path], list[Path]]:
        ready, busy = [], []
        for path, item in list(self.tracked.items()):
            try:
                st = path.stat()
            except OSError:  # taken by a run, renamed or deleted
                del self.tracked[path]
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if sig != item.signature:
                item.signature, item.stable_since = sig, now
            (ready if now - item.stable_since >= self.config.stable_seconds else busy).append(path)
        return ready, busy

    # -- the loop body -----------------------------------------------------------------
    def step(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if now - self._last_recheck >= self.config.recheck_seconds:
            self._last_recheck = now
            self._recheck()
        ready, busy = self._refresh(now)
        if not ready or now < self._next_attempt:
            return
        oldest = min(self.tracked[p].first_seen for p in ready)
        if busy and now - oldest < self.config.max_wait_seconds:
            return  # a burst is still landing: one trigger for all of it
        if self.trigger(len(ready)):
            for path in ready:
                self.tracked.pop(path, None)
            self._backoff = 0.0
        else:
            self._backoff = min(max(1.0, self._backoff * 2), self.config.retry_max_seconds)
            self._next_attempt = now + self._backoff
            log.warning("will retry in %.0fs; %d file(s) wait in the inbox", self._backoff, len(ready))

    def _recheck(self) -> None:
        """Files still in the inbox while no run is under way are tracked (and triggered) again."""
        try:
            if active_runs(self.config.deployment, include_running=True):
                return  # a run under way takes them, or the next recheck finds them
        except Exception:
            pass  # server down: track them anyway; step() retries the trigger with backoff
        found = self.sweep_inbox()
        if found:
            log.info("sweep: %d file(s) waiting in the inbox with no run under way", found)

    # -- Prefect -----------------------------------------------------------------------
    def trigger(self, files: int) -> bool:
        """Ingest the ready files (inline), or start the deployment unless a run is already
        waiting; False if Prefect is unreachable."""
        if self.config.inline:
            return self.run_inline(files)
        try:
            waiting = active_runs(self.config.deployment, include_running=False)
            if waiting:
                self.skipped += 1
                log.info("%d file(s) ready; run %s is already waiting and will sweep them", files, waiting[0])
                return True
            from prefect.deployments import run_deployment

            run = run_deployment(
                name=self.config.deployment,
                timeout=0,
                parameters={"settle_seconds": self.config.stable_seconds},
                tags=["watcher"],
                as_subflow=False,
            )
        except Exception as exc:
            self.failures += 1
            log.warning("cannot start %s: %s: %s", self.config.deployment, type(exc).__name__, str(exc)[:200])
            return False
        self.triggers += 1
        log.info("%d file(s) ready; started flow run %s (%s)", files, run.name, run.id)
        return True


    def run_inline(self, files: int) -> bool:
        """Run the ingest flow here (it sweeps the whole inbox). shutdown.Interrupted (SIGTERM
        during the run) propagates: the watcher stops."""
        from prefect import tags
        from prefect.settings import PREFECT_API_URL

        from baocao.serve import is_healthy

        api = PREFECT_API_URL.value()
        if api and not is_healthy(api):
            self.failures += 1
            log.warning("cannot start %s: the Prefect server at %s does not answer", self.config.deployment, api)
            return False
        from baocao.pipeline import ingest_flow

        self.triggers += 1
        started = time.monotonic()
        try:
            with tags("watcher"):
                result = ingest_flow(settle_seconds=self.config.stable_seconds)
        except Exception as exc:  # the flow failed: its run says why; the files stay in the inbox
            log.warning("ingest run failed: %s: %s", type(exc).__name__, str(exc)[:300])
            return True
        log.info("%d file(s) ready; ingested in %.1f s: %s", files, time.monotonic() - started,
                 result.get("counts") if isinstance(result, dict) else result)
        return True


def active_runs(deployment: str, *, include_running: bool) -> list[str]:
    """Ids of the deployment's runs that have not finished and are due now.

    Scheduled covers Late and AwaitingConcurrencySlot; future cron runs do not count (they may be minutes away).
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterDeploymentId,
        FlowRunFilterExpectedStartTime,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    types = [StateType.SCHEDULED, StateType.PENDING] + ([StateType.RUNNING] if include_running else [])
    with get_client(sync_client=True) as client:
        dep = client.read_deployment_by_name(deployment)
        runs = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                deployment_id=FlowRunFilterDeploymentId(any_=[dep.id]),
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=types)),
                expected_start_time=FlowRunFilterExpectedStartTime(
                    before_=datetime.now(UTC) + timedelta(seconds=2)
                ),
            ),
            sort=FlowRunSort.EXPECTED_START_TIME_ASC,  # explicit: this server rejects sort=None
            limit=5,
        )
    return [str(r.id) for r in runs]


def watch_loop(config: WatchConfig, stop: threading.Event) -> Watcher:
    """Run until `stop` is set; returns the watcher (its counters) for tests and logs."""
    import watchfiles

    config.inbox.mkdir(parents=True, exist_ok=True)
    watcher = Watcher(config)
    found = watcher.sweep_inbox()
    watcher._last_recheck = time.monotonic()
    log.info(
        "watching %s (%s); %d file(s) already waiting; stable after %.1fs",
        config.inbox,
        "polling" if config.force_polling else "native events",
        found,
        config.stable_seconds,
    )
    watcher.step()
    for changes in watchfiles.watch(
        config.inbox,
        watch_filter=None,
        debounce=400,
        step=50,
        stop_event=stop,
        rust_timeout=config.poll_ms,
        yield_on_timeout=True,
        force_polling=config.force_polling,
        poll_delay_ms=300,
        recursive=False,
        raise_interrupt=False,
    ):
        try:
            for _change, raw in changes:
                watcher.note(Path(raw))
            watcher.step()
        except Exception:  # never let one odd file or API answer stop the watcher
            log.exception("watch step failed; continuing")
    log.info(
        "watcher stopped: %d trigger(s), %d skipped (run already waiting), %d failed attempt(s)",
        watcher.triggers,
        watcher.skipped,
        watcher.failures,
    )
    return watcher


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def config_from(settings: Settings, args: argparse.Namespace | None = None) -> WatchConfig:
    """CLI options win over BAOCAO_WATCH_* variables, which win over the defaults."""

    def pick(attr: str, env: str, default: float) -> float:
        value = getattr(args, attr, None) if args is not None else None
        return float(value) if value is not None else _env_float(env, default)

    force = bool(getattr(args, "force_polling", False)) or os.environ.get(
        "BAOCAO_WATCH_FORCE_POLLING", ""
    ) in {"1", "true", "yes"}
    return WatchConfig(
        inbox=settings.inbox,
        deployment=(
            getattr(args, "deployment", None) or os.environ.get("BAOCAO_WATCH_DEPLOYMENT") or DEPLOYMENT
        ),
        stable_seconds=pick("stable_seconds", "BAOCAO_WATCH_STABLE_SECONDS", 1.0),
        max_wait_seconds=pick("max_wait_seconds", "BAOCAO_WATCH_MAX_WAIT_SECONDS", 15.0),
        recheck_seconds=pick("recheck_seconds", "BAOCAO_WATCH_RECHECK_SECONDS", 30.0),
        retry_max_seconds=pick("retry_max_seconds", "BAOCAO_WATCH_RETRY_MAX_SECONDS", 30.0),
        force_polling=force,
        inline=not bool(getattr(args, "deployment_runs", False))
        and os.environ.get("BAOCAO_WATCH_DEPLOYMENT_RUNS", "") not in {"1", "true", "yes"},
    )


def run(settings: Settings, args: argparse.Namespace | None = None) -> int:
    """`baocao watch`: watch the inbox until SIGINT/SIGTERM; exit 0."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s watch: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("watchfiles").setLevel(logging.WARNING)
    config = config_from(settings, args)
    stop = threading.Event()

    def _stop(signum: int, _frame: object) -> None:
        log.info("received %s, stopping", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    from baocao import shutdown

    try:
        watch_loop(config, stop)
    except shutdown.Interrupted as exc:  # a stop during an inline run: files not filed stay in the inbox
        log.info("%s during an ingest run; files not yet filed stay in the inbox", exc)
    return 0
