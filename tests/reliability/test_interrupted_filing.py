"""A run that dies after writing its ledger rows but before moving the files: the next run
moves them without recording them twice (the ledger stays one row per file)."""

from __future__ import annotations

import pytest

from .conftest import Home, record, variant

pytestmark = pytest.mark.slow


class Killed(BaseException):
    """Stands in for the process dying (not an Exception: nothing may catch it)."""


def test_killed_between_ledger_and_move(home: Home, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in home.env.items():
        if key.startswith("BAOCAO_"):
            monkeypatch.setenv(key, value)
    from baocao import inbox, ingest
    from baocao.settings import load_settings

    settings = load_settings()
    files = {"a.txt": variant(0, "a"), "b.txt": variant(1, "b")}
    for name, data in files.items():
        home.drop(name, data, mtime_back=5)

    def die(*_args, **_kwargs):
        raise Killed

    monkeypatch.setattr(inbox, "move_to_processed", die)
    with pytest.raises(Killed):
        ingest.apply_batch([ingest.prepare(settings.inbox / n) for n in sorted(files)], settings)
    assert set(files) <= home.inbox_names()
    assert [r["status"] for r in home.ledger()] == ["processed", "processed"]

    monkeypatch.undo()
    for key, value in home.env.items():
        if key.startswith("BAOCAO_"):
            monkeypatch.setenv(key, value)
    result = ingest.apply_batch([ingest.prepare(settings.inbox / n) for n in sorted(files)], settings)
    assert [o.status for o in result.outcomes] == ["processed", "processed"]
    assert all(o.recorded for o in result.outcomes)
    assert not (set(files) & home.inbox_names())
    assert len(home.ledger()) == 2, home.ledger()
    record(
        "run killed after its ledger rows, before moving the files",
        "next run only moves them: still one ledger row per file",
        True,
    )
