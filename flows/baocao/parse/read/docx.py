"""Word .docx: body paragraphs and tables in order, footnotes as Word's text export writes them.

Rendered to the shape of Word's own "save as text" export, which the extractor is tuned on:
one line per paragraph (list numbers written out), a table row per line with cells joined by
" | ", a line break where a footnote mark stood, and after the body (and one blank line) one
line per footnote, then endnote, starting with "\ufffd ". Each body table is also kept as a
grid (merged cells repeated) for the table reader.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from baocao.parse.read.common import (
    FOOTNOTE_MARK,
    MAX_UNPACKED_BYTES,
    NEWLINE,
    UnreadableDocument,
    check_zip,
)
from baocao.parse.read.model import Cell, SourceText, Table

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


def read_docx(data: bytes, path: Path, max_unpacked: int = MAX_UNPACKED_BYTES) -> SourceText:
    zf = check_zip(data, path, max_unpacked, what="a Word document", main_part="word/document.xml")
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


def _render_docx(body, note_roots: list, numbering_root, styles_root) -> SourceText:
    """Body lines, a blank line, then one '\ufffd text' line per footnote/endnote in mark order."""
    numbering = _Numbering(numbering_root, styles_root)
    renderer = _DocxRenderer(numbering=numbering, tables=[])
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
    return SourceText([*lines, *tail], tables=renderer.tables or [])


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

    def __init__(self, flat: bool = False, numbering: _Numbering | None = None, tables: list[Table] | None = None):
        self.flat = flat  # inside table cells and notes: no line breaks
        self.numbering = numbering or _Numbering(None, None)
        self.note_order: list[tuple[str, str]] = []
        self.tables = tables  # the body's renderer keeps its tables as grids; nested ones are text

    def _child(self, flat: bool) -> _DocxRenderer:
        sub = _DocxRenderer(flat, self.numbering)
        sub.note_order = self.note_order
        return sub

    def block_lines(self, container) -> list[str]:
        lines: list[str] = []
        for el in self._blocks(container):
            if el.tag == _W + "p":
                lines.extend(self.paragraph_lines(el))
                continue
            rows, grid, row_lines = self.table_rows(el)
            if self.tables is not None:
                caption = [ln for ln in lines[-4:] if ln.strip()]
                self.tables.append(Table(
                    name=f"Bảng {len(self.tables) + 1}",
                    rows=grid,
                    row_lines=[None if i is None else len(lines) + i for i in row_lines],
                    caption=caption[-3:],
                ))
            lines.extend(rows)
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
            out.extend(NEWLINE.split(line))
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

    def table_rows(self, tbl) -> tuple[list[str], list[list[Cell]], list[int | None]]:
        """Row lines ('a | b | c', empty rows left out), the grid, and each row's line."""
        lines: list[str] = []
        grid: list[list[Cell]] = []
        row_lines: list[int | None] = []
        above: dict[int, str] = {}  # grid column -> text of the cell a vertical merge continues
        for tr in self._children(tbl, _W + "tr"):
            texts: list[str] = []
            row: list[Cell] = []
            trpr = tr.find(_W + "trPr")
            before = _int(_val(trpr, "gridBefore"), 0) if trpr is not None else 0
            row.extend(Cell("", origin=False) for _ in range(before))
            offset = 0
            for tc in self._children(tr, _W + "tc"):
                parts = [t.strip() for t in self._child(flat=True).block_lines(tc)]
                text = " ".join(t for t in parts if t)
                tcpr = tc.find(_W + "tcPr")
                span = max(1, _int(_val(tcpr, "gridSpan"), 1)) if tcpr is not None else 1
                vmerge = tcpr.find(_W + "vMerge") if tcpr is not None else None
                continued = vmerge is not None and vmerge.get(_W + "val", "continue") == "continue"
                gcol = len(row)
                if continued:
                    first = Cell(above.get(gcol, ""), origin=False)
                else:
                    first = Cell(text, col=offset)
                    for k in range(span):
                        above[gcol + k] = text
                row.append(first)
                row.extend(Cell(first.text, origin=False) for _ in range(span - 1))
                texts.append(text)
                offset += len(text) + 3
            grid.append(row)
            if any(texts):
                lines.append(" | ".join(texts))
                row_lines.append(len(lines) - 1)
            else:
                row_lines.append(None)
        width = max((len(r) for r in grid), default=0)
        for r in grid:
            r.extend(Cell("", origin=False) for _ in range(width - len(r)))
        return lines, grid, row_lines

    def _children(self, el, tag: str) -> Iterator:
        for child in el:
            if child.tag == tag:
                yield child
            elif child.tag in _WRAPPERS:
                yield from self._children(child, tag)
