"""Lines -> facts: the orchestration of the rules in numbers/units/structure/meaning/places.

For each logical paragraph (Word line breaks rejoined, original anchors kept):
  1. every digit-written number is found (numbers.find_numbers);
  2. numbers that are no quantity are set aside (meaning.non_fact_reason): headings,
     dates, document references, years used as period labels, labels (`mức độ 3`), the
     upper end of a range;
  3. the rest get a unit, and pairs `a/b` and ranges `a-b` are read together;
  4. each fact gets its measure, compared_to and qualifier from cue words of its clause,
     its period (clause > section > document), its place (clause > document) and its
     indicator (words before it, or its counted noun; inherited by the `đạt 102%` /
     `tăng 3%` that comment on it).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from baocao.parse import meaning, periods
from baocao.parse.docinfo import DocContext, document_context
from baocao.parse.indicators import (
    aliases,
    catalogue_names,
    clean_phrase,
    code_fits_unit,
    complete_code,
    in_value_added,
    is_core,
    is_sector_code,
    match_code,
    names_sector,
    norm,
    sector_code,
)
from baocao.parse.model import Fact, ParsedDocument
from baocao.parse.numbers import NumToken, find_numbers, is_range_joint, is_slash_joint
from baocao.parse.places import find_bare_communes, find_commune_initials, find_mentions, text_spellings
from baocao.parse.read.model import Table
from baocao.parse.sentences import (
    clause_span,
    paren_span,
    period_clause_start,
    segment_span,
    sentence_span,
    topic_of,
)
from baocao.parse.structure import Paragraph, Section, build_outline, is_caps_line, split_long
from baocao.parse.tables import ColumnMeaning, column_meaning, table_facts
from baocao.parse.units import UnitMatch, match_unit, unit_class

CATALOG = Path(__file__).resolve().parent.parent / "catalog"
PAGE_LINE = re.compile(r"^\s*(?:-\s*)?(?:PAGE\b.*|\d{1,3}|Trang\s+\d+(?:\s*/\s*\d+)?)\s*(?:-\s*)?$")
# a catalogue code naming the reduction of a level ('POVERTY_RATE_REDUCTION' of 'POVERTY_RATE'), and
# the words before a number that state the level the reduction leaves
REDUCTION_SUFFIX = "_REDUCTION"
LEFT_LEVEL_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:xuống\s+)?còn\s*(?:khoảng|dưới|gần|trên)?\s*$", re.I)
NEXT_SHARE = re.compile(r"(?<![\d.,])\d[\d.,]*\s*%")
ADMIN_NOUNS = {"xã", "thị trấn", "xã, thị trấn", "xã, phường, thị trấn", "phường", "ấp", "khóm", "ấp, khóm", "huyện"}


@dataclass
class Pending:
    tok: NumToken
    unit: UnitMatch | None
    unit_end: int
    value_high: float | None = None
    partner: int | None = None  # index of the other number of a pair a/b
    role: str = "single"  # single | pair_a | pair_b | range
    fact: Fact | None = None
    subject: str = ""
    phrases: tuple[str, ...] = ()
    inherits: bool = False
    pair_kind: str | None = None
    parent: Pending | None = None  # the level a share/attainment comments on
    verb_text: str = ""  # the words before the number that name what is done/counted (shared by a list)


def _unit_fields(u: UnitMatch | None) -> tuple[str, str | None]:
    if u is None:
        return "COUNT", None
    return u.code, u.text


def _section_path(sec: Section) -> str:
    """'Phần I KẾT QUẢ … > I. NHỮNG THÀNH TỰU > 1. Tạo bước …', each heading cut to 60 characters."""
    return " > ".join(t if len(t) <= 60 else t[:59].rstrip() + "…" for t in sec.path)


FOOTNOTE_MARKS_LEAD = re.compile(r"^[\ufffd⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹.\s-]+")


def _sentence_text(text: str, pos: int) -> str:
    s0, s1 = sentence_span(text, pos)
    s = FOOTNOTE_MARKS_LEAD.sub("", text[s0:s1]).strip()  # footnote marks are not words
    return s if len(s) <= 400 else s[:399] + "…"


PLACE_LIST_JOINT = re.compile(r"\s*(?:,|và|;)?\s*")
COMMUNE_BRACKET_AFTER = re.compile(r"^[^,;()]{0,60}\(\s*(?:tại\s+)?(xã|thị trấn|phường)\s")  # '(xã Tân Hòa)'
PLACE_WORD_AFTER = re.compile(r"^[^,;()\d]{0,50}?(?:ở|tại|thuộc|trên địa bàn)\s+(?:các\s+)?(xã|thị trấn|phường|huyện|thị xã)\s")  # 'ở xã Tân Hòa'


def _place_for(text: str, pos: int, after_pos: int, c0: int, c1: int, mentions, unit: UnitMatch | None):
    """Clause place: nearest group of places named before the number in its clause, or a
    (xã …) bracket right after it (unless the number counts communes themselves)."""
    groups: list[tuple[int, int, list]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if groups and PLACE_LIST_JOINT.fullmatch(text[groups[-1][1]:m.start]) and text[groups[-1][1]:m.start].strip() != ";":
            groups[-1] = (groups[-1][0], m.end, groups[-1][2] + [m])
        else:
            groups.append((m.start, m.end, [m]))
    noun = (unit.text.lower() if unit and unit.noun else "")
    after = text[after_pos:c1]
    mp = COMMUNE_BRACKET_AFTER.match(after)
    if mp and noun not in ADMIN_NOUNS:
        start = after_pos + mp.start(1)
        for g0, _g1, ms in groups:
            if g0 >= start - 1 and g0 <= start + 2:
                return ms
    # 'hỗ trợ 50 hộ nghèo ở xã Tân Hòa': a place introduced by a locative word right after
    ml = PLACE_WORD_AFTER.match(after)
    if ml and noun not in ADMIN_NOUNS:
        start = after_pos + ml.start(1)
        for g0, _g1, ms in groups:
            if start - 1 <= g0 <= start + 2:
                return ms
    best = None
    for g0, g1, ms in groups:
        if c0 <= g0 and g1 <= pos:
            between = text[g1:pos]
            if between.count(")") > between.count("("):
                continue  # named inside a bracket that closed before the number
            if noun in ADMIN_NOUNS and ms[0].level == "commune":
                continue  # '01 xã' cannot lie inside a commune
            best = ms
    return best


COUNTRY = "Việt Nam"
COUNTRY_NAMED = re.compile(
    r"(?<![\wÀ-ỹ])(?:cả nước|toàn quốc)(?:\s+(?:hiện\s+)?(?:có|đạt|ước|đã|còn)(?![\wÀ-ỹ])|\s*\((?=\s*\d))", re.I)
OWN_PLACE_AGAIN = re.compile(r"[;:]|(?<![\wÀ-ỹ])(?:riêng|toàn tỉnh|toàn huyện|tỉnh ta|huyện ta|địa phương)(?![\wÀ-ỹ])", re.I)


def _country_of(text: str, pos: int, country: list[tuple[int, int]], mentions) -> bool:
    """Whether the number is the country's: right after 'cả nước (' , or in the clause run
    of a sentence whose subject is 'cả nước có …' with no place named in between."""
    s0 = sentence_span(text, pos)[0]
    for a, b in country:
        if b > pos or a < s0:
            continue
        if text[b - 1] == "(":
            if not text[b:pos].strip():
                return True
            continue
        if not OWN_PLACE_AGAIN.search(text, b, pos) and not any(b <= m.start < pos for m in mentions):
            return True
    return False


WHOLE_SCOPE = re.compile(r"(?<![\wÀ-ỹ])(?:toàn|cả|trên địa bàn)\s+(?:tỉnh|huyện|thành phố|thị xã)(?![\wÀ-ỹ])", re.I)


def _sentence_district(text: str, pos: int, c0: int, mentions, doc: DocContext):
    """A district other than the document's, named in an earlier clause of the sentence, is the
    place of the clauses after it ('giá trị sản xuất … huyện Y đạt 3.900 tỷ đồng; trong đó, khu
    vực doanh nghiệp ước đạt …'), until another place or the whole province or district
    ('toàn tỉnh', 'trên địa bàn huyện') is named."""
    s0 = sentence_span(text, pos)[0]
    before = [m for m in mentions if s0 <= m.start and m.end <= c0]
    if not before:
        return None
    last = max(before, key=lambda m: m.end)
    if last.level != "district" or last.name == doc.locality:
        return None
    if any(last.end <= m.start < pos for m in mentions if m is not last):
        return None
    between = text[last.end:pos]
    if between.count(")") > between.count("(") or WHOLE_SCOPE.search(between):
        return None
    return last


def _mark_place(text: str, pos: int, doc: DocContext) -> tuple[str, str] | None:
    """A commune or district named in the clause where a footnote mark stands."""
    c0, _ = clause_span(text, pos)
    ms = [m for m in find_mentions(text[c0:pos]) if m.level in ("district", "commune")]
    if doc.district_code:
        ms += find_bare_communes(text[c0:pos], doc.district_code)
    if not ms:
        return None
    last = max(ms, key=lambda m: m.end)
    return last.name, last.level


SLASH_ONLY = re.compile(r"\s*/\s*")
CONTRIBUTED_END = re.compile(r"(?<![\wÀ-ỹ])đóng góp(?:\s+(?:được|khoảng|gần|thêm))?\s*$", re.I)
PER_10K_POP_WORDS = re.compile(r"vạn dân|10\.000 dân")
MULTIPLE_VERB_END = re.compile(r"(?:gấp|tăng|giảm|hơn)\s*$", re.I)
# (an amount raised so far for next year's event is reached already: 'phát động … năm 2024, hiện được 2 tỷ đồng')
NOT_YET_DONE_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:ước|dự kiến|dự báo|đã|còn|hiện được|hiện đạt|hiện có|đến nay)(?![\wÀ-ỹ])", re.I)
EXISTING_NOW_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:hiện có|hiện nay|hiện đang|hiện tại|đến nay)(?![\wÀ-ỹ])", re.I)
CHANGE_VERB_END = re.compile(r"\s+(?:giảm|tăng)(?:\s+(?:từ|xuống|lên|còn))*\s*$")
LIST_JOINT = re.compile(r"\s*(?:,|;)?\s*(?:và\s+)?")
TRAILING_END = re.compile(r"[,;()]|\.\s|\s+và\s+|\s+với\s+")


# the time words of a subject, which name no indicator: 'GRDP quý I năm 2023', '… 6 tháng đầu năm 2022'
PERIOD_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:(?:quý\s+[IV1-4]+|\d{1,2}\s+tháng(?:\s+đầu)?|tháng\s+\d{1,2})\s*)?(?:năm\s+(?:19|20)\d\d)?"
                          r"(?<=\S)(?![\wÀ-ỹ])", re.I)
COUNTED_PLAN_ITEMS = ("chỉ tiêu", "tiêu chí")
MET_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:đạt|vượt|hoàn thành)(?![\wÀ-ỹ])", re.I)
EXCEEDED_END = re.compile(r"(?<![\wÀ-ỹ])vượt\s*$", re.I)  # 'đạt và vượt 11/14 chỉ tiêu' ('tăng 8 tiêu chí' is a change)
NOT_YET_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:phấn đấu|mục tiêu|dự kiến|sẽ)(?![\wÀ-ỹ])", re.I)
PLACE_ONLY_GAP = re.compile(r"[\s,;:(]*")  # nothing but punctuation between a place and its figure
PLACE_LEAD_GAP = re.compile(r"[\s,;:(]*(?:(?:xã|thị trấn|phường|huyện|thị xã)\s+)?", re.I)  # … and its level word before it


PLAN_SPAN = re.compile(r"(?<![\wÀ-ỹ])(?:giai đoạn|nhiệm kỳ)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)", re.I)


def _plan_span_ahead(text: str, pos: int, cy: str, sec: Section, doc: DocContext) -> bool:
    """A term or plan span ('giai đoạn 2020-2025', not a crop season) the sentence names before
    the number, beginning with the year of a text that has no span of its own: the span ahead."""
    if not (TERM.fullmatch(cy) and doc.year_end and int(cy[:4]) == doc.year_end < int(cy[-4:])):
        return False
    if (sec.period and TERM.fullmatch(sec.period)) or (doc.period and TERM.fullmatch(doc.period)):
        return False  # a term's own report: its span is its past
    return any(f"{m.group(1)}-{m.group(2)}" == cy for m in PLAN_SPAN.finditer(text, sentence_span(text, pos)[0], pos))


def _extract_paragraph(para: Paragraph, sec: Section, doc: DocContext, out: list[Fact],
                       place: tuple[str, str] | None = None, caption: ColumnMeaning | None = None,
                       row: tuple[str | None, bool] | None = None, row_base: str | None = None) -> None:
    """`caption`: what a caption above says of bare numbers beneath it (a table flattened into
    lines under 'Tốc độ tăng so với cùng kỳ (%)'): their unit, measure and base; `row`: for a
    value alone on its line there, the period of its column and whether its row is a part of
    the total row above it (a sector's growth is a change against `row_base`, the total's the
    growth rate itself)."""
    text = para.text
    if PAGE_LINE.match(text):
        return  # a page number or a Word PAGE field left in the export
    toks = find_numbers(text)
    if not toks:
        return
    n = len(toks)
    units: list[UnitMatch | None] = [match_unit(text, t.end) for t in toks]
    reasons: list[str | None] = [meaning.non_fact_reason(text, toks, i, units[i], para.heading_prefix) for i in range(n)]
    meaning.propagate_labels(text, toks, units, reasons)
    pend: dict[int, Pending] = {}
    i = 0
    while i < n:
        if reasons[i] is not None:
            i += 1
            continue
        t = toks[i]
        u = units[i]
        p = Pending(t, u, u.end if u else t.end)
        pend[i] = p
        if i + 1 < n and reasons[i + 1] is None:
            b = toks[i + 1]
            if is_range_joint(text, t, b) and (u is None or u.code in ("PCT",) and units[i + 1] and units[i + 1].code == "PCT"):
                reasons[i + 1] = "range_high"
                p.value_high = b.value
                p.role = "range"
                if units[i + 1] is not None:
                    p.unit = units[i + 1]
                    p.unit_end = units[i + 1].end
                i += 2
                continue
            unit_slash = u is not None and units[i + 1] is not None and u.code == units[i + 1].code \
                and u.text.lower() == units[i + 1].text.lower() \
                and SLASH_ONLY.fullmatch(text[u.end:b.start]) is not None
            if (is_slash_joint(text, t, b) and (u is None or (units[i + 1] is not None and u.code == units[i + 1].code and u.code == "PCT"))) or unit_slash:
                q = Pending(b, units[i + 1], units[i + 1].end if units[i + 1] else b.end)
                if p.unit is None:
                    p.unit = q.unit
                p.partner, q.partner = i + 1, i
                p.role, q.role = "pair_a", "pair_b"
                pend[i + 1] = q
                i += 2
                continue
        i += 1
    if not pend:
        return
    mentions = [m for m in find_mentions(text) if m.level in ("district", "commune")]
    if doc.district_code:
        mentions += [m for m in find_bare_communes(text, doc.district_code)
                     if not any(x.start <= m.start < x.end for x in mentions)]
        mentions += find_commune_initials(text, doc.district_code)
    # (districts other than the document's, once per paragraph: most paragraphs name none)
    other_districts = any(m.level == "district" and m.name != doc.locality for m in mentions)
    # the country as the subject ('cả nước có 5.800 xã …') or quoted beside ('gấp 2 lần cả nước (4,5%)'),
    # once per paragraph: most paragraphs name it nowhere
    country = [m.span() for m in COUNTRY_NAMED.finditer(text)] if ("ả nước" in text or "oàn quốc" in text) else []
    order = sorted(pend)
    last_base: tuple[int, str] | None = None  # (sentence start, base) of the last change naming its base
    anchors: dict[int, list[Pending]] = {}  # clause start -> facts with their own subject, in order
    prev_end_in_clause: dict[int, int] = {}
    prev_in_clause: dict[int, Pending] = {}
    for idx in order:
        p = pend[idx]
        t = p.tok
        c0, c1 = clause_span(text, t.start)
        g0, g1 = segment_span(text, t.start)
        prev_end = prev_end_in_clause.get(c0, c0)
        sub0 = max(g0, prev_end) if prev_end > g0 else g0
        raw_subject = text[sub0:t.start]
        unit_code, unit_text = _unit_fields(p.unit)
        if caption is not None and p.unit is None and caption.percent:
            unit_code, unit_text = "PCT", "%"
        if p.role == "pair_b" and p.unit is None:
            unit_code, unit_text = _unit_fields(pend[p.partner].unit)
        # bác sĩ/giường bệnh per 10 000 people written out ('số bác sĩ trên 10.000 dân là 05 bác sĩ')
        if unit_code == "COUNT" and unit_text and PER_10K_POP_WORDS.search(text[c0:c1]) and re.match(r"bác s|giường", unit_text.lower()):
            unit_code = "PER_10K_POP"
            unit_text = f"{unit_text}/vạn dân"  # 'số bác sĩ trên 10.000 dân là 05 bác sĩ', '9,5 bác sĩ … trên 1 vạn dân'
        if unit_code == "COUNT" and (unit_text or "").lower() == "điểm" and CONTRIBUTED_END.search(text, c0, t.start):
            unit_code = "PCT"  # a share of growth contributed is in percentage points: 'đóng góp 2,6 điểm'
        anchor = _pick_anchor(text, anchors.get(c0, []), t.start)
        br = paren_span(text, t.start)
        if anchor is None and br is not None and br[0] < c0:
            # a bracket split by ';' still comments on the level before it:
            # '27 vụ (làm chết 15 người; so cùng kỳ giảm 9 vụ)'
            # ('tăng 2 người chết' in that bracket counts another thing: only the same counted noun)
            anchor = _pick_anchor(text, [a for a in anchors.get(clause_span(text, br[0])[0], [])
                                         if a.tok.start < br[0] and a.fact is not None
                                         and (a.fact.unit_text or "").lower() == (unit_text or "").lower()], br[0])
        subj_text = _subject_text(text[max(c0, prev_end):t.start], after_fact=prev_end > c0)
        sent_start = sentence_span(text, t.start)[0]
        prev_fact = prev_in_clause[c0].fact if c0 in prev_in_clause else None
        ctx = meaning.Context(
            text=text, pos=t.start, unit_end=p.unit_end, clause=(c0, c1), segment=(g0, g1),
            unit=unit_code, mode=sec.mode or doc.mode, anchor_unit=(anchor.fact.unit if anchor and anchor.fact else None),
            anchor_role=(anchor.role if anchor else None), doc_year=doc.year_end,
            anchor_subject=(anchor.subject if anchor else ""),
            anchor_measure=(anchor.fact.measure if anchor and anchor.fact else None),
            anchor_pair_kind=(pend[anchor.partner].pair_kind if anchor and anchor.role == "pair_a" and anchor.partner in pend else None),
            value=t.value,
            wide_subject=text[max(c0, prev_end):t.start],
            prev_measure=(prev_fact.measure if prev_fact else None),
            prev_compared=(prev_fact.compared_to if prev_fact else None),
            prev_unit=(prev_fact.unit if prev_fact else None),
            prev_values=tuple(q.tok.value for j, q in pend.items() if j < idx and q.fact is not None
                              and q.fact.unit not in ("PCT", "PERMILLE") and q.tok.start >= sent_start),
        )
        m = meaning.read_meaning(ctx, raw_subject)
        if m.level and p.unit is None and anchor is not None and anchor.fact is not None and anchor.fact.unit != "COUNT":
            # 'tăng từ 95.200 tấn năm 2015 lên 121.000 năm 2020': the unit is written once
            unit_code, unit_text = anchor.fact.unit, anchor.fact.unit_text
        measure, compared_to, qualifier = m.measure, m.compared_to, m.qualifier
        if caption is not None and p.unit is None and (m.default or measure == "change_abs") \
                and measure in ("actual", "change_abs"):
            measure, compared_to = caption.measure, caption.compared_to
        if unit_code == "TIMES" and measure != "change_times" and not MULTIPLE_VERB_END.search(raw_subject.strip()):
            unit_code = "COUNT"  # 'tổ chức 5 lần kiểm tra' counts occasions; 'tăng 1,8 lần' is a multiple
        if p.role == "range":
            qualifier = "range"
        period = sec.period or _default_period(doc, sec)
        pc0 = period_clause_start(text, t.start)
        cy = meaning.clause_period(text, t.start, p.unit_end, pc0, periods.end_year(period))
        period = cy or periods.month_to_year(period, text, pc0, t.start)
        if not cy and doc.month and doc.month[:4] == (period or "")[:4] and not periods.CUMULATIVE.search(text, pc0, t.start) \
                and IN_THE_MONTH.search(text, sentence_span(text, t.start)[0], t.start):
            period = doc.month  # 'Trong tháng, khởi công mới 01 công trình' in a month's report
        elif not cy and doc.month and doc.month[:4] == (period or "")[:4] and measure == "actual" \
                and not periods.CUMULATIVE.search(text, sentence_span(text, t.start)[0], t.start) \
                and periods.CUMULATIVE.search(text, p.unit_end, clause_span(text, p.unit_end)[1] + 1) is None \
                and periods.CUMULATIVE.search(text, p.unit_end, sentence_span(text, t.start)[1]):
            # a level followed by the running total of the year: 'Giá trị sản xuất ước đạt 56 tỷ
            # đồng; lũy kế 10 tháng đạt 540 tỷ đồng' in a month's report is the month's
            period = doc.month
        if measure in ("change_pct", "change_abs", "change_times") and compared_to is None:
            compared_to = _default_base(text, t.start, p.unit_end, period, last_base)
        if measure in ("change_pct", "change_abs", "change_times") and m.compared_to is not None:
            last_base = (sentence_span(text, t.start)[0], m.compared_to)
        term = sec.period if sec.period and TERM.fullmatch(sec.period) else doc.period
        if not cy and term and TERM.fullmatch(term) and CADRE_PLAN.search(text, sentence_span(text, t.start)[0], t.start):
            # cadres planned ('quy hoạch') in a term's report are planned for the term after it
            end = int(term[-4:])
            period = f"{end}-{end + 5}"
        if caption is not None and p.unit is None and not cy and caption.period and len(caption.period) == 7:
            period = caption.period  # 'Một số chỉ tiêu tháng 12 năm 2020 … (%)': the month of its lines
        if row is not None and row[0] and not cy:
            period = row[0]  # the column's head: '6 tháng đầu năm 2018 | 6 tháng đầu năm 2019'
        if row is not None and row[1] and caption is not None and caption.measure == "actual" and measure == "actual" \
                and unit_code == "PCT":
            measure, compared_to = "change_pct", row_base  # a sector's growth under the total's growth rate
        if m.endpoint and not cy and period and TERM.fullmatch(period):
            # over a span, a level's from-to runs from its first year to its last:
            # 'tỷ trọng nông nghiệp giảm từ 55,32% xuống còn 40,04%' in a 2015-2020 report
            period = period[:4] if m.endpoint == "from" else period[-4:]
        if measure == "target" and not cy and period and re.fullmatch(r"\d{4}", period):
            # a target continuing a sentence about next year's plan: 'đã thống nhất các chỉ tiêu năm
            # 2023. Trong đó, phấn đấu … đạt 8,5%' in a 2022 report is for 2023
            planned = _plan_year_before(text, t.start)
            if planned and int(planned) > int(period):
                period = planned
        if measure == "target" and not cy and doc.term_ahead and not sec.period:
            # a congress's targets without a year of their own are for the term it opens:
            # 'Đại hội … nhiệm kỳ 2025-2030 thống nhất mục tiêu: … thu ngân sách 39 tỷ đồng'
            period = doc.term_ahead
        if m.period_override:
            period = m.period_override
        # a plan's default 'target' does not apply to a year already past: 'Năm 2022, … đạt …'
        base = sec.period or doc.period
        if m.default and measure == "target" and cy and base and len(cy) == 4 and cy < base[:4]:
            measure = "actual"
        # a year or span after the report's own is a plan: 'đến năm 2025 đạt 80 triệu đồng' in a 2022 report
        # and so is a span that begins with the report's year and runs past it: 'giai đoạn 2020-2025
        # đưa … đạt 7%' in a text of the congress that opens the 2020-2025 term
        if measure == "actual" and cy and doc.year_end and qualifier != "estimate" \
                and (int(cy[:4]) > doc.year_end or _plan_span_ahead(text, t.start, cy, sec, doc)) \
                and not NOT_YET_DONE_WORDS.search(text[c0:t.start]):
            measure = "target"
        # a plan counting its own parts is describing itself, not setting a target: '07 chỉ tiêu',
        # '06 nhiệm vụ', 'đề cương gồm 15 trang'
        if measure == "target" and not m.endpoint and PLAN_PARTS.match(text, t.end):
            measure = "actual"
        # a plan describing what exists now: 'toàn huyện hiện có 17 hợp tác xã'
        if m.default and measure == "target" and EXISTING_NOW_WORDS.search(text[c0:t.start]):
            measure = "actual"
        # pairs: the second number is a target, a whole, or last year's level
        if p.role == "pair_b":
            a = pend[p.partner]
            kind = meaning.pair_kind(text, a.tok, t, unit_code, c0, c1, p.unit_end)
            p.pair_kind = kind
            if kind == "target":
                measure, compared_to, qualifier = "target", None, "exact"
            elif kind.startswith("previous"):
                # '39/29 vụ (tăng 10 vụ so với năm 2020)': 29 is the level of 2020 (or of last year)
                measure, compared_to, qualifier = "actual", None, "exact"
                year = kind.split(":", 1)[1]
                if not year and period and re.fullmatch(r"\d{4}", period):
                    year = str(int(period) - 1)
                period = year or period
            else:
                measure, compared_to, qualifier = "actual", None, "exact"
        # the plan's own indicators counted as met in a report: 'có 7/15 chỉ tiêu vượt kế hoạch',
        # 'đạt và vượt 11/14 chỉ tiêu' count what was achieved (a part and its whole), not a plan
        # nor an excess
        if (measure == "target" or (measure == "change_abs" and EXCEEDED_END.search(text, c0, t.start))) \
                and unit_code == "COUNT" and (sec.mode or doc.mode) != "target" \
                and (unit_text or (pend[p.partner].unit.text if p.role == "pair_b" and pend[p.partner].unit else "")
                     or "").lower() in COUNTED_PLAN_ITEMS \
                and MET_WORDS.search(text, sentence_span(text, t.start)[0], clause_span(text, t.start)[1]) \
                and not meaning.planned_sentence(text, t.start) and not NOT_YET_WORDS.search(text, c0, t.start):
            measure, compared_to = "actual", None
        # place
        loc_name, loc_level = place if place else (doc.locality, doc.locality_level)
        ms = _place_for(text, t.start, p.unit_end, c0, c1, mentions, p.unit if p.role != "pair_b" else (p.unit or pend[p.partner].unit))
        if ms:
            loc_name = ", ".join(x.name for x in ms)
            loc_level = ms[0].level if len(ms) == 1 else "commune"
        elif country and _country_of(text, t.start, country, mentions):
            loc_name, loc_level = COUNTRY, None
        elif not place and other_districts:
            carried = _sentence_district(text, t.start, c0, mentions, doc)
            if carried is not None:
                loc_name, loc_level = carried.name, carried.level
        # indicator
        if m.level:  # name the level, not its change: 'tỷ lệ hộ nghèo giảm từ 9,29%' -> 'tỷ lệ hộ nghèo'
            subj_text = CHANGE_VERB_END.sub("", subj_text)
        prev = prev_in_clause.get(c0)
        if not subj_text.strip() and not m.inherit and measure in ("actual", "target") and p.unit is not None and p.unit.noun \
                and prev is not None and prev.fact is not None and prev.unit is not None and prev.unit.noun and prev.role == "single" \
                and prev.verb_text and LIST_JOINT.fullmatch(text[prev.unit_end:t.start]):
            # a list of counted nouns shares the verb written before the first: 'thành lập mới 40 doanh nghiệp, 9 HTX'
            subj_text = prev.verb_text
        p.verb_text = subj_text
        subject = clean_phrase(subj_text)
        p.subject = subject or (anchor.subject if (m.inherit and anchor is not None) else "")
        noun = unit_text if (p.unit and p.unit.noun) else (pend[p.partner].unit.text if p.role == "pair_b" and pend[p.partner].unit and pend[p.partner].unit.noun else None)
        t_start = pend[p.partner].unit_end if p.role == "pair_a" else p.unit_end
        nxt = next((pend[j].tok.start for j in order if j > idx and pend[j].tok.start >= t_start), len(text))
        trailing = clean_phrase(TRAILING_END.split(text[t_start:min(g1, nxt)] + ",")[0])[:80]
        raw_with_brackets = text[max(c0, prev_end):t.start]
        indicator, code = _indicator(p, pend, subject, subj_text, noun, unit_text, trailing, measure, m.inherit, anchor,
                                     prev_in_clause.get(c0), unit_code, text, t.start, c0, c1, raw_with_brackets)
        if ms and br is not None and anchor is not None and anchor.fact is not None and anchor.tok.start < br[0] \
                and anchor.fact.unit == unit_code and measure == anchor.fact.measure \
                and PLACE_LEAD_GAP.fullmatch(text[max(br[0] + 1, c0):ms[0].start]) and PLACE_ONLY_GAP.fullmatch(text[ms[-1].end:t.start]):
            # a level broken down by place in a bracket after it: '320 ha (TH 12 ha; BPN 41 ha)' is the same
            # indicator at each commune
            indicator, code = anchor.fact.indicator, anchor.fact.indicator_code
        if not is_core(code) or _only_time_words(raw_with_brackets):
            # (a subject of time words only is named by the level before it, not by the bullet's topic:
            # 'a. Thu ngân sách: Tổng thu … tháng 9 là 5.199 tỷ đồng; lũy kế 9 tháng là 60.129,9 tỷ đồng')
            carried = _carried_indicator(text, t.start, raw_with_brackets, unit_code, unit_text, measure, pend, idx, mentions)
            if carried is not None:
                indicator, code = carried
        if not is_core(code) and m.inherit and measure in ("change_abs", "change_pct") and anchor is not None and anchor.fact is not None:
            # the level commented on names no catalogue indicator ('điều tra làm rõ 58/61 vụ (so cùng kỳ giảm 20 vụ)'):
            # the change is of the sentence's headline count of the same thing, named earlier
            # (a change counted in its own noun is of that noun's count: '(đạt 96,2%, so cùng kỳ giảm 12 vụ)')
            of_unit, of_text = (unit_code, unit_text) if measure == "change_abs" and unit_code == "COUNT" and unit_text \
                else (anchor.fact.unit, anchor.fact.unit_text)
            same = [a for cands in anchors.values() for a in cands
                    if sent_start <= a.tok.start < anchor.tok.start and a.fact is not None and a.fact.indicator_code
                    and a.fact.unit == of_unit and (a.fact.unit_text or "").lower() == (of_text or "").lower()]
            if same and (code is None or is_core(max(same, key=lambda a: a.tok.start).fact.indicator_code)):
                code = max(same, key=lambda a: a.tok.start).fact.indicator_code
            elif measure == "change_abs" and of_unit != anchor.fact.unit and any(is_core(a.fact.indicator_code) for a in same):
                # (after a share, the change in the count's noun is of the headline count)
                code = max((a for a in same if is_core(a.fact.indicator_code)), key=lambda a: a.tok.start).fact.indicator_code
        if not is_core(code) and measure in ("actual", "target") and unit_class(unit_code) == "percent" and trailing:
            # a part listed after 'trong đó' is of the thing the level before it counted: 'Có 100% tổ chức
            # đảng được xếp loại hoàn thành nhiệm vụ; trong đó: 80% được xếp loại hoàn thành tốt nhiệm vụ'
            before = [q for j, q in pend.items() if j < idx and q.fact is not None and q.tok.start >= sent_start]
            if before:
                q = max(before, key=lambda q: q.tok.start)
                if q.fact.unit == unit_code and q.fact.indicator \
                        and re.search(r"(?<![\wÀ-ỹ])trong đó(?![\wÀ-ỹ])", text[q.unit_end:t.start], re.I):
                    part = match_code([f"{q.fact.indicator} {trailing}"], unit_code)
                    if part != q.fact.indicator_code:  # (a part of a level is not that level: 'trong đó vùng … giảm 0,28%')
                        code = part or code
        respective = _respective_of(text, t.start, p, pend, unit_code)
        if respective is not None:
            indicator, code = respective.indicator, respective.indicator_code
        if code is None and m.verb and m.verb.startswith("tăng") and subject and not m.inherit and unit_code == "PCT" \
                and measure in ("actual", "target"):
            # a level's growth stated as the rate itself: 'Tổng sản phẩm trong tỉnh (GRDP) quý I tăng 6,1%'
            bare = re.sub(r"\s+", " ", PERIOD_WORDS.sub(" ", subject)).strip()  # ('… quý I năm 2023 tăng')
            code = match_code([f"{bare} {m.verb}", f"{m.verb} {bare}"], unit_code)
        if code is None and unit_class(unit_code) == "money_per_person":
            # a product or income stated per person is the per-head indicator: 'GRDP đạt 94 triệu đồng/người'
            if meaning.GRDP_SUBJECT.search(subject):
                code = "GRDP_PER_CAPITA"
            elif re.search(r"(?<![\wÀ-ỹ])thu nhập(?![\wÀ-ỹ])", subject, re.I):
                code = "INCOME_PER_CAPITA"
        if code == "PV_GROWTH" and (doc.locality_level == "province" or re.search(r"GRDP|tổng sản phẩm", text[sentence_span(text, t.start)[0]:t.start], re.I)):
            code = "GRDP_GROWTH"  # a province's economic growth is measured by GRDP, a district's by gross output
        if m.verb and m.verb.startswith("giảm") and subject and not m.inherit:
            # a reduction/growth stated as a quantity: 'tỷ lệ hộ nghèo dân tộc thiểu số giảm 5%'
            code = match_code([f"{m.verb} {subject}", f"{subject} {m.verb}"], unit_code) \
                or (match_code([f"{m.verb} {trailing}", f"{m.verb} tỷ lệ {trailing}"], unit_code)
                    if trailing and unit_class(unit_code) == "percent" else None) or code  # 'giảm 2,1% hộ nghèo'
        if m.verb and not subject and anchor is not None and anchor.fact is not None and anchor.subject:
            # an average change of the level just named: '(bình quân giảm 1,28%/năm)' after 'tỷ lệ hộ nghèo …'
            code = match_code([f"{m.verb} {anchor.subject}", f"{anchor.subject} {m.verb}"], unit_code) or code
            indicator = f"{m.verb} {anchor.subject}".lower()
        if code and code.endswith(REDUCTION_SUFFIX) and LEFT_LEVEL_BEFORE.search(text, max(0, t.start - 20), t.start):
            # the level a reduction leaves is the level's own indicator: 'giảm tỷ lệ hộ nghèo còn 2,5%'
            level = code[:-len(REDUCTION_SUFFIX)]
            code = level if level in catalogue_names() else code
        f = Fact(
            line=para.locate(t.start)[0], col=para.locate(t.start)[1], value=t.value, value_high=p.value_high,
            unit=unit_code or None, unit_text=unit_text, measure=measure, compared_to=compared_to, qualifier=qualifier,
            period=period, locality=loc_name, locality_level=loc_level, indicator=indicator, indicator_code=code,
            sentence=_sentence_text(text, t.start), section=_section_path(sec),
        )
        p.fact = f
        if m.inherit and anchor is not None:
            p.parent = anchor
        if p.role == "pair_b" and kind == "whole":
            f.indicator = "tổng số " + (noun or (subject or "đơn vị")).strip()
            f.indicator_code = None
            # the whole restates a count the sentence gave before: 'Phạm pháp hình sự 40 vụ, điều tra
            # làm rõ 38/40 vụ' -> 40 is again the number of criminal cases
            same = [q.fact for j, q in pend.items() if j < idx and q.fact is not None and q.tok.start >= sent_start
                    and j != p.partner and q.role != "pair_b" and q.fact.measure == "actual" and is_core(q.fact.indicator_code)
                    and q.fact.value == t.value and q.fact.unit == unit_code
                    and (q.fact.unit_text or "").lower() == (unit_text or "").lower()]
            if same:
                f.indicator, f.indicator_code = same[-1].indicator, same[-1].indicator_code
        out.append(f)
        if p.role != "pair_b" and (not m.inherit or measure in ("actual", "target")):
            anchors.setdefault(c0, []).append(p)
        prev_end_in_clause[c0] = p.unit_end
        prev_in_clause[c0] = p


# Words that say when or how a quantity was counted, not what it is: 'lũy kế 10 tháng',
# 'năm 2022', 'giai đoạn 2016-2018', 'bình quân', 'tương đương'
TIME_WORDS = re.compile(
    r"(?<![\wÀ-ỹ])(?:lũy kế|luỹ kế|cộng dồn|tính chung|tính đến|từ đầu năm|cả năm|cả giai đoạn|"
    r"(?:\d{1,2}|hai|ba|sáu|chín)\s+tháng(?:\s+đầu\s+năm)?|tháng\s+\d{1,2}(?:/\d{4})?|quý\s+[IV1-4]+|"
    r"(?:giai đoạn|nhiệm kỳ|thời kỳ)?\s*(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|(?:cuối\s+)?năm\s+(?:19|20)\d\d|(?:19|20)\d\d|"
    r"(?:\d+|năm)\s+năm|bình quân|hàng năm|hằng năm|mỗi năm|tương đương|tương ứng)(?![\wÀ-ỹ])",
    re.I)
# a word (lower-cased) that every TIME_WORDS match holds
TIME_WORDS_KEYS = re.compile(r"lũy|luỹ|cộng|tính|đầu|cả|tháng|quý|19|20|năm|bình|tương")
FILLER_WORDS = re.compile(
    r"(?<![\wÀ-ỹ])(?:/năm|ước tính|ước thực hiện|ước đạt|ước|dự kiến|thực hiện|với|đạt|là|chiếm|được|nâng|lên|"
    r"khoảng|gần|hơn|trên|đến|tới)(?![\wÀ-ỹ])", re.I)


PLACE_LEVEL_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:thành phố|thị xã|huyện|thị trấn|xã|phường|tp\.?|tx\.?)(?![\wÀ-ỹ])", re.I)


RESPECTIVELY = re.compile(r"(?<![\wÀ-ỹ])(?:tương ứng|lần lượt)(?![\wÀ-ỹ])", re.I)


def _respective_of(text: str, pos: int, p: Pending, pend: dict[int, Pending], unit_code: str | None) -> Fact | None:
    """The level a number of a bracketed 'respectively' list stands for: '… nông nghiệp 21,4%;
    công nghiệp 40,1%; dịch vụ 35,2% (cơ cấu tương ứng năm 2022 là: 22,6%; 39,5%; 34,6%)' -> the
    k-th of the bracket is the k-th of the as many levels before it."""
    br = paren_span(text, pos)
    if br is None or not RESPECTIVELY.search(text, br[0], pos):
        return None
    inside = [q for q in pend.values() if br[0] < q.tok.start < br[1] and q.role != "range_high"]
    inside.sort(key=lambda q: q.tok.start)
    if p not in inside:
        return None
    s0 = sentence_span(text, pos)[0]
    before = sorted((q for q in pend.values() if s0 <= q.tok.start < br[0] and q.fact is not None
                     and q.fact.unit == unit_code and paren_span(text, q.tok.start) is None), key=lambda q: q.tok.start)
    if len(before) < len(inside) or len(inside) < 2:
        return None
    return before[len(before) - len(inside) + inside.index(p)].fact


def _only_time_words(raw: str) -> bool:
    """Whether the words before a number name only when it was counted ('; lũy kế 9 tháng là')."""
    words = raw[max(raw.rfind(";"), raw.rfind(","), raw.rfind("("), raw.rfind(")")) + 1:]
    if not TIME_WORDS_KEYS.search(words.lower()) or not TIME_WORDS.search(words):
        return False
    return not re.search(r"[\wÀ-ỹ]{2}", FILLER_WORDS.sub(" ", TIME_WORDS.sub(" ", words)))


def _carried_indicator(text: str, pos: int, raw: str, unit_code: str | None, unit_text: str | None, measure: str,
                       pend: dict[int, Pending], idx: int, mentions) -> tuple[str, str] | None:
    """The indicator of a number whose own words name only when it was counted or where.

    'Giá trị sản xuất … ước đạt 56,6 tỷ đồng; lũy kế 10 tháng đạt 2.642,3 tỷ đồng': the
    sentence's last level in the same unit names it. 'Diện tích lúa của các địa phương: huyện
    A 747,6 ha; huyện B 449 ha': a place heading a list names no quantity, the lead before
    the colon does."""
    s0 = sentence_span(text, pos)[0]
    words = re.sub(r"\([^()]*\)", " ", raw) if "(" in raw else raw
    if "(" in words:
        words = words[words.rfind("(") + 1:]
    # a place named alone before the number, in a list after a colon
    in_list = [mm for mm in mentions if s0 <= mm.start and mm.end <= pos]
    colon = text.rfind(":", s0, pos)
    if in_list and colon >= 0 and in_list[-1].start > colon:
        last = in_list[-1]
        rest = text[max(colon + 1, pos - len(raw)):last.start] + " " + text[last.end:pos]
        rest = PLACE_LEVEL_WORDS.sub(" ", rest)
        if not re.search(r"[\wÀ-ỹ]{2}", FILLER_WORDS.sub(" ", TIME_WORDS.sub(" ", rest))):
            opened = max(text.rfind(ch, s0, colon) for ch in ";()")
            lead = text[max(s0, opened + 1):colon]
            lead = re.sub(r"\s+(?:của|ở|tại)\s+(?:các|từng)\s+(?:địa phương|xã|huyện|đơn vị)[^,;]*$", "", lead, flags=re.I)
            if measure in ("actual", "target"):
                code = match_code([lead], unit_code)
                if code is not None:
                    return clean_phrase(lead).lower()[:120], code
            return None
    # a place's part of the sentence's level, after 'trong đó': 'toàn tỉnh có 112 xã đạt chuẩn
    # nông thôn mới; trong đó huyện A có 8 xã, huyện B có 5 xã' (each is the same indicator, there)
    part_of = text.rfind("trong đó", s0, pos) if in_list and measure in ("actual", "target") else -1
    if part_of >= 0 and in_list[-1].start > part_of:
        last = in_list[-1]
        rest = text[max(part_of + len("trong đó"), pos - len(raw)):last.start] + " " + text[last.end:pos]
        rest = PLACE_LEVEL_WORDS.sub(" ", rest)
        rest = re.sub(r"(?<![\wÀ-ỹ])(?:có|riêng|tại|ở)(?![\wÀ-ỹ])", " ", FILLER_WORDS.sub(" ", rest), flags=re.I)
        if not re.search(r"[\wÀ-ỹ]{2}", rest):
            for j in sorted(pend, reverse=True):
                q = pend[j]
                if j >= idx or q.fact is None or q.tok.start < s0 or q.tok.start > part_of:
                    continue
                if q.fact.measure == measure and q.fact.unit == unit_code and is_core(q.fact.indicator_code) \
                        and (q.fact.unit_text or "").lower() == (unit_text or "").lower():
                    return q.fact.indicator, q.fact.indicator_code
                break
            return None
    # a subject of time words only: the last level of the sentence in the same unit
    if measure not in ("actual", "target") or not TIME_WORDS_KEYS.search(words.lower()) or not TIME_WORDS.search(words):
        return None
    # what is left may repeat the head of the level before ('tổng vốn giai đoạn 2016-2018')
    left = set(re.findall(r"[\wÀ-ỹ]+", FILLER_WORDS.sub(" ", TIME_WORDS.sub(" ", words)).lower()))
    restated = re.search(r"(?<![\wÀ-ỹ])(?:tương đương|tương ứng)(?![\wÀ-ỹ])", words, re.I)
    for j in sorted(pend, reverse=True):
        q = pend[j]
        if j >= idx or q.fact is None or q.tok.start < s0:
            continue
        # (a yearly average of a rate is in '%/năm': 'tăng trưởng năm 2023 đạt 7,1%; bình quân giai đoạn … 6,4%/năm')
        same_unit = (q.fact.unit == unit_code and (unit_code != "COUNT" or (q.fact.unit_text or "").lower() == (unit_text or "").lower())) \
            or {q.fact.unit, unit_code} == {"PCT", "PCT_PER_YEAR"} \
            or (restated and "PCT" not in (q.fact.unit, unit_code))
        if q.fact.measure in ("actual", "target") and same_unit and q.fact.indicator_code:
            if left and not left <= set(re.findall(r"[\wÀ-ỹ]+", (q.fact.indicator or "").lower())):
                return None
            return q.fact.indicator, q.fact.indicator_code
    return None


def _plan_year_before(text: str, pos: int) -> str | None:
    """The last plain year named in the sentence before pos or in the one before it (not a
    comparison base, a horizon or a price base)."""
    found = None
    s0 = _previous_sentence_start(text, pos)
    for ym in periods.YEAR_EXPR.finditer(text, s0, pos):
        pre = text[max(s0, ym.start() - 20):ym.start()]
        if ym.group("y2") or re.search(r"(?:so\s*(?:với)?|định hướng|tầm nhìn|giá\s+(?:so\s+sánh|ss|cố\s+định))\s*$", pre, re.I):
            continue
        found = ym.group("y1")
    return found


def _previous_sentence_start(text: str, pos: int) -> int:
    """Start of the sentence before the one at pos (its own start when it is the first)."""
    s0 = sentence_span(text, pos)[0]
    return sentence_span(text, s0 - 2)[0] if s0 > 1 else s0


def _default_base(text: str, pos: int, unit_end: int, period: str | None, last_base: tuple[int, str] | None) -> str | None:
    """The base of a change that names none: the base of the headline change it details
    ('GRDP tăng 8,1% so với năm 2022. Trong đó: … dịch vụ tăng 14,4%' -> year:2022), else the
    same time before (last year's level in a year's report, the previous term's in a term's);
    none when it compares with the country ('gấp 2,95 lần bình quân cả nước')."""
    if re.match(r"^[^;.]{0,30}?(?:cả nước|toàn quốc|bình quân chung|của vùng)", text[unit_end:unit_end + 40], re.I):
        return None
    s0 = sentence_span(text, pos)[0]
    colon = text.find(":", s0, pos)
    if colon > 0:
        # the base named in the lead of a list: 'Sản lượng … so với cùng kỳ năm trước như sau: cam 2,4 nghìn
        # tấn, tăng 3,1%; …'
        leads = [m.start() for m in LEAD_BASE.finditer(text, s0, colon)]
        lead_ref = meaning._ref_after(text[leads[-1]:colon]) if leads else None
        if lead_ref:
            return lead_ref
    if last_base is not None and last_base[0] in (s0, _previous_sentence_start(text, pos)):
        return last_base[1]
    detailed = periods.detailed_sentence_start(text, s0)
    if detailed is not None:
        s0 = detailed  # (a base outside the list may be named in the sentence it details)
    if OTHER_BASE.search(text, s0, pos):
        return None  # a base outside the contract's list: 'so với 31/12/2019 tăng 120 tỷ đồng', 'so với đầu năm'
    # (a one-year span is a crop season or a school year, whose base is the same season before)
    return "previous_term" if period and TERM.fullmatch(period) and int(period[-4:]) - int(period[:4]) > 1 else "same_period"


LEAD_BASE = re.compile(r"(?<![\wÀ-ỹ])so\s+(?:với\s+)?", re.I)
# a comparison base named in the sentence that is none of compared_to's values (NOTES.md: null)
OTHER_BASE = re.compile(r"(?<![\wÀ-ỹ])so\s+(?:với\s+)?(?:ngày\s+|thời điểm\s+)?"
                        r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d|đầu năm|tháng trước)(?![\wÀ-ỹ])", re.I)


def _default_period(doc: DocContext, sec: Section) -> str | None:
    """The document's period, except that the results part of a term report (whose own
    period is the new term), or of news of the congress opening a term, reports on the term
    before: 2020-2025 -> 2015-2020."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", doc.period or "")
    if m is None and doc.term_ahead:
        m = re.fullmatch(r"(\d{4})-(\d{4})", doc.term_ahead)  # a congress's news: the results of the term before
    if m and (doc.info.kind == "bao_cao_chinh_tri" or doc.term_ahead) and (sec.mode or doc.mode) == "actual":
        y1, y2 = int(m.group(1)), int(m.group(2))
        return f"{y1 - (y2 - y1)}-{y1}"
    return doc.period


def _pick_anchor(text: str, cands: list[Pending], pos: int) -> Pending | None:
    """The level a comment like `đạt 101% kế hoạch` refers to: the latest fact of the clause,
    skipping facts inside a bracket that closed before (`… 3.244 ha (trong đó 289,5 ha …), đạt 101%`)."""
    for a in reversed(cands):
        between = text[a.tok.start:pos]
        if between.count(")") > between.count("("):
            continue
        return a
    return None


BRACKETED = re.compile(r"\([^()]*\)")
LEADING_STOP = re.compile(r"\s*[,;]")
BEFORE_AND = re.compile(r"^.*(?<![\wÀ-ỹ])(?:và|cùng với|với)\s+")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def _subject_text(raw: str, after_fact: bool = False) -> str:
    """Words naming the quantity: the clause text before the number without bracketed asides,
    from the last comma (reaching back over commas while the phrase is too short to name
    anything: `Tỷ lệ hộ sử dụng điện thường xuyên, an toàn đạt 99,8%`)."""
    s = BRACKETED.sub(" ", raw)
    if ")" in s:  # the tail of a bracket opened before the previous number
        s = s[s.rfind(")") + 1:]
    if "(" in s:
        s = s[s.rfind("(") + 1:]
    if after_fact:
        # '99,21% ấp văn hóa và 85,5% gia đình văn hóa': before 'và' are the previous number's words
        # (not when a comma closed the previous number's words: '…tăng 10%, doanh thu bán lẻ hàng hóa và dịch vụ tăng 18%')
        m = BEFORE_AND.search(s)
        if m and "," not in s[m.end():] and not LEADING_STOP.match(s):
            s = s[m.end():]
    parts = s.split(",")
    k = len(parts) - 1
    subj = parts[k]
    # right after another number, the first part still describes that number ('20% xã đạt chuẩn …,')
    floor = 1 if after_fact else 0
    while k > floor and len(clean_phrase(subj).split()) < 4 and not _has_quantity(parts[k - 1]):
        k -= 1
        subj = parts[k] + "," + subj
    return SPACES.sub(" ", subj).strip(" ,;:-–*")


YEAR_OR_DURATION = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d+\s*(?:tháng|năm)(?![\wÀ-ỹ])")
DIGIT = re.compile(r"\d")


def _has_quantity(s: str) -> bool:
    """Digits other than years and 'N tháng/năm' durations (which name no other quantity)."""
    s = YEAR_OR_DURATION.sub("", s)
    return bool(DIGIT.search(s))


IN_THE_MONTH = re.compile(r"(?<![\wÀ-ỹ])trong tháng(?!\s*\d)(?![\wÀ-ỹ])", re.I)
IMPLIED_HEAD = {"area": "diện tích gieo trồng", "mass": "sản lượng", "yield": "năng suất"}


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    heads: list[str] = []
    topics: list[str] = []
    with open(CATALOG / "indicator_context.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            (heads if r["kind"] == "generic_head" else topics).append(r["phrase"].strip().lower())
    return tuple(sorted(heads, key=len, reverse=True)), tuple(sorted(topics, key=len, reverse=True))


@lru_cache(maxsize=1)
def _topic_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    _, topics = _context_words()
    return tuple((tw, re.compile(r"(?<![\wÀ-ỹ])" + re.escape(tw) + r"(?![\wÀ-ỹ])")) for tw in topics)


@lru_cache(maxsize=1)
def _heads_spaced() -> tuple[tuple[str, int], ...]:
    """Each generic head followed by a space, with its number of words."""
    heads, _ = _context_words()
    return tuple((h + " ", len(h.split())) for h in heads)


@lru_cache(maxsize=1)
def _heads_tuple() -> tuple[str, ...]:
    return tuple(h for h, _ in _heads_spaced())


@lru_cache(maxsize=1)
def _heads_re() -> re.Pattern:
    """Any generic head, inside words too (as `h in text`)."""
    heads, _ = _context_words()
    return re.compile("|".join(re.escape(h) for h in heads) or "\u0000")


def _topic_noun(text: str, last: bool = False) -> str | None:
    """The first topic noun (crop, herd, sector) named in text, or the last one."""
    low = text.lower()
    best = None
    for tw, pat in _topic_patterns():
        if tw not in low:
            continue  # (the pattern is the word itself, whole)
        for m in pat.finditer(low):
            if best is None or (m.start() > best[0] if last else m.start() < best[0]):
                best = (m.start(), tw)
            if not last:
                break
    return best[1] if best else None


@lru_cache(maxsize=256)
def _code_fits_topic(code: str, topic: str) -> bool:
    """Whether an indicator may be about the topic noun (crop, herd, sector) a generic head is
    completed with: one of its names holds the topic, or none names another topic."""
    names = [a.text for a in aliases() if a.code == code]
    topic_re = re.compile(r"(?<![\wÀ-ỹ])" + re.escape(norm(topic)) + r"(?![\wÀ-ỹ])")
    if any(topic_re.search(n) for n in names):
        return True
    return not any(pat.search(n) for tw, pat in _topic_patterns() for n in names)


RATE_ONLY = re.compile(r"(?:tỷ lệ|tỉ lệ)")
NUMBER_LITERAL = re.compile(r"\d[\d.,]*")
YEARLY_ONLY = re.compile(r"(?:bình quân|hàng năm|mỗi năm|\s)*")
CONTINUED_COUNT = re.compile(r"(?:\s|dự kiến|ước|nâng|tổng số|cuối năm|đến nay|đưa|thêm|là|được|lên)*")
TWO_LETTERS = re.compile(r"[\wÀ-ỹ]{2}")


def _indicator(p: Pending, pend: dict[int, Pending], subject: str, subj_text: str, noun: str | None, unit_text: str | None,
               trailing: str, measure: str, inherit: bool, anchor: Pending | None, prev: Pending | None,
               unit_code: str, text: str, pos: int, c0: int, c1: int, raw: str = "") -> tuple[str | None, str | None]:
    if p.role == "pair_b":
        a = pend[p.partner]
        p.phrases = a.phrases
        if a.fact is not None:
            return a.fact.indicator, a.fact.indicator_code
    own_noun = bool(noun) and anchor is not None and anchor.fact is not None and \
        (anchor.fact.unit_text or "").lower() != (noun or "").lower() and measure in ("actual", "target")
    if inherit and anchor is not None and anchor.fact is not None and not own_noun:
        code = anchor.fact.indicator_code
        p.phrases = anchor.phrases
        if not is_core(code) and measure in ("attainment_pct", "change_pct") and anchor.parent is not None \
                and anchor.parent.fact is not None and anchor.parent.fact.indicator_code:
            code = anchor.parent.fact.indicator_code  # '10/44 trường …, đạt 22,7% …(đạt 113,5% so Nghị quyết)'
        if code is not None and measure in ("actual", "target") and not code_fits_unit(code, unit_code):
            code = None  # a share in % of a counted level is another indicator ('38/52 trường …, đạt 73,08%')
        if code is None:
            extra = [f"{subj_text} {anchor.subject}", f"{subj_text} {trailing}", trailing]
            if measure in ("actual", "target"):
                code = match_code([f"tỷ lệ {ph}" for ph in anchor.phrases[:3]] + list(anchor.phrases) + extra, unit_code)
            elif measure == "attainment_pct" and (re.search(r"tỷ lệ", subj_text) or re.search(r"kế hoạch vốn", text[pos:c1])):
                code = match_code(list(anchor.phrases) + extra + [text[pos:c1]], unit_code)
        return anchor.fact.indicator, code
    heads, _ = _context_words()
    phrases: list[str] = []
    low = subject.lower()
    if low in heads or low.startswith(_heads_tuple()) and any(low.startswith(h_) and len(low.split()) <= n + 2
                                                             for h_, n in _heads_spaced()):
        topic = _topic_noun(subject) or _topic_noun(trailing) or _topic_noun(text[c0:pos]) or _topic_noun(text[:pos], last=True)
        if topic:
            # a generic head completed by its topic noun names the indicator, or nothing
            named = subject if re.search(r"(?<![\wÀ-ỹ])" + re.escape(topic) + r"(?![\wÀ-ỹ])", low) else f"{subject} {topic}"
            p.phrases = (named,)
            head = max((h for h in heads if low == h or low.startswith(h + " ")), key=len)
            # 'Cây lúa: Diện tích thực hiện 23.255 ha': the head and its topic, without the filler between
            code = match_code([named, f"{subj_text} {topic}", f"{head} {topic}"],
                              unit_code if measure in ("actual", "target") else None)
            if code and not _code_fits_topic(code, topic):
                code = None  # 'năng suất ngô' is not the rice yield the bare 'năng suất bình quân' may name
            return (named.lower()[:120], code)
    if "(" in raw and ")" in raw:
        phrases.append(re.split(r"[,;]", raw.replace("(", " ").replace(")", " "))[-1])  # 'tăng trưởng kinh tế (GRDP)'
    if noun:
        phrases.append(f"{subj_text} {noun} {trailing}")
    phrases += [subj_text, subject]
    if not noun and trailing:
        phrases.append(f"{subject} {trailing}")  # 'xuống giống 12.500 ha lúa'

    if noun:
        phrases.append(f"{noun} {trailing}")
    if unit_text:
        phrases.append(unit_text)
    if RATE_ONLY.fullmatch(low) and anchor is not None:
        phrases.insert(0, f"tỷ lệ {anchor.subject}")
    if trailing:
        phrases.append(trailing)
    own = NUMBER_LITERAL.match(text[pos:])
    start_after = pos + (own.end() if own else 1)
    nxt_num = NEXT_SHARE.search(text, start_after, c1)  # up to the next share
    after_end = nxt_num.start() if nxt_num else c1
    loose = [text[pos:after_end]] if unit_class(unit_code) == "percent" else []
    if unit_class(unit_code) == "percent" and YEARLY_ONLY.fullmatch(low):
        loose.append(text[c0:pos])  # 'tỷ lệ hộ nghèo giảm …, bình quân hàng năm giảm 1,5%'

    tp = topic_of(text, pos)
    if tp:
        loose.append(f"{tp} {subject} {noun or ''}")  # the bullet's topic: whole long aliases only
    if _heads_re().search(low):  # a generic head in it
        phrases.append(text[c0:pos])  # the clause so far (word-set tier: 'thả nuôi … trên diện tích 153 ha')
    if not subject and anchor is not None and anchor.fact is not None and unit_class(unit_code) == "percent":
        # a bare share after a count: '9.214 hộ nghèo (3,22%)' -> 'tỷ lệ hộ nghèo'
        phrases = [f"tỷ lệ {ph}" for ph in anchor.phrases[:3]] + list(anchor.phrases) + phrases
    p.phrases = tuple(phrases)
    match_unit_code: str | None = unit_code if measure in ("actual", "target", "change_abs") else None
    code = match_code(phrases, match_unit_code, loose=loose)
    if code is None and names_sector(raw or subject):
        # the sentence before may name GRDP: 'GRDP tăng 9%. Trong đó, khu vực … tăng 3%'
        # the lead of a list after a colon names what the list counts: 'Cơ cấu kinh tế năm 2021: …'
        s0 = sentence_span(text, pos)[0]
        colon = text.rfind(":", s0, c0 + 1)
        list_lead = text[s0:colon] if colon >= s0 else ""
        code = sector_code(raw or subject, f"{topic_of(text, pos)} {list_lead} {text[c0:pos]}", unit_code, measure,
                           context=text[_previous_sentence_start(text, pos):pos])
    elif code is not None and measure == "change_pct" and names_sector(raw or subject) and is_sector_code(code) \
            and in_value_added(raw or subject, text[_previous_sentence_start(text, pos):pos]):
        # a sector's growth inside GRDP ('GRDP tăng 8%. Trong đó: khu vực II (công nghiệp và xây dựng)
        # tăng 13%') names no indicator, however its name reads like a sector's value or share
        code = None
    if code is None and measure in ("actual", "target") and unit_class(unit_code) in IMPLIED_HEAD:
        # the unit names the measure a crop or herd is counted in: 'lúa mùa gieo trồng được 7.748 ha'
        # is the rice area, '32 nghìn tấn hồ tiêu' the pepper output
        topic = _topic_noun(subject, last=True) or _topic_noun(trailing)
        # planted when said so in the subject, or earlier in the sentence with no harvest since
        # ('Toàn tỉnh đã gieo trồng được 41.900 ha, …, trong đó lúa nước 31.500 ha')
        lead = text[sentence_span(text, pos)[0]:pos]
        verbs = list(re.finditer(r"(?<![\wÀ-ỹ])(?:gieo|xuống giống|cấy|sạ|trồng|thu hoạch)(?![\wÀ-ỹ])", lead, re.I))
        planted = re.search(r"(?<![\wÀ-ỹ])(?:gieo|xuống giống|cấy|sạ|trồng)(?![\wÀ-ỹ])", subject, re.I) or (
            verbs and verbs[-1].group(0).lower() != "thu hoạch" and not re.search(r"thu hoạch|liên kết|chuyển đổi", subject, re.I))
        if topic and (unit_class(unit_code) != "area" or planted):  # an area is a planted area only when said so
            code = match_code([f"{IMPLIED_HEAD[unit_class(unit_code)]} {topic}"], unit_code)
    if code is None and unit_class(unit_code) == "percent" and 0 < len(subject.split()) <= 5:
        # a short rate named in full earlier in the sentence: 'đề án bảo hiểm y tế …, tỷ lệ bao phủ đạt 96%'
        code = complete_code(subject, text[sentence_span(text, pos)[0]:pos], unit_code)
    if code is None and noun and prev is not None and prev.fact is not None and prev.fact.indicator_code \
            and (prev.fact.unit_text or "").lower() == noun.lower() and measure in ("actual", "target") \
            and CONTINUED_COUNT.fullmatch(subj_text.lower()):
        code = prev.fact.indicator_code  # the same counted thing continued: 'đưa 31 lao động …, dự kiến … 44 lao động'
    if subject and len(subject) >= 3:
        ind = subject
        if noun and noun.lower() not in subject.lower():
            # the counted thing, what is said of it, and the verb: 'lao động đi làm việc ở nước ngoài (đưa)'
            ind = f"{noun} {trailing} {subject}" if len(subject.split()) <= 4 else f"{subject} {noun} {trailing}"
        elif not noun and trailing and len(subject.split()) <= 3:
            ind = f"tỷ lệ {trailing}" if unit_class(unit_code) == "percent" and "tỷ lệ" not in subject.lower() else f"{subject} {trailing}"
    elif noun:
        ind = f"{noun} {trailing}".strip()
    elif trailing and unit_class(unit_code) == "percent":
        ind = f"tỷ lệ {trailing}"
    elif anchor is not None and anchor.fact is not None:
        ind = anchor.fact.indicator
    else:
        ind = trailing or None
    if ind and not TWO_LETTERS.search(ind):
        ind = topic_of(text, pos) or None  # nothing but punctuation: name it by the bullet's topic
    if ind:
        ind = " ".join(ind.lower().split()[:16])
    return ind, code


PLAN_PARTS = re.compile(r"\s*(?:nhóm\s+)?(?:trang|nội dung|chỉ tiêu|nhiệm vụ|giải pháp|bài học|khâu đột phá|đột phá|"
                        r"chương|phần|chương trình|đề án)(?![\wÀ-ỹ])", re.I)
TERM = re.compile(r"(?:19|20)\d\d-(?:19|20)\d\d")  # a span period: a term, a plan period
CADRE_PLAN = re.compile(r"(?<![\wÀ-ỹ])quy hoạch\s+(?:vào\s+)?(?:ban chấp hành|ban thường vụ|cấp ủy|cán bộ|chức danh|các chức danh)",
                        re.I)
GROWTH_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:tốc độ tăng|tăng trưởng)(?![\wÀ-ỹ])", re.I)
CAPTION_UNIT = re.compile(r"(?:\(\s*%\s*\)|[-–:]\s*%|\((?:đvt|đơn vị(?: tính)?)\s*:?\s*%\))\s*$", re.I)


def _caption_meaning(text: str, current: ColumnMeaning | None) -> ColumnMeaning | None:
    """A short line ending in '(%)' / '- %' that states a comparison ('Tốc độ tăng so với cùng
    kỳ năm trước (%)') governs the bare numbers of the short lines beneath it, as a table
    header does its column; a prose paragraph ends its reach."""
    line = text.strip()
    if len(line) <= 220 and CAPTION_UNIT.search(line):
        found = column_meaning(line, None)
        if found is not None and found.percent:
            if GROWTH_WORDS.search(line):  # a growth rate's own value is its actual
                return ColumnMeaning("actual", period=found.period, percent=True)
            return found
    if len(line) > 120:
        return None
    return current


AXIS_LINE = re.compile(r"^\s*0(?:\s+\d{1,5}(?:[.,]\d+)?){3,}\s*$")  # a chart's value axis: '0 20 40 60 80'
CHART_BAR_MAX = 120  # a bar's label and value, short


def _axis_ticks_even(text: str) -> bool:
    """Evenly spaced ticks from 0, as a chart's axis is drawn (not a row of counts)."""
    vals = [float(v.replace(",", ".")) for v in text.split()]
    steps = {round(b - a, 6) for a, b in zip(vals, vals[1:], strict=False)}
    return len(steps) == 1 and next(iter(steps)) > 0


def _chart_captions(paragraphs: list[Paragraph]) -> dict[int, ColumnMeaning]:
    """A chart flattened into lines: its bars ('Thu ngân sách 112,5'), then its value axis ('0 50
    100 150'), then its title below ('Tốc độ phát triển … so cùng kỳ năm trước'). A title that
    states a comparison governs the bare numbers of the bars above the axis, as a caption does
    the short lines beneath it. Paragraph index -> the title's meaning."""
    out: dict[int, ColumnMeaning] = {}
    for k, para in enumerate(paragraphs):
        if not AXIS_LINE.match(para.text) or not _axis_ticks_even(para.text):
            continue
        title: list[str] = []
        for nxt in paragraphs[k + 1:k + 5]:
            if not re.search(r"[A-Za-zÀ-ỹ]", nxt.text):
                continue  # a stray mark of the drawing ('>')
            if len(nxt.text) > CHART_BAR_MAX or is_caps_line(nxt.text.strip()) or len(title) == 2:
                break
            title.append(nxt.text.strip())
        found = column_meaning(" ".join(title), None) if title else None
        if found is None or found.measure not in ("attainment_pct", "change_pct"):
            continue
        for j in range(k - 1, -1, -1):
            bar = paragraphs[j].text.strip()
            if len(bar) > CHART_BAR_MAX or is_caps_line(bar) or AXIS_LINE.match(bar):
                break
            out[j] = found
    return out


# a column's head in a table flattened into lines, a period alone: '6 tháng đầu năm 2023', 'Năm 2022',
# 'Ước tính năm 2024', 'Tháng 6/2023'
COLUMN_HEAD_LINE = re.compile(r"(?:ước\s+(?:tính\s+|thực hiện\s+|th\s+)?)?(?:(?:(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+đầu)?\s+)?năm\s+"
                              r"((?:19|20)\d\d)|tháng\s+(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d\d))", re.I)
BARE_NUMBER_LINE = re.compile(r"[-+]?\d[\d.,]*")
TOTAL_ROW = re.compile(r"(?:tổng\s+số|tổng|tổng cộng|chung|toàn\s+(?:tỉnh|huyện|thành phố|thị xã))\s*:?", re.I)


@dataclass
class _FlatRows:
    """The rows of a table flattened into lines under a caption: the column heads (each a
    period alone on its line), then each row's label on a line and its values one per line,
    in the order of the columns. Rows after a total row ('Tổng số') are its parts."""
    base: str | None
    columns: list[str]
    col: int = 0
    rows_started: bool = False
    total_seen: bool = False
    part: bool = False

    def step(self, text: str) -> tuple[str | None, bool]:
        """(the column period, whether the row is a part of the total) of a line's bare value."""
        line = text.strip()
        head = COLUMN_HEAD_LINE.fullmatch(line)
        if head:
            if self.rows_started:
                self.columns, self.rows_started, self.total_seen = [], False, False
            self.columns.append(head.group(1) or f"{head.group(3)}-{int(head.group(2)):02d}")
            self.col = 0
            return None, False
        if BARE_NUMBER_LINE.fullmatch(line):
            if not self.columns:
                return None, False
            period = self.columns[self.col] if self.col < len(self.columns) else None
            self.col += 1
            return period, self.part
        if re.search(r"[A-Za-zÀ-ỹ]", line) and not re.search(r"\d", line):
            self.rows_started = True
            if TOTAL_ROW.fullmatch(line):
                self.total_seen, self.part = True, False
            else:
                self.part = self.total_seen
            self.col = 0
        return None, False


def parse_lines(lines: list[str], source_name: str = "", tables: list[Table] | None = None,
                ocr: dict[int, float] | None = None) -> ParsedDocument:
    """Facts of a report's lines; `tables` (grids of some of those lines) are read by their
    header (parse/tables.py) and their rows left out of the prose; facts on OCR'd lines
    (`ocr`: line index -> confidence) are flagged."""
    outline = build_outline(lines)
    doc = document_context(lines, outline)
    facts: list[Fact] = []
    warnings: list[str] = []
    in_tables: set[int] = set()
    caption: ColumnMeaning | None = None  # a caption's meaning, for the short lines beneath it
    flat = _FlatRows(None, [])  # the columns and rows of the lines under that caption
    for table in tables or ():
        try:
            got = table_facts(table, doc.period, (doc.locality, doc.locality_level), lines)
        except Exception as exc:  # noqa: BLE001 - one odd table must not lose the whole report
            warnings.append(f"{table.name}: {type(exc).__name__}: {exc}")
            continue
        if got is not None:
            facts.extend(got[0])
            in_tables |= got[1]
    # footnote k takes the section of the k-th mark
    marks = outline.footnote_marks
    charts = _chart_captions(outline.paragraphs) if any(AXIS_LINE.match(p.text) for p in outline.paragraphs) else {}
    for pi, para in enumerate(outline.paragraphs):
        sec = outline.sections[para.section_index] if para.section_index >= 0 else Section([], None, None)
        place = None
        if para.footnote:
            k = para.footnote
            if 0 < k <= len(marks):
                mp = outline.paragraphs[marks[k - 1][0]]
                sec = outline.sections[mp.section_index]
                # the mark's own clause may name a year or a place: 'Năm 2018⁽³⁾', 'xã Tân Hòa⁽⁴⁾'
                mpos = marks[k - 1][1]
                cy = periods.clause_period(mp.text, mpos, mpos, period_clause_start(mp.text, mpos), periods.end_year(sec.period))
                sec = Section(sec.path, cy or sec.period, sec.mode)
                place = _mark_place(mp.text, mpos, doc)
            else:
                sec = Section(["Chú thích"], None, None)
            sec = Section(sec.path + [f"chú thích {k}"], sec.period, sec.mode)
        if in_tables and all(seg.line - 1 in in_tables for seg in para.segments):
            continue
        before = caption
        if pi in charts:
            caption = charts[pi]
        else:
            # (a chart's title reaches up to its bars only, not down into the text after it)
            caption = _caption_meaning(para.text, None if pi - 1 in charts else caption)
        if caption is not before:
            found = column_meaning(para.text.strip(), None) if caption is not None else None
            flat = _FlatRows((found or caption).compared_to or "same_period" if caption else None, [])
        row = flat.step(para.text) if caption is not None and pi not in charts else None
        for piece in split_long(para):
            try:
                _extract_paragraph(piece, sec, doc, facts, place, caption, row, flat.base if row else None)
            except Exception as exc:  # noqa: BLE001 - one odd paragraph must not lose the whole report
                warnings.append(f"line {piece.first_line}: {type(exc).__name__}: {exc}")
    # a place the text spells only with its tone marks placed the other way keeps its spelling
    spelled = text_spellings({f.locality for f in facts if f.locality}, "\n".join(lines))
    for f in facts:
        if f.locality in spelled:
            f.locality = spelled[f.locality]
        # the contract's field names only the contract's codes; the catalogue's finer code rides beside it
        f.catalogue_code = f.indicator_code
        if f.indicator_code is not None and not is_core(f.indicator_code):
            f.indicator_code = None
        conf = (ocr or {}).get(f.line - 1)
        if conf is not None:
            f.ocr, f.ocr_confidence = True, conf
    facts.sort(key=lambda f: (f.line, f.col))
    return ParsedDocument(source_name=source_name, info=doc.info, facts=facts, line_count=len(lines), warnings=warnings)
