"""Periods: the time a quantity belongs to (FACTS.md 'Periods').

1. A year or span named in the clause before the number wins (`năm 2015`, `năm học 2022 -
   2023`, `giai đoạn 2016 - 2020`, `đến năm 2025`, `tháng 10/2023` -> `2023-10`, also without
   `tháng` after a cut-off word: `tính đến 9 năm 2023`, `đến 6/2023` -> `2023-06`); a year
   right after the number belongs to it (`9,29% năm 2015`); a year after `so (với)` is a
   comparison, not the period; `định hướng đến năm 2030` names a horizon, not the period;
   `giá so sánh năm 2010` is a price base;
   `từ năm 2016 đến nay` is a span up to the section's end year.
   A cut-off date counts by its year (`tính đến ngày 31/12/2019` -> `2019`); other dates
   (of documents) do not.
2. A year opening the sentence covers the whole sentence (`Năm 2022, kinh tế …; đàn heo …`).
3. Otherwise the section's period, else the document's (decided in extract.py).
"""

from __future__ import annotations

import re

MONTH_EXPR = re.compile(r"(?<![\wÀ-ỹ])tháng\s+(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d\d)(?!\d)", re.I)
# a cut-off month written without 'tháng': 'tính đến 9 năm 2023', 'đến 6/2023' (not a date 'đến 30/6/2023')
BARE_MONTH_EXPR = re.compile(r"(?<![\wÀ-ỹ])(?:đến|tới)\s+(?!0\b)(0?[1-9]|1[0-2])\s*(?:/|năm)\s*((?:19|20)\d\d)(?!\d)", re.I)
CUTOFF_DATE = re.compile(r"(?:đến|tới|đến hết|tính đến)\s+(?:thời điểm\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*((?:19|20)\d\d)(?!\d)", re.I)
STANDARD_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:chuẩn|tiêu chí)(?:\s+nghèo)?(?:\s+đa chiều)?(?:\s+(?:áp dụng\s+)?cho)?\s*$", re.I)
PRICE_BASE_BEFORE = re.compile(r"giá\s+(?:so\s+sánh|ss|cố\s+định)\s*$", re.I)
YEAR_EXPR = re.compile(
    r"(?P<kw>năm học|niên học|niên vụ|năm|giai đoạn|đến năm|mục tiêu|kế hoạch|chỉ tiêu|đến cuối năm|cuối năm|đầu năm|"
    r"vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|mùa|đông|xuân|chiêm|hè)(?:\s+năm)?|\d{1,2}\s+tháng(?:\s+đầu)?(?:\s+năm)?)\s+(?P<y1>(?:19|20)\d\d)(?:\s*[-–—]\s*(?P<y2>(?:19|20)\d\d))?(?!\d)",
    re.I,
)


YEARISH = re.compile(r"(?:19|20)\d\d")  # what every year expression above holds
CUMULATIVE = re.compile(
    r"(?<![\wÀ-ỹ])(?:lũy kế|luỹ kế|tính chung|từ đầu năm|cả năm|(?:\d{1,2}|hai|ba|sáu|chín|mười|mười một)\s+tháng"
    r"(?:\s+đầu\s+năm|\s+năm)?)(?![\wÀ-ỹ])", re.I)


MONTH_PERIOD = re.compile(r"\d{4}-\d{2}")  # '2022-10'


def end_year(period: str | None) -> str | None:
    """The last year of a period: '2016-2020' -> '2020', '2022-10' (a month) -> '2022'."""
    if not period:
        return None
    return period[:4] if MONTH_PERIOD.fullmatch(period) else period[-4:]


def month_to_year(period: str | None, text: str, c0: int, pos: int) -> str | None:
    """In a month's report, a running total ('lũy kế 10 tháng', 'tính chung 9 tháng', 'cả năm')
    belongs to the year, not to the month."""
    if period and MONTH_PERIOD.fullmatch(period) and CUMULATIVE.search(text, c0, pos):
        return period[:4]
    return period


def sentence_start(text: str, pos: int) -> int:
    from baocao.parse.sentences import sentence_span
    return sentence_span(text, pos)[0]


YEAR_AFTER = re.compile(r"^\s*\(?\s*(?:vào\s+)?(?:năm|cuối năm|đầu năm)\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)")  # '9,29% năm 2015'
NUMBER_SOON = re.compile(r"^[^)]{0,20}?\d")
YEAR_BEFORE_AFTER = re.compile(r"^\s*\)?\s*của\s+(?:cùng kỳ\s+)?năm trước", re.I)
RATE_COMPARED_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:cao|thấp)\s+hơn\s+(?:so\s+với\s+)?mức\s+(?:tăng|giảm)(?:\s+trưởng)?\s*$", re.I)
SAME_PERIOD_AFTER = re.compile(r"\s*(?:so\s+(?:với\s+)?cùng kỳ|của\s+cùng kỳ)(?!\s+năm\s+(?:19|20)\d\d)", re.I)
FROM_OR_DAY_BEFORE = re.compile(r"(?:từ|ngày)\s*$", re.I)
REFERENCE_BEFORE = re.compile(r"(?:so\s*(?:với)?(?:\s+(?:tháng|quý|vụ|kỳ))?(?:\s+cùng kỳ)?|định hướng|tầm nhìn)\s*$", re.I)
QUANTITY_BEFORE = re.compile(r"(?:\d|%|‰)\s*(?:[\wÀ-ỹ/]+\s*){0,2}$")
TO_END_OF_BEFORE = re.compile(r"(?:đến|tới)\s+(?:hết|cuối)\s+$", re.I)
FROM_END = re.compile(r"từ\s*$", re.I)
UNTIL_NOW_AFTER = re.compile(r"^\s*(?:đến|tới)\s+nay", re.I)


YEAR_OPENING = re.compile(r"^\W*(?:trong\s+|kết quả\s+|ước\s+|dự kiến\s+|phấn đấu\s+)?(?:đến\s+(?:cuối\s+)?)?(?:năm học|năm|nhiệm kỳ|giai đoạn)\s+"
                          r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\s*,", re.I)
# a crop season opening a sentence after a word or two of time: 'Kết thúc vụ Hè thu 2022,', 'Trong vụ
# Đông xuân 2021 - 2022,'
SEASON_OPENING = re.compile(r"^\W*(?:(?:kết thúc|trong|qua|sau|đến hết|tổng kết|kết quả)\s+)?vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|mùa|"
                            r"chiêm|xuân|hè|đông)(?:\s+năm)?\s+((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\s*,", re.I)
# a span opening a sentence after a linking word, comma or not: 'Theo đó, giai đoạn 2026-2030 đưa …'
SPAN_OPENING = re.compile(r"^\W*(?:theo đó|cụ thể|trong đó)\s*,?\s*(?:trong\s+)?(?:nhiệm kỳ|giai đoạn)\s+"
                          r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)\s*,?", re.I)


LIST_ANNOUNCED = re.compile(r"(?<![\wÀ-ỹ])(?:như sau|là|gồm|bao gồm|cụ thể|lần lượt là)\s*$", re.I)
LIST_LEAD_MAX_WORDS = 20
DETAILS_OPENING = re.compile(r"\W*(?:cụ thể|trong đó|theo đó)\s*[,:]", re.I)


def detailed_sentence_start(text: str, s0: int) -> int | None:
    """Start of the sentence whose details the sentence at s0 gives ('… đạt 900 tỷ đồng. Trong
    đó: chi thường xuyên …', 'Cụ thể, …'), or None when it opens with no such words."""
    if s0 > 1 and DETAILS_OPENING.match(text, s0):
        p0 = sentence_start(text, s0 - 2)
        return p0 if p0 < s0 else None
    return None


def _opening_year(text: str, s0: int, before: int) -> str | None:
    """The year or span a sentence starting at s0 opens with ('Năm 2022, …', 'Nhiệm kỳ
    2020-2025, …'), when its opening ends before `before`."""
    lead = text[s0:s0 + 50]
    m = (YEAR_OPENING.match(lead) or SPAN_OPENING.match(lead) or SEASON_OPENING.match(lead)) \
        if "19" in lead or "20" in lead else None  # (it needs a year)
    if m and s0 + m.end() <= before:
        return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)
    return None


SEASON_EXPR = re.compile(r"(?<![\wÀ-ỹ])vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|mùa|chiêm|xuân|hè)(?:\s+năm)?\s+"
                         r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)", re.I)


def paragraph_season(text: str, s0: int) -> str | None:
    """A crop season named in an earlier sentence of the paragraph ('Màu lương thực vụ Đông Xuân
    2021 - 2022 gieo trồng …. Diện tích thu hoạch … 179 ha') is the time of the sentences after
    it, until another year is named."""
    if "vụ" not in text[:s0].lower():
        return None
    # (not a season named as the base of a comparison: '… so với vụ Mùa năm 2021')
    found = [m for m in SEASON_EXPR.finditer(text, 0, s0) if not REFERENCE_BEFORE.search(text[max(0, m.start() - 24):m.start()])]
    if not found:
        return None
    m = found[-1]
    if YEARISH.search(text, m.end(), s0):
        return None
    return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)


# a paragraph opening on its year, comma or not: 'Năm 2023, …', 'Trong năm 2023 ngành …' (not a
# horizon: 'Đến năm 2025, …' is the time of its own sentence only)
PARAGRAPH_YEAR = re.compile(r"^\W*(?:trong\s+)?năm\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)(?!\d)\s*,?\s", re.I)


def paragraph_opening_year(text: str, s0: int) -> str | None:
    """A year opening the paragraph ('Năm 2023 ngành nông nghiệp có bước tiến. Giá trị
    sản xuất … đạt …') is the time of its later sentences, until another year is named."""
    m = PARAGRAPH_YEAR.match(text) if s0 > 0 else None
    if m is None or m.end() > s0 or YEARISH.search(text, m.end(), s0):
        return None
    return m.group(1)


def clause_period(text: str, pos: int, unit_end: int, c0: int, now_year: str | None = None) -> str | None:
    """A year or span named in the clause before the number (`năm học 2022 - 2023 có …`), or
    right after it (`9,29% năm 2015`); a year after `so (với)` is a reference, not the period."""
    m = YEAR_AFTER.match(text[unit_end:unit_end + 22]) if text.find("năm", unit_end, unit_end + 22) >= 0 else None
    if m and not ("(" in m.group(0) and NUMBER_SOON.match(text[unit_end + m.end():unit_end + m.end() + 24])):
        return m.group(1)  # not '34,62% (năm 2022 chiếm 32,10%)': that bracket states another year's level
    # 'mức tăng 5,82% của cùng kỳ năm trước': the level of the year before
    if now_year and YEAR_BEFORE_AFTER.match(text[unit_end:unit_end + 30]):
        return str(int(now_year) - 1)
    # 'tăng 4,1%, thấp hơn mức tăng 9,6% so cùng kỳ': the rate it is compared with is last year's
    if now_year and SAME_PERIOD_AFTER.match(text, unit_end) and RATE_COMPARED_BEFORE.search(text, max(0, pos - 40), pos):
        return str(int(now_year) - 1)
    mm = None
    best = None
    cutoff = None
    # a month, a cut-off date and a year expression all hold a year: without one the clause
    # need not be scanned for them
    clause_has_year = YEARISH.search(text, c0, pos) is not None
    for m in MONTH_EXPR.finditer(text, c0, pos) if clause_has_year else ():
        if not FROM_OR_DAY_BEFORE.search(text[max(c0, m.start() - 12):m.start()]):
            mm = m
    for m in BARE_MONTH_EXPR.finditer(text, c0, pos) if clause_has_year else ():
        if text[max(0, m.start(1) - 1):m.start(1)] != "/" and (mm is None or m.start() > mm.start()):
            mm = m
    for m in CUTOFF_DATE.finditer(text, c0, pos) if clause_has_year else ():
        cutoff = m  # 'tính đến ngày 31/12/2019, toàn huyện có …' -> 2019 (a document's date is no period)
    for m in YEAR_EXPR.finditer(text, c0, pos) if clause_has_year else ():
        pre = text[max(c0, m.start() - 24):m.start()]  # ('so với tháng cùng kỳ năm 2017')
        if REFERENCE_BEFORE.search(pre):
            continue
        if PRICE_BASE_BEFORE.search(text[max(c0, m.start() - 20):m.start()]):
            continue  # 'theo giá so sánh năm 2010' is a price base, not the period
        if STANDARD_BEFORE.search(text[max(c0, m.start() - 24):m.start()]):
            continue  # 'hộ nghèo theo chuẩn giai đoạn 2022-2025 còn 2%' names the standard, not the period
        if not m.group("y2") and m.group("kw").lower() in ("mục tiêu", "kế hoạch", "chỉ tiêu"):
            continue  # a plan word names a period only as a span: '(mục tiêu 2016-2020 đạt 7,5%)'
        if QUANTITY_BEFORE.search(text[max(c0, m.start() - 14):m.start()]):
            continue
        best = m
    if mm and (best is None or mm.start() > best.start()):  # the time named nearest the number wins
        if TO_END_OF_BEFORE.search(text[max(c0, mm.start() - 12):mm.start()]):
            return mm.group(2)  # 'ước đến cuối tháng 8/2019, gieo trồng được …' is the year to date
        if cutoff is None or cutoff.start() < mm.start():
            return f"{mm.group(2)}-{int(mm.group(1)):02d}"
    if cutoff is not None and (best is None or cutoff.start() > best.start()):
        return cutoff.group(1)
    if best is None:
        s0 = sentence_start(text, pos)
        opening = text.rfind("(", s0, pos)
        if opening > text.rfind(")", s0, pos):
            s0 = opening + 1  # inside a bracket: '(Cơ cấu tương ứng năm 2021 là: 20,8%; 41,9%)'
            # a year opening the bracket covers all of it: '(6 tháng năm 2015 khu vực I đóng góp 2,6
            # điểm; khu vực II 4,4 điểm)'
            lead = YEAR_EXPR.match(text, s0 + len(text[s0:pos]) - len(text[s0:pos].lstrip()))
            if lead and lead.end() <= pos:
                return f"{lead.group('y1')}-{lead.group('y2')}" if lead.group("y2") else lead.group("y1")
        # a year named in a short lead before the sentence's colon covers the list after it:
        # 'Sản xuất vụ Đông xuân 2020-2021: gieo trồng 41.900 ha, …; ngô 2.050 ha'
        # (a longer lead announcing its list counts too: '… vụ Đông năm 2023 - 2024 đến nay như sau:',
        # '(Cơ cấu tương ứng của cùng kỳ năm 2021 là: …')
        colon = text.find(":", s0, pos)
        if colon > 0 and (len(text[s0:colon].split()) <= 8
                          or (len(text[s0:colon].split()) <= LIST_LEAD_MAX_WORDS and LIST_ANNOUNCED.search(text, s0, colon))):
            for m in YEAR_EXPR.finditer(text, s0, colon):
                if not REFERENCE_BEFORE.search(text[max(s0, m.start() - 12):m.start()]) \
                        and not PRICE_BASE_BEFORE.search(text[max(s0, m.start() - 20):m.start()]):
                    best = m
            if best is not None:
                return f"{best.group('y1')}-{best.group('y2')}" if best.group("y2") else best.group("y1")
        # a year opening the sentence covers all of it: 'Năm 2022, kinh tế …; đàn heo …'
        opened = _opening_year(text, s0, pos)
        if opened:
            return opened
        # a sentence going on with the details of the one before ('Cụ thể, …', 'Trong đó, …') keeps
        # the time that sentence opened with: 'Nhiệm kỳ 2020-2025, xã … đạt nhiều kết quả. Cụ thể, …'
        p0 = detailed_sentence_start(text, s0)
        opened = _opening_year(text, p0, len(text)) if p0 is not None else None
        if opened:
            return opened
        return paragraph_season(text, s0) or paragraph_opening_year(text, s0)
    y1, y2 = best.group("y1"), best.group("y2")
    # 'từ năm 2016 đến nay' : a span up to the section's (or document's) end year
    if not y2 and FROM_END.search(text[max(c0, best.start() - 6):best.start()]) and \
            UNTIL_NOW_AFTER.match(text[best.end():best.end() + 12]) and now_year and int(now_year) > int(y1):
        return f"{y1}-{now_year}"
    return f"{y1}-{y2}" if y2 else y1
