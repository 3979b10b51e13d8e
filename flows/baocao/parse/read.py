"""Turn a report file into NFC-normalised text lines.

Line numbers matter: a fact's anchor is (line, col) in these lines, which for .txt/.md are
the lines of the file itself.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


class UnreadableDocument(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")


def read_lines(path: Path | str) -> list[str]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(path, f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot open: {exc.strerror or exc}") from exc
    if not data.strip():
        raise UnreadableDocument(path, "empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(path, f"not UTF-8 text: {exc}") from exc
    return [unicodedata.normalize("NFC", line) for line in text.split("\n")]
