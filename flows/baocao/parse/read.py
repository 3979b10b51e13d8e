"""Turn a report file into NFC-normalised text lines.

Line numbers matter: a fact's anchor is (line, col) in these lines, which for .txt/.md are
the lines of the file itself (line i of the list is line i+1 of the file: only decoded,
NFC-normalised and with the line ending removed; nothing is joined, stripped or dropped).
Line endings are CRLF, LF or a lone CR (Python's universal newlines); a final line ending
does not start an empty last line, so len() is the file's line count.

Text encodings are detected, never assumed: BOM, BOM-less UTF-16 by its NUL pattern, strict
UTF-8, then Windows-1258 vs TCVN3 (table in catalog/tcvn3.csv) by which decoding reads as
Vietnamese syllables, with charset-normalizer for other 8-bit files.

.docx and .pdf are rendered to the same shape as Word's own "save as text" exports, which is
what the extractor is tuned on: one line per paragraph (list numbers written out), a table row
per line with cells joined by " | ", a line break where a footnote mark stood, and after the
body (and one blank line) one line per footnote, then endnote, starting with "\ufffd ".
PDF visual lines are joined back into paragraphs and page numbers dropped.

Every failure is an `UnreadableDocument` carrying a human reason (the pipeline quarantines
the file and shows the reason); nothing here returns an empty list.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")

MAX_BYTES = 50 * 1024 * 1024  # larger files are quarantined, not read
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a .docx may not declare more than this uncompressed
MAX_ZIP_RATIO = 100  # ... nor a member that expands more than this ...
ZIP_RATIO_MIN_SIZE = 10 * 1024 * 1024  # ... when it is also this large
MAX_ZIP_MEMBERS = 10_000

FOOTNOTE_MARK = "\ufffd"  # how Word's text export writes a footnote's number at the footnote
_CATALOG = Path(__file__).resolve().parent.parent / "catalog"


class UnreadableDocument(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")


def read_lines(
    path: Path | str, *, max_bytes: int = MAX_BYTES, max_unpacked_bytes: int = MAX_UNPACKED_BYTES
) -> list[str]:
    """Read a .txt/.md/.docx/.pdf report as NFC lines; raise UnreadableDocument with the reason.

    The size limit is checked before anything is read, so a huge upload costs nothing;
    `max_unpacked_bytes` bounds what a .docx may declare uncompressed (zip bombs).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(
            path,
            f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
    try:
        if not path.is_file():
            raise UnreadableDocument(path, "not a file" if path.exists() else "file not found")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(
                path,
                f"file too large: {_mb(size)} exceeds the limit of {_mb(max_bytes)} ({size} > {max_bytes} bytes)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot open: {exc.strerror or exc}") from exc
    if not data:
        raise UnreadableDocument(path, "empty file (0 bytes)")
    if len(data) > max_bytes:  # grew between stat and read
        raise UnreadableDocument(
            path, f"file too large: {_mb(len(data))} exceeds the limit of {_mb(max_bytes)}"
        )

    kind = sniff(data)
    if suffix in (".txt", ".md"):
        if kind is not None:
            raise UnreadableDocument(path, f"not text: the file is {kind} (wrong extension?)")
        lines = _split_lines(decode_text(data, path))
    elif suffix == ".docx":
        lines = _docx_lines(data, path, max_unpacked_bytes)
    else:
        lines = _pdf_lines(data, path)
    lines = [unicodedata.normalize("NFC", line) for line in lines]
    if not any(line.strip() for line in lines):
        raise UnreadableDocument(path, "no text: the file contains only whitespace")
    return lines


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


def sniff(data: bytes) -> str | None:
    """What a file really is by its first bytes, for reasons like 'the file is a PNG image'."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def _mb(n: int) -> str:
    """A size for people: '61.2 MB', '9.8 KB', '512 bytes'."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


# ---------------------------------------------------------------------------------------------
# Plain text: detect the encoding (never assume it)
# ---------------------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")
# C0 controls that never occur in text (tab, LF, VT, FF, CR and SUB/EOF are allowed).
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")


def _split_lines(text: str) -> list[str]:
    """File lines as editors and Python's universal newlines count them (CRLF, CR or LF).

    A final line ending does not start another line, so len() equals the file's line count.
    """
    lines = _NEWLINE.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


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
    with open(_CATALOG / "tcvn3.csv", encoding="utf-8", newline="") as f:
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


# ---------------------------------------------------------------------------------------------
# .docx: body paragraphs and tables in order, footnotes as Word's text export writes them
# ---------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {
    _W + t
    for t in (
        "delText",
        "instrText",
        "delInstrText",
        "pPr",
        "rPr",
        "tblPr",
        "tcPr",
        "trPr",
        "sectPr",
        "footnoteRef",
        "endnoteRef",
        "annotationRef",
        "commentReference",
    )
}
_SKIP.add(_MC_FALLBACK)
_WRAPPERS = {_W + t for t in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo")}
_BREAK = object()  # a line break inside a paragraph (footnote mark, <w:br/>, <w:cr/>)


def _check_zip(data: bytes, path: Path, max_unpacked: int) -> zipfile.ZipFile:
    """Open the .docx container and reject bombs from the central directory, before inflating."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(
            path,
            "not a Word document: legacy .doc or password-protected file (OLE2 container); save it as .docx",
        )
    if not data.startswith(b"PK"):
        kind = sniff(data)
        raise UnreadableDocument(
            path, "not a Word document: not a zip file" + (f" (the file is {kind})" if kind else "")
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError (odd version/method), OSError, ...
        raise UnreadableDocument(path, f"not a Word document: truncated or damaged zip ({exc})") from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnreadableDocument(path, f"zip bomb suspected: {len(infos)} members (limit {MAX_ZIP_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > max_unpacked:
        raise UnreadableDocument(
            path, f"zip bomb suspected: declares {_mb(total)} uncompressed (limit {_mb(max_unpacked)})"
        )
    for i in infos:
        ratio = i.file_size / max(1, i.compress_size)
        if i.file_size > ZIP_RATIO_MIN_SIZE and ratio > MAX_ZIP_RATIO:
            raise UnreadableDocument(
                path, f"zip bomb suspected: {i.filename} expands {ratio:.0f}x to {_mb(i.file_size)}"
            )
    if "word/document.xml" not in zf.namelist() and "[Content_Types].xml" not in zf.namelist():
        raise UnreadableDocument(path, "not a Word document: the zip has no word/document.xml")
    return zf


def _docx_lines(data: bytes, path: Path, max_unpacked: int = MAX_UNPACKED_BYTES) -> list[str]:
    zf = _check_zip(data, path, max_unpacked)
    try:
        bad = zf.testzip()  # CRC/inflate errors of a truncated or corrupted member
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, RuntimeError (encrypted member)
        raise UnreadableDocument(
            path, f"not a Word document: damaged zip ({type(exc).__name__}: {exc})"
        ) from exc
    if bad is not None:
        raise UnreadableDocument(path, f"not a Word document: damaged zip member {bad}")
    try:
        parts = _parts_via_python_docx(data, zf, path)
        return _render_docx(*parts)
    except UnreadableDocument:
        raise
    except Exception as exc:  # malformed XML, missing parts: a reason, never a crash
        raise UnreadableDocument(path, f"damaged Word document: {type(exc).__name__}: {exc}") from exc


def _xml(blob: bytes):
    from lxml import etree

    return etree.fromstring(
        blob, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    )


def _parts_via_python_docx(data: bytes, zf: zipfile.ZipFile, path: Path) -> tuple:
    """(body, notes roots, numbering root, styles root) via python-docx's package and relationships.

    python-docx refuses Word files whose main part has another content type (.docm, .dotx):
    those are read from the zip's usual part names instead.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise UnreadableDocument(path, f"not a Word document: {exc}") from exc
    except ValueError as exc:  # main part is not a .docx document
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            m = re.search(r"content type is '([^']*)'", str(exc))
            what = f"its main part is {m.group(1)}" if m else str(exc)
            raise UnreadableDocument(path, f"not a Word document: {what}") from exc
        optional = {
            n: _xml(zf.read(f"word/{n}.xml"))
            for n in ("footnotes", "endnotes", "numbering", "styles")
            if f"word/{n}.xml" in names
        }
        body = _xml(zf.read("word/document.xml")).find(_W + "body")
        if body is None:
            raise UnreadableDocument(path, "not a Word document: word/document.xml has no body") from exc
        notes = [optional[n] for n in ("footnotes", "endnotes") if n in optional]
        return body, notes, optional.get("numbering"), optional.get("styles")
    notes, numbering, styles = [], None, None
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in ("footnotes", "endnotes"):
            notes.append(_xml(rel.target_part.blob))
        elif kind == "numbering":
            numbering = _xml(rel.target_part.blob)
        elif kind == "styles":
            styles = _xml(rel.target_part.blob)
    return document.element.body, notes, numbering, styles


def _render_docx(body, note_roots: list, numbering_root, styles_root) -> list[str]:
    """Body lines, a blank line, then one '\ufffd text' line per footnote/endnote in mark order."""
    numbering = _Numbering(numbering_root, styles_root)
    renderer = _DocxRenderer(numbering=numbering)
    lines = renderer.block_lines(body)
    notes: dict[tuple[str, str], str] = {}
    flat = _DocxRenderer(flat=True, numbering=numbering)
    for root in note_roots:
        kind = "footnote" if root.tag == _W + "footnotes" else "endnote"
        for note in root.iter(_W + kind):
            if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = flat.block_lines(note)
            notes[(kind, note.get(_W + "id", ""))] = " ".join(p.strip() for p in paras if p.strip())
    order = [key for key in renderer.note_order if key in notes]
    order += [key for key in notes if key not in renderer.note_order]  # unreferenced notes last
    order.sort(key=lambda key: key[0] == "endnote")  # footnotes, then endnotes (each in mark order)
    tail = [f"{FOOTNOTE_MARK} {notes[key]}" for key in order]
    if tail and lines and lines[-1].strip():
        lines.append("")  # the text exports also set the notes apart from the body
    return [*lines, *tail]


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_BULLETS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0d8": "➢",
    "\uf076": "❖",
    "\uf0fc": "✓",
    "\uf0a8": "□",
    "\uf06e": "■",
}


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


class _Numbering:
    """Word's automatic list labels ('1.', 'a)', 'II-', bullets), which the text export writes out.

    Counters follow Word: lists sharing an abstract definition continue one another unless a
    startOverride restarts them; a level restarts after a higher level is used.
    """

    _FORMATS = {
        "decimal": str,
        "decimalZero": lambda n: f"{n:02d}",
        "lowerLetter": _letters,
        "upperLetter": lambda n: _letters(n).upper(),
        "lowerRoman": _roman,
        "upperRoman": lambda n: _roman(n).upper(),
        "none": lambda n: "",
    }

    def __init__(self, numbering_root, styles_root):
        self.levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering_root is not None:
            for absnum in numbering_root.iter(_W + "abstractNum"):
                levels = {}
                for lvl in absnum.iter(_W + "lvl"):
                    levels[_int(lvl.get(_W + "ilvl"))] = (
                        _int(_val(lvl, "start"), 1),
                        _val(lvl, "numFmt") or "decimal",
                        _val(lvl, "lvlText") or "",
                        _val(lvl, "suff") or "tab",
                    )
                self.levels[absnum.get(_W + "abstractNumId", "")] = levels
            for num in numbering_root.iter(_W + "num"):
                overrides = {}
                for ov in num.iter(_W + "lvlOverride"):
                    start = _val(ov, "startOverride")
                    if start is not None:
                        overrides[_int(ov.get(_W + "ilvl"))] = _int(start, 1)
                self.nums[num.get(_W + "numId", "")] = (_val(num, "abstractNumId") or "", overrides)
        if styles_root is not None:
            for style in styles_root.iter(_W + "style"):
                sid = style.get(_W + "styleId", "")
                based = _val(style, "basedOn")
                if based:
                    self.style_parent[sid] = based
                ppr = style.find(_W + "pPr")
                numpr = ppr.find(_W + "numPr") if ppr is not None else None
                if numpr is not None:
                    ilvl = _val(numpr, "ilvl")
                    self.style_num[sid] = (_val(numpr, "numId"), _int(ilvl) if ilvl is not None else None)

    def label(self, p) -> str:
        """The label of paragraph p (advancing the counters), or ''."""
        if not self.nums:
            return ""
        ppr = p.find(_W + "pPr")
        num_id, ilvl = None, None
        if ppr is not None:
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                num_id, lvl = _val(numpr, "numId"), _val(numpr, "ilvl")
                ilvl = _int(lvl) if lvl is not None else None
            style = _val(ppr, "pStyle")
            seen = set()
            while style and style not in seen and (num_id is None or ilvl is None):
                seen.add(style)
                s_num, s_lvl = self.style_num.get(style, (None, None))
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_lvl
                style = self.style_parent.get(style)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = ilvl or 0
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl_no, start in overrides.items():
                counts[lvl_no] = start - 1
        counts[ilvl] = counts.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        _start, fmt, text, suff = levels[ilvl]
        if fmt == "bullet":
            label = "".join(_BULLETS.get(c, "•" if "\ue000" <= c <= "\uf8ff" else c) for c in text)
        else:

            def number(m: re.Match[str]) -> str:
                k = int(m.group(1)) - 1
                n = counts.get(k, levels.get(k, (1,))[0])
                return self._FORMATS.get(levels.get(k, (0, "decimal"))[1], str)(n)

            label = re.sub(r"%([1-9])", number, text)
        if not label.strip():
            return ""
        return label + ("" if suff == "nothing" else " ")


def _val(el, tag: str) -> str | None:
    child = el.find(_W + tag)
    return child.get(_W + "val") if child is not None else None


def _int(s: str | None, default: int = 0) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


class _DocxRenderer:
    """Walks WordprocessingML in document order; remembers footnote references in mark order."""

    def __init__(self, flat: bool = False, numbering: _Numbering | None = None):
        self.flat = flat  # inside table cells and notes: no line breaks
        self.numbering = numbering or _Numbering(None, None)
        self.note_order: list[tuple[str, str]] = []

    def _child(self, flat: bool) -> _DocxRenderer:
        sub = _DocxRenderer(flat, self.numbering)
        sub.note_order = self.note_order
        return sub

    def block_lines(self, container) -> list[str]:
        lines: list[str] = []
        for el in self._blocks(container):
            if el.tag == _W + "p":
                lines.extend(self.paragraph_lines(el))
            else:
                lines.extend(self.table_lines(el))
        return lines

    def _blocks(self, container) -> Iterator:
        for child in container:
            if child.tag in (_W + "p", _W + "tbl"):
                yield child
            elif child.tag in _WRAPPERS:
                yield from self._blocks(child)

    def paragraph_lines(self, p) -> list[str]:
        pieces: list = [self.numbering.label(p)]
        extra: list[str] = []  # text boxes anchored in the paragraph, emitted after it
        self._inline(p, pieces, extra)
        lines, cur = [], []
        for piece in pieces:
            if piece is _BREAK:
                lines.append("".join(cur))
                cur = []
            else:
                cur.append(piece)
        lines.append("".join(cur))
        out = []
        for line in lines:
            out.extend(_NEWLINE.split(line))
        return out + extra

    def _inline(self, el, pieces: list, extra: list[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                pieces.append(child.text or "")
            elif tag == _W + "r":
                rpr = child.find(_W + "rPr")
                vanish = rpr.find(_W + "vanish") if rpr is not None else None
                if vanish is not None and vanish.get(_W + "val", "true") not in ("0", "false", "off"):
                    continue  # hidden text is not part of the report
                self._inline(child, pieces, extra)
            elif tag == _W + "tab" or tag == _W + "ptab":
                pieces.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                pieces.append(" " if self.flat else _BREAK)
            elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
                kind = "footnote" if tag == _W + "footnoteReference" else "endnote"
                key = (kind, child.get(_W + "id", ""))
                if key not in self.note_order:
                    self.note_order.append(key)
                if not self.flat:
                    pieces.append(_BREAK)  # Word's text export breaks the line at the mark
            elif tag == _W + "noBreakHyphen":
                pieces.append("-")
            elif tag == _W + "sym":
                char = child.get(_W + "char", "")
                code = int(char, 16) if re.fullmatch(r"[0-9A-Fa-f]{1,6}", char) else 0
                if 0 < code <= 0x10FFFF and not 0xE000 <= code <= 0xF8FF:
                    pieces.append(chr(code))
            elif tag == _W + "txbxContent":
                extra.extend(line for line in self._child(self.flat).block_lines(child) if line.strip())
            else:
                self._inline(child, pieces, extra)

    def table_lines(self, tbl) -> list[str]:
        lines = []
        for tr in self._children(tbl, _W + "tr"):
            cells = []
            for tc in self._children(tr, _W + "tc"):
                texts = [t.strip() for t in self._child(flat=True).block_lines(tc)]
                cells.append(" ".join(t for t in texts if t))
            if any(cells):
                lines.append(" | ".join(cells))
        return lines

    def _children(self, el, tag: str) -> Iterator:
        for child in el:
            if child.tag == tag:
                yield child
            elif child.tag in _WRAPPERS:
                yield from self._children(child, tag)


# ---------------------------------------------------------------------------------------------
# .pdf: the text layer, page by page
# ---------------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"\s*(?:[-–—]\s*)?(?:(?:trang|page)\s+)?(\d{1,4})(?:\s*(?:/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?\s*",
    re.IGNORECASE,
)


def _pdf_lines(data: bytes, path: Path) -> list[str]:
    """Text-layer lines of a PDF; pypdf's repair warnings are silenced (the pipeline logs the reason)."""
    import logging

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _pdf_lines_quiet(data, path)
    finally:
        logger.setLevel(level)


def _pdf_lines_quiet(data: bytes, path: Path) -> list[str]:
    head = data[:1024]
    if b"%PDF-" not in head:
        kind = sniff(data)
        raise UnreadableDocument(
            path, "not a PDF: no %PDF- header" + (f" (the file is {kind})" if kind else "")
        )
    try:
        from pypdf import PdfReader
        from pypdf.errors import FileNotDecryptedError, PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise UnreadableDocument(path, f"PDF support unavailable: {exc}") from exc
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs only restrict printing/copying
            except Exception as exc:
                raise UnreadableDocument(path, f"encrypted PDF: cannot decrypt ({exc})") from exc
            if not opened:
                raise UnreadableDocument(path, "encrypted PDF: a password is required to open it")
        pages = list(reader.pages)
    except UnreadableDocument:
        raise
    except FileNotDecryptedError as exc:
        raise UnreadableDocument(path, f"encrypted PDF: {exc}") from exc
    except (PdfReadError, Exception) as exc:
        raise UnreadableDocument(path, f"damaged PDF: {type(exc).__name__}: {exc}") from exc
    if not pages:
        raise UnreadableDocument(path, "damaged PDF: no pages")

    page_lines: list[_PdfLine] = []
    for number, page in enumerate(pages, 1):
        page_lines.extend(_drop_page_numbers(_page_lines(page, number, path), len(pages)))
    readable = odd = 0
    for pl in page_lines:
        for c in pl.text:
            if c.isalnum():
                readable += 1
            elif _BAD_CONTROL.match(c) or "\ue000" <= c <= "\uf8ff" or c == "\ufffd":
                odd += 1
    if readable < 10:
        raise UnreadableDocument(
            path, f"no text layer (scanned PDF?): {len(pages)} page(s) without extractable text; OCR it first"
        )
    if odd > readable:
        raise UnreadableDocument(
            path, "no usable text layer: the fonts have no Unicode mapping (garbled text)"
        )
    return _reflow(page_lines)


@dataclass
class _PdfLine:
    text: str
    length: int  # the visual line's extent in characters (layout mode), indent included
    width: int  # the page's text width in characters
    indented: bool  # starts right of the page's left margin: a new paragraph (first-line indent)
    note: bool = False  # a footnote from the page foot: goes after the body
    broken: bool = False  # a footnote mark ended it: the paragraph goes on on a new line

    def wraps_into(self, nxt: _PdfLine) -> bool:
        """This line ended only because the next word did not fit (justified: it is full)."""
        if self.broken:
            return False
        first_word = nxt.text.split(" ", 1)[0]
        return self.length >= 0.85 * self.width or self.length + 1 + len(first_word) >= 0.92 * self.width


_CELL_GAP = re.compile(r" {4,}")  # layout mode: a column gap
_SPACES = re.compile(r"  +")  # layout mode: justified text's wide word spacing
_ITEM_START = re.compile(
    r"(?:[-+•*–—·]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)/-]\s|\(?[a-zđ][.)]\s|[IVXLC]{1,5}[.\-–/]\s)"
)


def _page_lines(page, number: int, path: Path) -> list[_PdfLine]:
    """One page's non-blank text lines with where they start and end.

    Layout mode keeps table columns apart (they become ' | ', like docx rows) and tells the
    line's extent; pypdf's plain mode is the fallback when layout extraction fails. Footnote
    marks (small raised digits) break the line, and the notes at the page foot become
    '\ufffd text' lines, as in Word's text export.
    """
    try:
        text = page.extract_text(extraction_mode="layout") or ""
        layout = True
    except Exception:
        layout = False
        try:
            text = page.extract_text() or ""
        except Exception as exc:
            raise UnreadableDocument(
                path, f"damaged PDF: page {number}: {type(exc).__name__}: {exc}"
            ) from exc
    notes: dict[str, str] = {}
    if layout and _NOTE_LINE.search(text):
        text, notes = _mark_footnotes(page, text)
    raws = [r.rstrip() for r in _NEWLINE.split(text) if r.strip() and r.strip() != _MARK]
    if not raws:
        return []
    # classify: everything from the first note start down is the page foot's notes
    kinds: list[bool] = []
    heads: list[str] = []
    in_notes = False
    for r in raws:
        stripped = r.strip()
        m = _NOTE_START.match(stripped) if notes else None
        if m and m.group(1) in notes and m.group(2).startswith(notes[m.group(1)][:6]):
            in_notes = True
            stripped = f"{FOOTNOTE_MARK} {m.group(2)}"
        kinds.append(in_notes)
        heads.append(stripped)
    widths = {}
    for kind in (False, True):  # notes are in smaller print: their own line width
        lengths = sorted(len(r) for r, k in zip(raws, kinds, strict=True) if k == kind)
        if lengths:
            widths[kind] = lengths[int(0.95 * (len(lengths) - 1))]  # robust to a stray wide line
    margin = min(len(r) - len(r.lstrip()) for r in raws)
    out: list[_PdfLine] = []
    for r, kind, stripped in zip(raws, kinds, heads, strict=True):
        indented = layout and len(r) - len(r.lstrip()) > margin + 1
        pieces = stripped.split(_MARK)
        broken_at_end = len(pieces) > 1 and not pieces[-1].strip()
        if broken_at_end:
            pieces.pop()  # a mark at the end of the line: the paragraph breaks there
        kept = [_SPACES.sub(" ", _CELL_GAP.sub(" | ", p.strip())) if layout else p.strip() for p in pieces]
        kept = [p for p in kept if p]
        for k, piece in enumerate(kept):
            last = k == len(kept) - 1
            out.append(
                _PdfLine(
                    piece,
                    length=len(r),
                    width=widths[kind],
                    indented=indented and k == 0,
                    note=kind,
                    broken=not last or broken_at_end,
                )
            )
    return out


_MARK = "\x00"  # where a footnote mark stood in the page text
_NOTE_LINE = re.compile(r"(?m)^\s*\d{1,3}\s*[^\W\d_]")  # a line that may be a footnote (cheap pre-check)
_NOTE_START = re.compile(r"(\d{1,3})\s*(\S.*)")
_EXPONENT_BASE = re.compile(r"(?:^|[^\w]|\d)[kcdmµμ]?m$")


def _mark_footnotes(page, text: str) -> tuple[str, dict[str, str]]:
    """Find footnote marks by font size: a small number set in body text, and the same small
    number starting a small-print line (the note). Only numbers found both ways count, so a
    superscript in 'm2' is left alone. Returns the text with _MARK at the marks, and the notes'
    numbers -> first words.
    """
    frags: list[tuple[str, float, float]] = []  # text, y, effective size

    def visit(t: str, cm, tm, font, size) -> None:
        if t.strip():
            scale = (abs(tm[3]) or 1.0) * (abs(cm[3]) or 1.0)
            frags.append((t, tm[5] * (cm[3] or 1.0) + cm[5], size * scale))

    try:
        page.extract_text(visitor_text=visit)
    except Exception:
        return text, {}
    weights: dict[float, int] = {}
    for t, _y, size in frags:
        weights[round(size, 1)] = weights.get(round(size, 1), 0) + len(t.strip())
    if not weights:
        return text, {}
    body = max(weights, key=weights.get)
    body_marks: list[tuple[str, str, str]] = []  # text before, the mark's digits, text after
    notes: dict[str, str] = {}
    for i, (t, y, size) in enumerate(frags):
        digits = t.strip()
        if not (digits.isdigit() and len(digits) <= 3 and size <= 0.8 * body):
            continue
        prev = frags[i - 1] if i else None
        nxt = frags[i + 1] if i + 1 < len(frags) else None
        prev_on_line = prev is not None and abs(prev[1] - y) < body
        next_on_line = nxt is not None and abs(nxt[1] - y) < body
        prev_body = prev is not None and prev[2] >= 0.9 * body
        next_body = nxt is not None and nxt[2] >= 0.9 * body
        if (prev_on_line and prev_body) or (next_on_line and next_body and prev_body):
            if prev is not None and not _EXPONENT_BASE.search(prev[0].rstrip()):  # m², km² are no marks
                body_marks.append((prev[0].rstrip()[-12:], digits, nxt[0][:3] if nxt else ""))
        elif not prev_on_line and next_on_line and not next_body:
            notes[digits] = nxt[0].strip()
    notes = {d: first for d, first in notes.items() if any(d == m for _tail, m, _head in body_marks)}
    cursor = 0
    done: set[str] = set()
    for tail, digits, head in body_marks:
        if digits not in notes or digits in done:
            continue
        done.add(digits)
        for before, after in ((tail, head), (tail, ""), (tail[-4:], head), (tail[-4:], "")):
            found = re.compile(re.escape(before) + r"\s*(" + digits + ")" + re.escape(after)).search(
                text, cursor
            )
            if found and (after or not (found.end(1) < len(text) and text[found.end(1)].isdigit())):
                text = text[: found.start(1)] + _MARK + text[found.end(1) :]
                cursor = found.start(1) + 1
                break
    return text, notes


def _reflow(lines: list[_PdfLine]) -> list[str]:
    """Join the visual lines of a paragraph back into one line, like the Word text export has it.

    A line continues the previous one when that reached the right margin and this one is not
    indented, not a list item / heading number / footnote, and neither is a table row. Notes
    from the page feet follow the body, after a blank line.
    """

    def join(part: list[_PdfLine]) -> list[str]:
        out: list[str] = []
        prev: _PdfLine | None = None
        for line in part:
            if (
                prev is not None
                and prev.wraps_into(line)
                and not line.indented
                and " | " not in line.text
                and " | " not in prev.text
                and not _ITEM_START.match(line.text)
                and not line.text.startswith(FOOTNOTE_MARK)
            ):
                out[-1] += " " + line.text
            else:
                out.append(line.text)
            prev = line
        return out

    body = join([line for line in lines if not line.note])
    notes = join([line for line in lines if line.note])
    if notes and body and body[-1].strip():
        body.append("")
    return body + notes


def _drop_page_numbers(lines: list[_PdfLine], n_pages: int) -> list[_PdfLine]:
    """Drop a page-number-only line ('3', '- 3 -', 'Trang 3/12') at the top or bottom of a page."""
    if not lines:
        return lines
    drop = set()
    for i in {0, len(lines) - 1}:
        m = _PAGE_NUMBER.fullmatch(lines[i].text)
        if m and 0 < int(m.group(1)) <= n_pages + 10:
            drop.add(i)
    return [line for i, line in enumerate(lines) if i not in drop]
