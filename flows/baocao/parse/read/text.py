"""Plain text (.txt/.md): detect the encoding, never assume it.

BOM, BOM-less UTF-16 by its NUL pattern, strict UTF-8, then Windows-1258 vs TCVN3 (table in
catalog/tcvn3.csv) by which decoding reads as Vietnamese syllables, with charset-normalizer
for other 8-bit files. Lines are the file's own lines: only decoded and NFC-normalised.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from baocao.parse.read.common import CATALOG, UnreadableDocument, sniff, split_lines
from baocao.parse.read.model import SourceText

# C0 controls that never occur in text (tab, LF, VT, FF, CR and SUB/EOF are allowed).
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")


def decode_text(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode report bytes: BOM, UTF-16 by NUL pattern, strict UTF-8, then cp1258 vs TCVN3.

    Legacy 8-bit files are decoded both ways and the one that reads as Vietnamese wins
    (share of valid syllables); charset-normalizer covers other 8-bit encodings.
    """
    text = _decode_unicode(data, path)
    if text is None:
        text = _decode_legacy(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise UnreadableDocument(path, "no text: the file contains only whitespace")
    text = text.replace("\x00", "\ufffd")  # one character for one: columns stay put
    bad = len(_BAD_CONTROL.findall(text))
    if bad > max(8, len(text) // 100):
        raise UnreadableDocument(
            path, f"not text: {bad} control characters in {len(text)} characters (binary file renamed?)"
        )
    return text


def _decode_unicode(data: bytes, path: Path | str) -> str | None:
    """UTF-32/16 with BOM, BOM-less UTF-16, UTF-8; None when the bytes are none of these."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                if codec == "utf-8":
                    break  # a BOM then bad bytes: let the mostly-UTF-8 rule below decide
                continue
    if b"\x00" in data:
        codec = _utf16_by_nuls(data)
        if codec:
            try:
                return data[: len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                pass
        nuls = data.count(0)
        if nuls * 1000 > len(data):
            raise UnreadableDocument(
                path, f"not text: contains {nuls} NUL bytes and is not UTF-16 (binary file renamed?)"
            )
        # a few stray NULs in a text file (a damaged copy): read on, they become U+FFFD below
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few damaged bytes (a bad copy/paste): keep it, mark the damage.
    valid_multibyte = len(_UTF8_MULTIBYTE.findall(body))
    text = body.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - body.count(b"\xef\xbf\xbd")
    if valid_multibyte >= 20 and damaged * 50 <= valid_multibyte:
        return text
    return None


_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf16_by_nuls(data: bytes) -> str | None:
    """BOM-less UTF-16: text has NULs as the high byte of most characters, on one side only."""
    even, odd = data[0::2], data[1::2]
    n = max(1, len(data) // 2)
    even_nul, odd_nul = even.count(0) / n, odd.count(0) / n
    if odd_nul > 0.2 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.2 and odd_nul < 0.02:
        return "utf-16-be"
    return None


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    """TCVN3 (ABC) byte -> character, from catalog/tcvn3.csv; other bytes as in cp1252.

    The CSV holds the 74 VN3 letters and the VN1 capitals in the positions VN3 leaves free;
    0x80-0x9F stay cp1252 (smart quotes, dashes), as Windows wrote them in ABC-font files.
    """
    table = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)}
    with open(CATALOG / "tcvn3.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            table[int(row["byte"], 16)] = chr(int(row["codepoint"][2:], 16))
    return table


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 bytes; words set in the capitals font (ABC has no toned capitals) are upper-cased."""
    text = data.decode("latin-1").translate(_tcvn3_translation())
    return _restore_tcvn3_capitals(unicodedata.normalize("NFC", text))


@lru_cache(maxsize=1)
def _tcvn3_translation() -> dict[int, str]:
    return {b: ch for b, ch in _tcvn3_table().items() if ch != chr(b)}


_WORD = re.compile(r"[^\W\d_]+")


def _restore_tcvn3_capitals(text: str) -> str:
    """TCVN3 has no code for Á, Ệ...: a heading typed in .VnTimeH comes out as 'BáO CáO'.

    A line whose ASCII letters are all capitals (at least two) is upper-cased; elsewhere a word
    with two or more capitals and no ASCII lower-case letter is. Upper-casing is 1:1 for these
    letters, so columns are unchanged.
    """
    out = []
    for line in text.split("\n"):
        ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
            out.append(line.upper())
            continue

        def fix(m: re.Match[str]) -> str:
            w = m.group(0)
            if sum(c.isupper() for c in w) >= 2 and not any(c.isascii() and c.islower() for c in w):
                return w.upper()
            return w

        out.append(_WORD.sub(fix, line))
    return "\n".join(out)


# Vietnamese syllable shape, on the lower-cased word with its tone mark removed.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:[aăâeêioôơuưy]{1,3})"
    r"(?:ch|ng|nh|c|m|n|p|t)?"
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_COMMON_SYMBOLS = set("“”‘’–—…•°±×÷§№€£«»·\u00a0\ufeff")


def vietnamese_score(text: str) -> float:
    """Share of non-ASCII words that are valid Vietnamese syllables (mojibake scores near 0).

    Odd symbols (¸ µ ¶ ...) that a wrong 8-bit decoding produces count as failures.
    """
    good = total = 0
    for m in _WORD.finditer(text):
        w = m.group(0)
        if w.isascii():
            continue
        total += 1
        decomposed = unicodedata.normalize("NFD", w.lower())
        tones = sum(c in _TONES for c in decomposed)
        bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        if tones <= 1 and _SYLLABLE.fullmatch(bare):
            good += 1
    for c in text:
        if not c.isascii() and c not in _COMMON_SYMBOLS and not c.isalpha():
            total += 1
    return good / total if total else 1.0


def _decode_legacy(data: bytes, path: Path | str) -> str:
    """Choose between Windows-1258, TCVN3 and charset-normalizer's guess by Vietnamese plausibility."""
    candidates: dict[str, str] = {
        "cp1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        "tcvn3": decode_tcvn3(data),
    }
    scores = {name: vietnamese_score(text) for name, text in candidates.items()}
    best = max(scores, key=lambda k: (scores[k], k == "cp1258"))
    if scores[best] >= 0.6:
        return candidates[best]
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data).best()
    except Exception:  # detection is best effort
        guess = None
    if guess is not None and guess.chaos < 0.3:
        text = str(guess)
        if vietnamese_score(text) >= max(scores.values()):
            return unicodedata.normalize("NFC", text)
    if scores[best] >= 0.3:
        return candidates[best]
    if len(_HIGH_BYTES.findall(data)) <= 0.02 * len(data):
        return candidates["cp1258"]  # plain text with a few odd bytes (a non-Vietnamese 8-bit file)
    raise UnreadableDocument(
        path,
        "not text: the bytes do not decode to readable text in UTF-8, UTF-16, Windows-1258 or TCVN3 "
        f"(best: {best}, {scores[best]:.0%} valid Vietnamese words)",
    )


def read_text(data: bytes, path: Path) -> SourceText:
    kind = sniff(data)
    if kind is not None:
        raise UnreadableDocument(path, f"not text: the file is {kind} (wrong extension?)")
    return SourceText(split_lines(decode_text(data, path)))
