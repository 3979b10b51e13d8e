"""Document structure: headings -> section path, footnotes, logical paragraphs, document info.

Headings. Reports number their sections in several styles (`PHẦN A`, `Phần I`, `I.`, `II-`,
`A.`, `1.`, `1.1.`, `(1)`, `a)`), nested in the order of administrative writing (STYLE_RANK):
a heading closes every open section of its own or a lower rank. An
all-caps line right after a heading continues its title (`Phần I` / `KẾT QUẢ …` / `NHIỆM KỲ …`).

Sections switch the time and the meaning of the numbers under them: `KẾT QUẢ … NĂM 2022` is
results of 2022; `CÁC CHỈ TIÊU … NĂM 2023`, `PHƯƠNG HƯỚNG …` are targets.

Word exports. The body keeps a line break where each footnote mark stood, so a sentence may
continue on the next line (which then starts with punctuation or a lower-case word); such
lines are joined into one logical paragraph while every character keeps its original
(line, col). Footnotes sit at the end, each starting with `�` or a superscript mark; the k-th
footnote belongs to the k-th mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

ROMAN = r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
HEADING_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("part", re.compile(r"^(?:PHẦN|Phần|phần)\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\b\s*[.:\-–]?\s*", re.I)),
    ("upper_letter", re.compile(r"^(?:PHẦN|Phần)\s+[A-ZĐ]\b\s*[.:\-–]?\s*")),
    ("roman", re.compile(r"^(?=[IVXLC])" + ROMAN + r"\s*[.\-–)/]\s*(?=\S)")),
    ("upper_letter", re.compile(r"^[A-ZĐ]\s*(?:[.)]|\s[-–]|-(?=\s))\s*(?=\S)")),
    ("arabic4", re.compile(r"^\d{1,2}(?:\.\d{1,2}){3,4}\.?\s*(?=[^\d\s.,%])")),  # '2.1.1.1. Điều kiện tự nhiên'
    ("arabic3", re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s*(?=[^\d\s.,])")),
    ("arabic2", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s*(?=[^\d\s.,%])")),
    ("arabic1", re.compile(r"^\d{1,2}\s*[.)/]\s*(?=[^\d\s.,%/])")),
    ("arabic1", re.compile(r"^\d{1,2}\s*-\s+(?=[A-ZĐÂĂÊÔƠƯ])")),
    ("paren", re.compile(r"^\(\d{1,2}\)\s*[.:]?\s*")),
    ("lower_letter", re.compile(r"^[a-zđ]\s*[)/]\s*-?\s*")),
]
# Vietnamese administrative writing nests numbering in a fixed order (Nghị định 30/2020 style):
# PHẦN > A. > I. > 1. > 1.1. > 1.1.1. > (1) > a)
STYLE_RANK = {"part": 0, "upper_letter": 1, "roman": 2, "arabic1": 3, "arabic2": 4, "arabic3": 5, "arabic4": 5.5, "paren": 6,
               "lower_letter": 7}
FOOTNOTE_START = re.compile(r"^\s*(?:\ufffd|[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]+\.?)")
SUPERSCRIPT_MARK = re.compile(r"⁽?[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾?")
SUPERSCRIPT_DIGIT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")  # in every mark; found faster (SUPERSCRIPT_MARK tries every position)
SUPER_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

TARGET_HEADING = re.compile(
    r"^\W*(?:(?:các|những|một số|về|I+\W+)\s+)*(?:phương hướng|mục tiêu|chỉ tiêu|nhiệm vụ|kế hoạch|giải pháp|định hướng)", re.I)
# 'Các chỉ tiêu kinh tế' names a topic: under results it lists results, under a plan targets
TOPIC_ONLY_HEADING = re.compile(r"^\W*(?:(?:các|những|một số|về)\s+)*chỉ tiêu(?!\s+(?:kế hoạch|phấn đấu|đề ra|giao))", re.I)
RESULT_HEADING = re.compile(r"kết quả|tình hình|đánh giá|đạt được|thành tựu|hạn chế|tồn tại|khuyết điểm|bài học|nguyên nhân", re.I)
YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
YEAR = re.compile(r"(?<![\d/.,])((?:19|20)\d\d)(?![\d/])")


@dataclass
class Heading:
    style: str
    number: str  # the numbering as written, e.g. '1.1.', '(3).', 'II-'
    title: str


@lru_cache(maxsize=8192)
def match_heading(line: str) -> tuple[str, int] | None:
    """(style, length of the numbering prefix) when the stripped line starts with a section number."""
    for style, pat in HEADING_PATTERNS:
        m = pat.match(line)
        if m:
            if style == "roman" and not re.match(r"^[IVXLC]+\s*[.\-–)/]", line):
                continue
            return style, m.end()
    return None


@lru_cache(maxsize=8192)
def is_caps_line(line: str) -> bool:
    """A line of capitals ('BÁO CÁO KẾT QUẢ …'): over 85% of its cased letters upper case."""
    upper = sum(map(str.isupper, line))
    if upper < 4:
        return False  # (4 letters and over 85% of them: at least 4 capitals)
    # lower case letters counted a stretch at a time: a line of prose has enough of them in
    # its first words (17 lower per 3 upper is 15%), which settles it
    lower = 0
    for k in range(0, len(line), 64):
        lower += sum(map(str.islower, line[k:k + 64]))
        if 17 * lower >= 3 * upper:
            return False
    letters = upper + lower
    return letters >= 4 and upper / letters > 0.85


@dataclass
class Segment:
    para_start: int
    line: int  # 1-based
    col: int  # col in the line of this segment's first char
    length: int


@dataclass
class Paragraph:
    text: str
    segments: list[Segment]
    first_line: int
    section_index: int = -1  # index into Outline.sections
    footnote: int = 0  # k (1-based) when this paragraph is the k-th footnote
    heading_prefix: int = 0  # length of the section numbering at the start of the text

    def locate(self, pos: int) -> tuple[int, int]:
        """Paragraph offset -> (line, col) in the original file."""
        for seg in reversed(self.segments):
            if pos >= seg.para_start:
                return seg.line, seg.col + (pos - seg.para_start)
        seg = self.segments[0]
        return seg.line, seg.col


@dataclass
class Section:
    path: list[str]
    period: str | None
    mode: str | None  # 'target' | 'actual' | None (inherit the document's)


@dataclass
class Outline:
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnote_marks: list[tuple[int, int]] = field(default_factory=list)  # (paragraph index, offset)
    heading_lines: set[int] = field(default_factory=set)


def heading_period(title: str) -> str | None:
    """The year or span a heading is about; a year after 'so (với)' is a comparison, and a
    numbered item stating quantities ('3. Tổng vốn … 2.800 tỷ đồng, tăng 8% so với năm 2023.')
    is a list entry, not a section with a period of its own."""
    h = match_heading(title)
    rest = title[h[1]:] if h else title
    if re.search(r"\d[\d.,]*\s*(?:%|tỷ|triệu|ha|tấn|người|hộ|con)", rest):
        return None
    for m in YEAR_SPAN.finditer(title):
        if not re.search(r"so\s*(?:với)?\s*(?:năm|giai đoạn)?\s*$", title[:m.start()], re.I):
            return f"{m.group(1)}-{m.group(2)}"
    for m in YEAR.finditer(title):
        if not re.search(r"so\s*(?:với)?\s*(?:năm)?\s*$", title[:m.start()], re.I):
            return m.group(1)
    return None


def heading_mode(title: str) -> str | None:
    """'actual' for results headings, 'target' for headings that open with plan words."""
    if RESULT_HEADING.search(title):
        return "actual"
    h = match_heading(title)
    rest = title[h[1]:] if h else title
    if TARGET_HEADING.search(rest) and not (TOPIC_ONLY_HEADING.search(rest) and not YEAR.search(rest)):
        return "target"
    return None


def _is_continuation(text: str) -> bool:
    s = text.lstrip()
    if not s:
        return False
    if s[0] in ",;.:)…" and not s.startswith("..."):
        return not re.match(r"^\.\s*$", s) or True
    return s[0].islower() and match_heading(s) is None


def _is_footnote_line(text: str) -> bool:
    return bool(FOOTNOTE_START.match(text))


def footnote_zone(lines: list[str]) -> set[int]:
    """Indices of footnote lines: each line starting with a footnote mark, the lines between
    two such lines close together (a footnote's own bullets), and the lines that directly
    continue the last one. Body text after a footnote block (a document with an appendix)
    stays body text."""
    idx = [i for i, t in enumerate(lines) if t.strip() and _is_footnote_line(t)]
    zone: set[int] = set(idx)
    for a, b in zip(idx, idx[1:], strict=False):
        if b - a <= 12:
            zone.update(range(a, b))
    for i in idx:
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _is_footnote_line(lines[j]) and match_heading(lines[j].strip()) is None:
            zone.add(j)
            j += 1
    return zone


def build_outline(lines: list[str]) -> Outline:
    out = Outline()
    fz = footnote_zone(lines)
    stack: list[tuple[str, str]] = []  # (style, title)
    periods: list[tuple[str, str | None, str | None]] = []  # parallel to stack: (style, period, mode)
    cur_section = -1

    def push_section() -> int:
        path = [t for _, t in stack]
        period = None
        mode = None
        for _, p, m in periods:
            if p:
                period = p
            if m:
                mode = m
        out.sections.append(Section(path=path, period=period, mode=mode))
        return len(out.sections) - 1

    cur_section = push_section()
    i = 0
    n = len(lines)
    last_heading_idx = -10
    footnote_k = 0
    while i < n:
        raw = lines[i]
        stripped = raw.strip()
        if not stripped:
            i += 1
            continue
        in_fz = i in fz
        lead = len(raw) - len(raw.lstrip())
        if not in_fz:
            h = match_heading(stripped)
            if h is None and is_caps_line(stripped) and last_heading_idx >= 0 and i - last_heading_idx <= 2 and stack:
                # continuation of a heading title written on several lines
                style, title = stack[-1]
                stack[-1] = (style, (title + " " + stripped).strip())
                s_style, s_p, s_m = periods[-1]
                full = stack[-1][1]
                periods[-1] = (s_style, heading_period(full) or s_p, heading_mode(full) or s_m)
                cur_section = push_section()
                out.heading_lines.add(i + 1)
                last_heading_idx = i
                i += 1
                continue
            if h is not None:
                style, plen = h
                rest = stripped[plen:]
                is_title = len(rest) <= 160 or is_caps_line(rest[:80])
                if is_title or style in ("part", "roman", "upper_letter"):
                    title_full = stripped if len(stripped) <= 160 else stripped[:plen] + rest.split(":")[0][:100]
                    if ":" in rest and re.search(r"\d", rest.split(":", 1)[1]):
                        title_full = stripped[:plen] + rest.split(":", 1)[0]  # 'a/ Chăn nuôi: đàn bò 8.500 con …'

                    title_short = title_full if len(title_full) <= 90 else title_full[:87].rstrip() + "…"
                    while stack and STYLE_RANK[stack[-1][0]] >= STYLE_RANK[style]:
                        stack.pop()
                        periods.pop()
                    stack.append((style, title_short))
                    item = bool(re.search(r"\d[\d.,]*\s*(?:%|tỷ|triệu|ha|tấn)", rest))  # a list entry with quantities
                    periods.append((style, heading_period(title_full), None if item else heading_mode(title_full)))
                    cur_section = push_section()
                    last_heading_idx = i
                    out.heading_lines.add(i + 1)
        # a paragraph: this line plus following continuation lines
        para_text = stripped
        segs = [Segment(0, i + 1, lead, len(stripped))]
        j = i + 1
        while j < n and lines[j].strip() and not _is_footnote_line(lines[j]) and (j in fz) == in_fz:
            nxt = lines[j]
            if not _is_continuation(nxt):
                break
            prev_line = lines[j - 1].strip()
            # a title or heading broken over two lines leaves no footnote mark
            if not in_fz and not is_caps_line(prev_line) and match_heading(prev_line) is None:
                out.footnote_marks.append((len(out.paragraphs), len(para_text)))
            ns = nxt.strip()
            nlead = len(nxt) - len(nxt.lstrip())
            para_text += " "
            segs.append(Segment(len(para_text), j + 1, nlead, len(ns)))
            para_text += ns
            j += 1
        p = Paragraph(text=para_text, segments=segs, first_line=i + 1, section_index=cur_section)
        if not in_fz:
            h = match_heading(stripped)
            if h:
                p.heading_prefix = h[1]
        else:
            if _is_footnote_line(stripped):
                footnote_k += 1
            p.footnote = max(footnote_k, 1)
        out.paragraphs.append(p)
        i = j
    # inline superscript marks (⁽¹⁾) in the body take precedence when present
    inline: list[tuple[int, int]] = []
    for pi, p in enumerate(out.paragraphs):
        if p.footnote:
            continue
        for m in SUPERSCRIPT_MARK.finditer(p.text) if SUPERSCRIPT_DIGIT.search(p.text) else ():
            inline.append((pi, m.start()))
    if inline:
        out.footnote_marks = inline
    return out


def footnote_number(text: str) -> int | None:
    m = re.match(r"^\s*⁽?([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", text)
    if m:
        return int(m.group(1).translate(SUPER_DIGITS))
    return None


# A paragraph longer than this is read in pieces of whole sentences: every rule looks at
# most a sentence around a number, and reading a 16 MB one-line file as one paragraph
# would make each lookup scan the whole line (quadratic time).
LONG_PARAGRAPH = 2500
PIECE = 1500
_CUT_MARKS = (re.compile(r"(?<!\d)[.!?…]+\s+"), re.compile(r";\s*"), re.compile(r",\s+"), re.compile(r"\s+"))


def _cut_point(text: str, start: int) -> int:
    """Where the piece starting at `start` ends: after the last sentence end in the window,
    else the last ';', ',' or space, else the window's end."""
    lo, hi = start + PIECE // 3, min(len(text), start + PIECE)
    for mark in _CUT_MARKS:
        last = None
        for m in mark.finditer(text, lo, hi):
            if m.end() < hi:
                last = m
        if last is not None:
            return last.end()
    return hi


def split_long(para: Paragraph) -> list[Paragraph]:
    """A paragraph as pieces of at most PIECE characters cut at sentence (else clause,
    comma, word) boundaries; each piece keeps its anchors into the original lines."""
    text = para.text
    if len(text) <= LONG_PARAGRAPH:
        return [para]
    pieces: list[Paragraph] = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= PIECE else _cut_point(text, start)
        segments = []
        for seg in para.segments:
            a, b = max(seg.para_start, start), min(seg.para_start + seg.length, end)
            if a < b or (seg.length == 0 and start <= seg.para_start < end):
                segments.append(Segment(a - start, seg.line, seg.col + (a - seg.para_start), max(b - a, 0)))
        if not segments:
            line, col = para.locate(start)
            segments = [Segment(0, line, col, end - start)]
        pieces.append(Paragraph(text[start:end], segments, segments[0].line, para.section_index, para.footnote,
                                para.heading_prefix if start == 0 else 0))
        start = end
    return pieces
