"""A prompt, clean stop on SIGTERM/SIGINT.

The handler only sets a flag; the long steps (parsing children, loading versions, the dbt
child) check it between units of work, kill their children and raise `Interrupted`. What
was not yet filed away stays in the inbox for the next run; a version already loaded but
not yet filed is recovered by it (see ingest.py), so the warehouse stays consistent.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_requested = threading.Event()
_signal_name: list[str] = []


class Interrupted(BaseException):
    """A stop was requested: the current batch ends here, unfiled files stay in the inbox.
    A BaseException, like KeyboardInterrupt, so that no `except Exception` swallows it."""


def request(reason: str = "stop requested") -> None:
    _signal_name.append(reason)
    _requested.set()


def check() -> None:
    """Raise `Interrupted` when a stop was requested."""
    if _requested.is_set():
        raise Interrupted(f"stopped by {_signal_name[-1] if _signal_name else 'request'}")


@contextmanager
def raise_on_signals() -> Iterator[None]:
    """For a command's whole run: SIGTERM/SIGINT raise `Interrupted` at once (start-up,
    waiting), except inside `handle_signals` blocks, which stop at their next check."""
    with _on_signals(raise_at_once=True):
        yield


@contextmanager
def handle_signals() -> Iterator[None]:
    """Turn SIGTERM/SIGINT into a stop request while the block runs (main thread only;
    elsewhere the block runs with the process's handlers unchanged)."""
    with _on_signals(raise_at_once=False):
        yield


def exit_code() -> int:
    """128 + the signal's number, as a shell reports a process stopped by it."""
    name = _signal_name[-1] if _signal_name else "SIGTERM"
    return 128 + int(getattr(signal, name, signal.SIGTERM))


@contextmanager
def _on_signals(raise_at_once: bool) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():  # only the main thread gets signals
        yield
        return

    def _on_signal(signum: int, _frame: object) -> None:
        request(signal.Signals(signum).name)
        if raise_at_once:
            raise Interrupted(f"stopped by {signal.Signals(signum).name}")

    old = {s: signal.signal(s, _on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
