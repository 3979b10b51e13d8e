"""What every reader shares: the error type, size limits, magic numbers and zip checks."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import zipfile
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024  # larger files are quarantined, not read
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a zip container may not declare more than this uncompressed
MAX_ZIP_RATIO = 100  # ... nor a member that expands more than this ...
ZIP_RATIO_MIN_SIZE = 10 * 1024 * 1024  # ... when it is also this large
MAX_ZIP_MEMBERS = 10_000

FOOTNOTE_MARK = "\ufffd"  # how Word's text export writes a footnote's number at the footnote
CATALOG = Path(__file__).resolve().parent.parent.parent / "catalog"
NEWLINE = re.compile(r"\r\n|\r|\n")


class UnreadableDocument(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")


_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (.docx/.xlsx/.zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls) or a password-protected one"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str | None:
    """What a file really is by its first bytes, for reasons like 'the file is a PNG image'."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def mb(n: int) -> str:
    """A size for people: '61.2 MB', '9.8 KB', '512 bytes'."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


def split_lines(text: str) -> list[str]:
    """File lines as editors and Python's universal newlines count them (CRLF, CR or LF).

    A final line ending does not start another line, so len() equals the file's line count.
    """
    lines = NEWLINE.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def check_zip(data: bytes, path: Path, max_unpacked: int, *, what: str, main_part: str) -> zipfile.ZipFile:
    """Open an Office zip container and reject bombs from the central directory, before inflating."""
    if data.startswith(OLE2):
        raise UnreadableDocument(
            path,
            f"not {what}: legacy Office file or password-protected file (OLE2 container)",
        )
    if not data.startswith(b"PK"):
        kind = sniff(data)
        raise UnreadableDocument(path, f"not {what}: not a zip file" + (f" (the file is {kind})" if kind else ""))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError (odd version/method), OSError, ...
        raise UnreadableDocument(path, f"not {what}: truncated or damaged zip ({exc})") from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnreadableDocument(path, f"zip bomb suspected: {len(infos)} members (limit {MAX_ZIP_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > max_unpacked:
        raise UnreadableDocument(
            path, f"zip bomb suspected: declares {mb(total)} uncompressed (limit {mb(max_unpacked)})"
        )
    for i in infos:
        ratio = i.file_size / max(1, i.compress_size)
        if i.file_size > ZIP_RATIO_MIN_SIZE and ratio > MAX_ZIP_RATIO:
            raise UnreadableDocument(
                path, f"zip bomb suspected: {i.filename} expands {ratio:.0f}x to {mb(i.file_size)}"
            )
    if main_part not in zf.namelist() and "[Content_Types].xml" not in zf.namelist():
        raise UnreadableDocument(path, f"not {what}: the zip has no {main_part}")
    try:
        bad = zf.testzip()  # CRC/inflate errors of a truncated or corrupted member
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, RuntimeError (encrypted member)
        raise UnreadableDocument(path, f"not {what}: damaged zip ({type(exc).__name__}: {exc})") from exc
    if bad is not None:
        raise UnreadableDocument(path, f"not {what}: damaged zip member {bad}")
    return zf


def render_number(value: float) -> str:
    """A stored number written the Vietnamese way, without grouping: 13603.4 -> '13603,4'."""
    v = round(value, 9)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return format(v, ".12g").replace(".", ",")


class DeadlinePassed(Exception):
    """A tool run by `run_bounded` did not finish in time (its process group was killed)."""


def run_bounded(cmd: list[str], deadline_s: float, *, cwd: str | None = None, env: dict[str, str] | None = None,
                stdout_path: Path | None = None) -> tuple[int, bytes, str]:
    """(exit code, stdout, stderr) of a converter or OCR tool run in its own process group; at the
    deadline the whole group (LibreOffice forks) is killed and DeadlinePassed raised; OSError
    when it cannot start. stdout goes to `stdout_path` when given."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE  # noqa: SIM115 - closed below
    try:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                cwd=cwd, env=env, start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=deadline_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise DeadlinePassed from None
    finally:
        if stdout_path:
            out.close()
    return proc.returncode, stdout or b"", stderr.decode("utf-8", "replace").strip()
