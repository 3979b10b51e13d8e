"""What the document says about itself: title, kind, issuer, place, date, period, default measure.

Kind comes from the title words (`BÁO CÁO CHÍNH TRỊ`, `TRÌNH ĐẠI HỘI` -> political report;
`BÁO CÁO … kết quả` -> results report; `CHƯƠNG TRÌNH`, `KẾ HOẠCH` -> plans) or, for an
untitled export, from how the text names itself (`thực hiện Chương trình này`). A plan's
numbers are targets unless a section says otherwise; a report's are actuals.
The period is the title's year or term, else the first `năm YYYY` of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.parse.model import DocumentInfo
from baocao.parse.periods import CUTOFF_DATE, MONTH_EXPR, end_year
from baocao.parse.places import caps_to_title, resolve_document_place
from baocao.parse.structure import YEAR, YEAR_SPAN, Outline, is_caps_line, match_heading

KINDS = [
    ("bao_cao_chinh_tri", re.compile(r"báo cáo chính trị|trình đại hội", re.I)),
    ("bao_cao_ket_qua", re.compile(r"^báo cáo\b", re.I)),
    ("chuong_trinh", re.compile(r"chương trình (?:công tác|hành động|làm việc)|^chương trình$", re.I)),
    ("ke_hoach", re.compile(r"^kế hoạch\b", re.I)),
    ("nghi_quyet", re.compile(r"^nghị quyết\b", re.I)),
    ("bao_cao_ket_qua", re.compile(r"^báo cáo\b|kết quả thực hiện", re.I)),
]
SELF_NAME = re.compile(r"(Chương trình|Kế hoạch|Báo cáo|Nghị quyết)\s+(?:công tác\s+)?(?:này|năm\s+\d{4}\s+của)", re.I)
ISSUER = re.compile(r"^(?:BAN CHẤP HÀNH ĐẢNG BỘ|BAN THƯỜNG VỤ|HUYỆN ỦY|HUYỆN UỶ|TỈNH ỦY|TỈNH UỶ|ĐẢNG BỘ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ)[^\n]{0,80}$")
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.I)


NAMED_YEAR = re.compile(r"(?<![\wÀ-ỹ])năm\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)(?!\d)", re.I)
NOT_THE_DOCUMENTS_YEAR = re.compile(
    r"(?:so\s+(?:với\s+)?(?:cùng kỳ\s+|cuối\s+|đầu\s+)?|đến\s+(?:cuối\s+)?|tầm nhìn\s+(?:đến\s+)?|định hướng\s+(?:đến\s+)?|giá\s+so\s+sánh\s+|"
    r"giá\s+ss\s+|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+|từ\s+|sau\s+|năm\s+(?:ngoái|trước)\s*\(\s*)$", re.I)


TARGETS_OPENING = re.compile(r"^\W*(?:date\s+\S+\s+)?(?:một số\s+|các\s+)?(?:chỉ tiêu|mục tiêu)(?:\s+chủ yếu)?"
                             r"(?:\s+và\s+[^.:;()\n]{1,40}?)?\s*\(?\s*(?:trong\s+)?(?:nhiệm kỳ|giai đoạn)\s+"
                             r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", re.I)
REPORT_TITLE_LINE = re.compile(r"^\s*(?:tình hình|báo cáo|kết quả thực hiện)\s+(?:thống kê\s+)?(?:tình hình\s+)?(?:kinh tế|phát triển kinh tế)", re.I)


def dominant_year(text: str) -> str | None:
    """An untitled text's year: the year it names most (`năm 2022`), leaving out
    comparisons (`so với năm 2021`), horizons (`đến năm 2030`), price bases and dates;
    the first named wins a tie."""
    counts: dict[str, int] = {}
    for m in NAMED_YEAR.finditer(text):
        if NOT_THE_DOCUMENTS_YEAR.search(text[max(0, m.start() - 30):m.start()]):
            continue
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(counts, key=lambda y: counts[y]) if counts else None


# a year named only as the base of a comparison: 'tăng 14% so với cùng kỳ năm 2021', 'so với
# cuối năm 2021', 'so với năm 2021', or named as last year: 'năm ngoái (năm 2018 thu …)'
COMPARED_YEAR = re.compile(r"(?<![\wÀ-ỹ])(?:so\s+(?:với\s+)?(?:cùng kỳ\s+|cuối\s+)?|năm\s+(?:ngoái|trước)\s*\(\s*)năm\s+"
                           r"((?:19|20)\d\d)(?!\s*[-–]\s*\d)(?!\d)", re.I)
TERM_SPAN = re.compile(r"(?:nhiệm kỳ|giai đoạn)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", re.I)
COUNCIL_TERM_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:khóa|khoá)\s+[IVXLC]+\s*[,;]?\s*$", re.I)
# a web page's own date line or stamp near its top: ' date 2024-06', 'Ngày đăng: 07/12/2023', '05:21, 21/09/2023'
PAGE_DATE = re.compile(r"^\s*date\s+((?:19|20)\d\d)-\d\d|(?<![\d/])\d{1,2}/\d{1,2}/((?:19|20)\d\d)(?!\d)", re.M)

# the date of a decision cited, not of the page: 'theo Nghị quyết số 12/NQ-CP ngày 05/03/2013'
CITED_DOCUMENT_BEFORE = re.compile(r"(?<![\wÀ-ỹ])số\s+\d+[^\s,;]*/[^\s,;]+\s+ngày\s+$", re.I)

# a congress opening a term, reported as it meets: 'đại hội đại biểu Đảng bộ … lần thứ X, nhiệm
# kỳ 2025-2030, đã thông qua …' (not a resolution of it quoted later: 'Nghị quyết Đại hội …')
CONGRESS_OPENING = re.compile(r"(?<![\wÀ-ỹ])(?<!quyết\s)đại hội(?![\wÀ-ỹ])[^.;\n]{0,120}?nhiệm kỳ\s+"
                              r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", re.I)


def congress_term(lines: list[str]) -> str | None:
    """The term ('2025-2030') a text opens on the congress of, if it does: a term's congress
    meets as the term begins, so such a text is of the term's first year."""
    m = CONGRESS_OPENING.search("\n".join(lines[:6])[:1500])
    return f"{m.group(1)}-{m.group(2)}" if m else None


def _page_year(lines: list[str]) -> str | None:
    """The year of the page's own date stamp near its top."""
    for line in lines[:4]:
        for m in PAGE_DATE.finditer(line):
            # a stamp stands at a line's head or on a short line, not inside the body's sentences
            if (m.start() < 40 or len(line) < 120) and not CITED_DOCUMENT_BEFORE.search(line, max(0, m.start() - 60), m.start()):
                return m.group(1) or m.group(2)
    return None


def implied_year(text: str, lines: list[str]) -> str | None:
    """A text naming no year of its own ('6 tháng đầu năm, … tăng 14% so với cùng kỳ năm
    2021'): the year after the latest base it compares with, else the year of the page's
    own date near its top, else the year of a cut-off date it counts to."""
    # (not in a term's text, where bases reach back to the start of a term and forward to the next)
    # (a council's own term, named with its 'khóa', is its title, not a term the text is about:
    # 'HĐND huyện (khóa XI, nhiệm kỳ 2016 - 2021) họp kỳ thứ 7')
    terms = [m for m in TERM_SPAN.finditer(text) if not COUNCIL_TERM_BEFORE.search(text, max(0, m.start() - 20), m.start())]
    bases = [] if terms else [int(m.group(1)) for m in COMPARED_YEAR.finditer(text)]
    stamp = _page_year(lines)
    if bases:
        # (a page dated years after it compares with a base long past: 'gấp 2,5 lần so năm 2011'
        # in news of 2019 — the page's year is the text's)
        if stamp is not None and int(stamp) - (max(bases) + 1) >= 2:
            return stamp
        return str(max(bases) + 1)
    if stamp is not None:
        return stamp
    # else the year of the latest cut-off date its figures are counted to ('tính đến ngày
    # 15/5/2021', 'đến thời điểm 20/4/2021')
    cutoffs = [int(m.group(1)) for m in CUTOFF_DATE.finditer(text)]
    return str(max(cutoffs)) if cutoffs else None


@dataclass
class DocContext:
    info: DocumentInfo
    mode: str  # default measure: 'actual' or 'target'
    period: str | None
    year_end: int | None
    locality: str | None
    locality_level: str | None
    district_code: str | None
    month: str | None = None  # the month a month's report is about ('2022-10'), for 'trong tháng'
    # the term a text naming no year of its own opens the congress of ('2025-2030'): its targets'
    term_ahead: str | None = None


def _title(lines: list[str], outline: Outline) -> str | None:
    out: list[str] = []
    for raw in lines[:15]:
        s = raw.strip().strip("*").strip()
        if not s or set(s) <= set("-_*=."):
            if out:
                continue
            continue
        if len(s) > 160 or (out and (match_heading(s) or s.startswith("-") or re.search(r"[.;]$", s))):
            break  # a heading, a list item or a sentence of the body is not the title's next line
        if re.match(r"^(BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|TRÌNH ĐẠI HỘI|BÁO CÁO CHÍNH TRỊ)\b", s) or (out and len(out) < 4):
            out.append(s)
            continue
        if out:
            break
    if not out:
        return None
    return re.sub(r"\s+", " ", " ".join(out)).strip()


ISSUER_TEXT = re.compile(
    r"(Ban Chấp hành Đảng bộ (?:huyện|tỉnh|thị xã|thành phố)|Ban Thường vụ (?:Huyện|Tỉnh|Thị|Thành) ủy|Huyện ủy|Tỉnh ủy|Thị ủy|Thành ủy"
    r"|Đảng ủy Khối[^,.;\n]{0,60}|Ủy ban nhân dân (?:huyện|tỉnh)|Hội đồng nhân dân (?:huyện|tỉnh))")


def _issuer(lines: list[str], text: str, title: str | None, level: str | None) -> str | None:
    """The body issuing the document: the last caps issuer line above the title (the most
    specific: 'ĐẢNG BỘ TỈNH …' / 'HUYỆN ỦY …'), else 'của Ban Chấp hành …' in the title,
    else the issuing body the text names most often at the document's level."""
    found = None
    for raw in lines[:12]:
        s = raw.strip()
        if re.match(r"^(BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|TRÌNH ĐẠI HỘI)\b", s):
            break
        if ISSUER.match(s) and is_caps_line(s):
            found = s
    if found:
        return found
    if title:
        m = re.search(r"(?:của|CỦA)\s+((?:Ban Chấp hành|Ban Thường vụ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ)[^,;]{0,60}?)"
                      r"(?:\s+(?:khóa|KHÓA|năm|NĂM|lần|LẦN|trình|TRÌNH)\b|$)", title)
        if m:
            return m.group(1).strip()
    counts: dict[str, int] = {}
    for m in ISSUER_TEXT.finditer(text):
        key = m.group(1)
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    want = {"district": "huyện", "province": "tỉnh"}.get(level or "", "")
    ranked = sorted(counts, key=lambda k: (want not in k.lower(), -counts[k]))
    return ranked[0]


def document_context(lines: list[str], outline: Outline) -> DocContext:
    text = "\n".join(lines)
    title = _title(lines, outline)
    kind = None
    # an untitled text (a portal page, a news item) names itself in its first line:
    # 'Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2023'
    first = next((ln.strip() for ln in lines[:5] if len(ln.strip()) > 20), "")
    probe = title or (first if len(first) <= 160 and re.match(r"(?:nghị quyết|kế hoạch|chương trình)\b", first, re.I) else "")
    for k, pat in KINDS:
        if pat.search(probe):
            kind = k
            break
    if kind is None:
        m = SELF_NAME.search(text)
        if m:
            kind = {"chương trình": "chuong_trinh", "kế hoạch": "ke_hoach", "báo cáo": "bao_cao_ket_qua",
                    "nghị quyết": "nghi_quyet"}[m.group(1).lower()]
    if kind is None and outline.sections and any(s.mode == "actual" for s in outline.sections[:3]):
        kind = "bao_cao_ket_qua"  # an untitled export opening with 'KẾT QUẢ …'
    mode = "target" if kind in ("chuong_trinh", "ke_hoach", "nghi_quyet") else "actual"
    # a text opening on the main targets of a term: 'CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025 …',
    # 'Một số chỉ tiêu chủ yếu và các khâu đột phá (nhiệm kỳ 2020 - 2025) …'
    targets = TARGETS_OPENING.match("\n".join(ln for ln in lines[:3] if ln.strip())[:300])
    if targets and kind is None:
        mode = "target"
    # period: the targets' term, else the title, else the first section heading with a year, else the
    # year the text names most
    period = f"{targets.group(1)}-{targets.group(2)}" if targets and kind is None and not title else None
    if period is None:
        for src in [title or ""] + [" ".join(s.path) for s in outline.sections if s.period][:1]:
            m = YEAR_SPAN.search(src)
            if m:
                period = f"{m.group(1)}-{m.group(2)}"
                break
            m = YEAR.search(src)
            if m:
                period = m.group(1)
                break
    term_ahead = None
    if period is None:
        period = dominant_year(text)
        # a text opening on a congress is of the term it opens, whatever earlier year its
        # review of the last term names once ('thu nhập từ 33 triệu đồng năm 2015 nay lên …')
        term_ahead = congress_term(lines)
        if term_ahead and (period is None or (period < term_ahead[:4] and len(re.findall(rf"năm\s+{period}", text, re.I)) < 2)):
            period = term_ahead[:4]
        elif term_ahead and period != term_ahead[:4]:
            term_ahead = None
    implied = period is None
    if implied:
        period = implied_year(text, lines)
    if period is None:
        # a text naming its time only as a span ('Trong 05 năm qua, … giai đoạn 2016 - 2020 tăng
        # bình quân 6,7%/năm') is about that span
        m = TERM_SPAN.search(text)
        period = f"{m.group(1)}-{m.group(2)}" if m else None
    # a month's report names its month in its title or first lines: 'THÁNG 10 NĂM 2022', 'Trong tháng 10/2022'
    mm = MONTH_EXPR.search((title or "") + "\n" + "\n".join(ln for ln in lines[:8] if len(ln) < 400))
    if mm is None:
        # a web page's furniture may push the report's own title line down: 'Tình hình kinh tế - xã
        # hội tỉnh … tháng 8 năm 2019' stands alone, short, after the portal's menus
        mm = MONTH_EXPR.search("\n".join(ln for ln in lines[8:60] if len(ln.strip()) < 160 and REPORT_TITLE_LINE.match(ln)))
    month = f"{mm.group(2)}-{int(mm.group(1)):02d}" if mm else None
    # (a year only implied is the period of the facts, too weak to tell a plan's later years)
    year_end = int(end_year(period)) if period and not implied else None
    caps = [caps_to_title(ln.strip()) for ln in lines if is_caps_line(ln.strip())]  # 'HUYỆN CẦU KÈ' -> 'Huyện Cầu Kè'
    header = "\n".join(ln.strip() for ln in lines[:8] if ln.strip()) + "\n" + (title or "")
    place = resolve_document_place(text + "\n" + "\n".join(caps), header)
    issuer = _issuer(lines, text, title, place.level if place else None)
    if title is None:
        m = re.search(r"(?:Chương trình|Kế hoạch|Báo cáo|Nghị quyết)\s+(?:công tác|hành động|làm việc)?\s*năm\s+\d{4}[^.;\n]{0,60}", text)
        if m:
            title = m.group(0).strip()  # an untitled export names itself: 'Chương trình công tác năm 2024 của …'
    date = None
    m = DATE.search("\n".join(lines[:20]))
    if m:
        date = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    info = DocumentInfo(
        title=title, kind=kind, issuer=issuer,
        locality=place.name if place else None, locality_level=place.level if place else None,
        locality_code=place.code if place else None, date=date, period=period,
    )
    return DocContext(
        info=info, mode=mode, period=period, year_end=year_end,
        locality=info.locality, locality_level=info.locality_level,
        district_code=place.code if place and place.level == "district" else None, month=month,
        term_ahead=term_ahead,
    )
