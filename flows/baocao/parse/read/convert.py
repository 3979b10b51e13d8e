"""Legacy formats (.doc, .rtf, .odt) through a real converter, in a child process with a deadline.

LibreOffice headless converts to .docx, which the Word reader then reads (tables included);
it runs with a private, throw-away user profile (so two conversions never share one) and
LibreOffice's default macro security, which runs no document macros. Without LibreOffice a
.doc is read by `antiword` as text (no tables); without either the reason says what to install.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from baocao.parse.read.common import DeadlinePassed, UnreadableDocument, run_bounded, split_lines
from baocao.parse.read.model import SourceText


def timeout_s() -> int:
    """BAOCAO_CONVERT_TIMEOUT_SECONDS (120), read when a file is converted."""
    try:
        return int(os.environ.get("BAOCAO_CONVERT_TIMEOUT_SECONDS", "120"))
    except ValueError:
        return 120
INSTALL_HINT = "install libreoffice-writer-nogui (or antiword for .doc text only): `make system-deps`"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, path: Path, suffix: str, *, deadline_s: int | None = None) -> bytes:
    """The .docx LibreOffice makes of a legacy Word/RTF/ODF file."""
    exe = soffice()
    if exe is None:
        raise UnreadableDocument(path, f"{suffix} needs LibreOffice to be read, which is not installed; {INSTALL_HINT}")
    deadline_s = deadline_s or timeout_s()
    with tempfile.TemporaryDirectory(prefix="baocao-convert-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        out_dir = Path(tmp) / "out"
        cmd = [exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore", "--nologo",
               "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(src)]
        stderr = _run(cmd, path, "LibreOffice", deadline_s, cwd=tmp)
        result = out_dir / "in.docx"
        if not result.is_file():
            said = [ln for ln in stderr.splitlines() if "javaldx" not in ln and ln.strip()]
            raise UnreadableDocument(
                path, f"LibreOffice could not convert the {suffix} file (damaged or password-protected?): "
                      f"{said[-1] if said else 'no output'}")
        return result.read_bytes()


def doc_text(data: bytes, path: Path, *, deadline_s: int | None = None) -> SourceText:
    """A .doc's text by antiword, when LibreOffice is missing: paragraphs, no tables as grids."""
    exe = shutil.which("antiword")
    if exe is None:
        raise UnreadableDocument(path, f".doc needs LibreOffice or antiword to be read, neither is installed; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="baocao-antiword-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        out = Path(tmp) / "out.txt"
        _run([exe, "-m", "UTF-8.txt", "-w", "0", str(src)], path, "antiword", deadline_s or timeout_s(), stdout=out)
        text = out.read_text(encoding="utf-8", errors="replace")
    return SourceText(split_lines(text), notes=["read by antiword (LibreOffice not installed): tables as text"])


def _run(cmd: list[str], path: Path, tool: str, deadline_s: int, *, cwd: str | None = None,
         stdout: Path | None = None) -> str:
    """Run a converter in its own process group (common.run_bounded); its stderr's tail."""
    env = {**os.environ, "HOME": cwd or tempfile.gettempdir(), "SAL_USE_VCLPLUGIN": "svp"}
    try:
        code, _, message = run_bounded(cmd, deadline_s, cwd=cwd, env=env, stdout_path=stdout)
    except OSError as exc:
        raise UnreadableDocument(path, f"{tool} could not be started: {exc}") from exc
    except DeadlinePassed:
        raise UnreadableDocument(path, f"{tool} did not finish converting the file within {deadline_s} s") from None
    if code != 0:
        raise UnreadableDocument(path, f"{tool} failed on the file (exit {code}): {message[-300:] or 'no message'}")
    return message[-300:]
