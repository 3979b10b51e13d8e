"""What a number means: is it a quantity at all, and if so its measure, reference and qualifier.

Not quantities (FACTS.md 'Not facts'):
  heading   the section numbering at the start of a paragraph (`1.1.`, `(3).`)
  date      `ngày 21/2/2005`, `31/12/2022`, `tháng 02/2020`, `mùng 03 Tết`
  doc_ref   `49-CT/TW`, `22/2013/QĐ-TTg`, `Quy định số 784`
  period    a year used as a time label (`năm 2022`, `2020 - 2025`), `6 tháng`, `05 năm`
  other     a number after a label word of catalog/label_words.csv (`mức độ 3`, `đợt 4`,
            `Covid-19`, `Trung ương 4`), `trên 10.000 dân`, `trẻ em dưới 5 tuổi`, `03 sao`

Measures, from cue words of catalog/cue_words.csv around the number in its clause:
  target          `(chỉ tiêu 49,5 …)`, `(NQ12%)`, `phấn đấu …`, a targets section
  attainment_pct  `đạt 93,34% kế hoạch`, `bằng 108% so với năm 2022`, `đạt 102,74%` right after
                  a level
  change_pct      `tăng 3,11% so cùng kỳ`; change_abs for a non-% change and for a change of a
                  rate in % (percentage points); change_times `tăng 1,87 lần`
  actual          otherwise in a results section (or target in a targets section)
A growth or reduction that is itself a catalogue indicator (`tốc độ tăng trưởng tăng 16%`,
`tỷ lệ hộ nghèo giảm 1,5%`, `tăng bình quân 13%/năm`) is that indicator's actual/target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from baocao.parse.numbers import NumToken, is_year
from baocao.parse.periods import clause_period, detailed_sentence_start, sentence_start  # noqa: F401  (re-exported)
from baocao.parse.sentences import search_before
from baocao.parse.units import UnitMatch
from baocao.parse.vocab import (
    UPPER,
    cue_keys,
    cue_re,
    cue_words_re,
    cues,
    keys_re,
    label_keys,
    label_re,
    label_reach,
    lowered,
    may_hold,
    tail_start,
)

DOC_TYPES = (r"(?:Quyết định|Nghị quyết|Chỉ thị|Kế hoạch|Kết luận|Quy định|Quy chế|Đề án|Hướng dẫn|Thông báo|Công văn|"
             r"Thông tư|Nghị định|Luật|Tờ trình|Báo cáo|Chương trình|Thông tri|Chỉ đạo|Điều lệ)")
DOC_REF_AFTER = re.compile(r"^(?:\s?-\s?[A-ZĐ][A-Za-zĐđ]*\s*/|/[A-ZĐ]|\s/[A-ZĐ]{2}|/\d{2,4}/[A-ZĐ]|:\d{4})")
DOC_NUMBER_BEFORE = re.compile(DOC_TYPES + r"\s+(?:số\s+)?$", re.I)
SO_BEFORE = re.compile(r"(?:\b(?:bão|hiệu|phòng|nhà|đường|tờ|thửa|hẻm|lô|khu|tổ|mẫu|biểu|phụ lục)\s+số|\bsố\s+hiệu)\s*$", re.I)
DATE_BEFORE = re.compile(
    r"(?:(?:ngày|mùng|mồng|tháng|Ngày|Tháng|[Tt]hời điểm)|(?<![\wÀ-ỹ])(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+nay|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Tt]hứ\s+(?:hai|ba|tư|năm|sáu|bảy|Hai|Ba|Tư|Năm|Sáu|Bảy)|[Cc]hủ\s+nhật)"
    r"\s*[,-]?)\s*$")
DURATION_AFTER = re.compile(r"^\s*(?:tháng|năm|ngày)(?![\wÀ-ỹ])(?!\s*(?:19|20)\d\d(?!\d))", re.I)
SHORT_SPAN_AFTER = re.compile(r"^\s*(?:tháng|năm)\s+(?:19|20)\d\d(?!\d)", re.I)  # '05 năm 2020 - 2024', '6 tháng năm 2023'
def _chain(text: str, toks: list[NumToken], i: int) -> list[int]:
    """Indices of the slash-joined chain that contains token i (`21/2/2005`)."""
    lo = i
    while lo > 0 and text[toks[lo - 1].end:toks[lo].start] == "/":
        lo -= 1
    hi = i
    while hi + 1 < len(toks) and text[toks[hi].end:toks[hi + 1].start] == "/":
        hi += 1
    return list(range(lo, hi + 1))


def units_after_chain_is_none(text: str, toks: list[NumToken], chain: list[int]) -> bool:
    from baocao.parse.units import match_unit
    return match_unit(text, toks[chain[-1]].end) is None


PAGE_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")  # 14:02:11, 09:24
DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d")  # 30.06.2021
PAGE_COUNTER_WORDS = ("lượt xem", "lượt truy cập", "truy cập", "đang truy cập", "online", "thống kê", "page", "lượt thích",
                      "hotline", "điện thoại", "fax")
PAGE_COUNTER = re.compile(r"(?:" + "|".join(PAGE_COUNTER_WORDS) + r")\s*:?\s*(?:\d+\s+)*$", re.I)
PAGE_COUNTER_KEYS = keys_re(PAGE_COUNTER_WORDS)
# a visitor-statistics widget's line: 'Hôm nay: 120', 'Tuần hiện tại: 900', 'Tất cả: 45,210'
COUNTER_WIDGET_LINE = re.compile(r"\s*(?:hôm nay|hôm qua|tuần (?:này|trước|hiện tại)|tháng (?:này|trước|hiện tại)|"
                                 r"năm (?:này|hiện tại)|tất cả|tổng cộng|tổng truy cập)\s*:\s*[\d.,]+\s*", re.I)
# a page's stamp line: a time of day with a date, then its counters ('08:15, Thứ Hai, 3-4-2023 1520 2')
STAMP_DATE = re.compile(r"(?<![\d/.-])\d{1,2}([/-])\d{1,2}\1(?:19|20)\d\d(?![\d/.-])")
WEB_WORD = re.compile(r"https?:|www\.|\.(?:jpe?g|png|gif|html?|aspx?|php)\b", re.I)


PAGE_STAMP_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:GMT|UTC)\s*\+|page\s+\d+\s*of)\s*$", re.I)
DAY_MONTH_LITERAL = re.compile(r"\d{1,2}\.\d{1,2}")  # 27.12
# ('ngày 27.12', and a news lead's day without 'ngày': 'Hôm qua 24.6', 'Sáng 15.3')
DAY_BEFORE = re.compile(r"(?:ngày|hôm qua|hôm nay|sáng|chiều|trưa|tối)\s*(?:\d{1,2}\s*(?:và|,|-)\s*)?$", re.I)
YEAR_SPAN_JOINT = re.compile(r"\s*[-–]\s*")
ISO_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d-(?:\d\d-)?$")  # 2021-12, 2025-12-23
HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\wÀ-ỹ])[Ss]ố\s*$")
STREET_AFTER = re.compile(r"^\s*(?:đường|phố)\s")
STREET_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:[Đđ]ường|[Pp]hố)\s+$")
BREAKTHROUGHS_AFTER = re.compile(r"^\s*(?:khâu\s+)?đột phá(?![\wÀ-ỹ])", re.I)
PLAN_PARTS_AFTER = re.compile(r"^\s*(?:nhiệm vụ|khâu|đột phá|giải pháp|chỉ tiêu|chương trình)(?![\wÀ-ỹ])", re.I)
AXIS_LINE = re.compile(r"\s*\d+(?:\s+\d+){3,}\s*")  # a chart's axis: 0 100 200 300


def page_furniture(text: str, start: int, end: int, literal: str, low: str | None = None, lo: int = 0) -> str | None:
    """Numbers of a web page's furniture, not of the report: a time of day (`14:02`), a
    dotted date (`30.06.2021`, `ngày 27.12`), a visitor counter (`Lượt xem: 4945`), a file
    name or address (`anh-1705665505.jpg`), a chart's axis (`0 100 200 300`). Returns the
    non-fact reason ('date' for a time or dotted date, else 'other'), or None. (`low`, `lo`:
    the lower-cased text and a start before the last 24 characters, for the word prefilter.)"""
    # (each pattern is tried only when the character it cannot match without is there)
    around = text[max(0, start - 3):end + 3]
    if ":" in around and PAGE_TIME.search(around) or DOTTED_DATE.fullmatch(literal):
        return "date"
    if DAY_MONTH_LITERAL.fullmatch(literal) and DAY_BEFORE.search(text[max(0, start - 16):start]):
        return "other"
    if may_hold(PAGE_COUNTER_KEYS, low, lo, start) and PAGE_COUNTER.search(text[max(0, start - 24):start]):
        return "other"
    if ("+" in text[max(0, start - 2):start] or "of" in text[max(0, start - 4):start]) \
            and PAGE_STAMP_BEFORE.search(text[max(0, start - 24):start]):
        return "other"  # a time zone 'GMT+7', a page counter 'page 1 of 55'
    just_before = text[max(0, start - 9):start]
    if "-" in just_before and ISO_YEAR_BEFORE.search(just_before):
        return "other"  # an ISO date '2021-12'
    if "ố" in just_before and HOUSE_NUMBER_BEFORE.search(just_before) and STREET_AFTER.match(text[end:end + 8]):
        return "other"  # a street address: 'Số 21 đường 30/4'
    w0 = text.rfind(" ", 0, start) + 1
    w1 = text.find(" ", end)
    word = text[w0:w1 if w1 >= 0 else len(text)]
    if ("." in word or ":" in word) and WEB_WORD.search(word):
        return "other"
    line0 = text.rfind("\n", 0, start) + 1
    line1 = text.find("\n", end)
    line = text[line0:line1 if line1 >= 0 else len(text)]
    if len(line) <= 60 and ":" in line and COUNTER_WIDGET_LINE.fullmatch(line):
        return "other"
    if len(line) <= 80 and ":" in line and PAGE_TIME.search(line):
        stamp = STAMP_DATE.search(line)
        if stamp:
            return "date" if stamp.start() <= start - line0 < stamp.end() else "other"
    if AXIS_LINE.fullmatch(line):
        values = [int(x) for x in line.split()]
        return "other" if len({b - a for a, b in zip(values, values[1:], strict=False)}) == 1 else None
    return None


# Words ending the text before a number (searched with search_before: only the last few
# words, the number of words each can span)
FROM_TO_BEFORE = re.compile(r"(?:từ|đến|tới)\s*$")
SO_END = re.compile(r"(?<![\wÀ-ỹ])số\s*$")
OPEN_BRACKET_END = re.compile(r"(?:^|[\s(])\($")
LIST_BREAK_END = re.compile(r"(?:^|[;:,.]\s*)$")
LIST_OPEN_END = re.compile(r"(?:^|[;:]\s*)$")
PROPER_NAME_END = re.compile(r"(?<![\wÀ-ỹ])[" + UPPER + r"][\wÀ-ỹ]*\s+[" + UPPER + r"][\wÀ-ỹ]*\s+$")
SENTENCE_OPENING_NAME_END = re.compile(r"(?:^|[.;:]\s*)[" + UPPER + r"][\wÀ-ỹ]*\s+[" + UPPER + r"][\wÀ-ỹ]*\s+$")
COVID_END = re.compile(r"Covid\s*[-–]?\s*$", re.I)


# a group of people by age: the people, then the bound, then the age (or the low end of the ages)
# (children by age with or without a bound: 'trẻ 5 tuổi', 'trẻ em dưới 6 tuổi')
AGE_GROUP_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:trẻ(?: em)?(?:[\wÀ-ỹ ]{0,20})?(?:dưới|từ|đủ|trên)?\s*(?:\d+\s*[-–]\s*)?$"
                              r"|(?:trẻ|trẻ em|người|đối tượng|công dân|thanh niên|lao động|học sinh|phụ nữ|nam|nữ|cụ)"
                              r"(?:\s+[\wÀ-ỹ]+){0,3}?\s+(?:dưới|từ|đủ|trên|ngoài|đến|trong độ tuổi)\s*(?:\d+\s*[-–]\s*)?$)", re.I)
AGE_RANGE_AFTER = re.compile(r"^\s*[-–]\s*\d{1,3}\s*tuổi", re.I)  # the low end of 'từ 12-17 tuổi'
AGE_BOUND_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:từ|đủ|trên)\s*$", re.I)
AGE_OPEN_END_AFTER = re.compile(r"^\s*tuổi\s+trở\s+(?:lên|xuống)", re.I)
PHASES_AFTER = re.compile(r"^\s*pha(?![\wÀ-ỹ])")
STARS_AFTER = re.compile(r"^\s*sao(?![\wÀ-ỹ])")
PER_POPULATION_AFTER = re.compile(r"^\s*(?:vạn\s+)?dân(?![\wÀ-ỹ])")
LIST_ITEM_AFTER = re.compile(r"^\.\s+[" + UPPER + r"]")
ONE_OF_AFTER = re.compile(r"^\s*trong\s+(?:số\s+)?những(?![\wÀ-ỹ])", re.I)
ASPECTS_AFTER = re.compile(r"^\s*mặt(?![\wÀ-ỹ])")
FOOTNOTE_NUMBER_AFTER = re.compile(r"^\s+(?:là|đạt)\s+\d")


DATE_KEYS = re.compile("ngày|mùng|mồng|tháng|sáng|chiều|tối|trưa|thứ|chủ|thời")  # a word of every DATE_BEFORE match, lower-cased
DOC_TYPE_KEYS = keys_re(DOC_TYPES[3:-1].split("|"))
COVID_KEYS = re.compile("covid")


DAY_OR_MONTH_WORD = re.compile(r"(ngày|tháng)\s*[,-]?\s*$", re.I)
CROP_TERM_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:dài|ngắn)\s+$", re.I)  # 'cây dài ngày', 'cây ngắn ngày'
NUMBER_ONLY_PART = re.compile(r"\d{1,2}(?:\.\d{1,4})?")  # '15', '27.12', '10.2022'


def _fits_date_word(text: str, dm: re.Match, first: NumToken, chain_len: int, in_range: bool = True) -> bool:
    """Whether a number after 'ngày'/'tháng' can be the day or month they name: 'cây dài ngày
    4.210 ha' is a crop's term and 'đến cuối tháng 215,4 ha' an area, no dates. (`in_range`:
    a whole number must be a day or month number too; as a label, 'lương tháng 13' need not.)"""
    word = DAY_OR_MONTH_WORD.search(dm.group(0))
    if word is None or chain_len > 1:
        return True
    if word.group(1).lower() == "ngày" and CROP_TERM_BEFORE.search(text, max(0, dm.start() - 8), dm.start()):
        return False
    if not NUMBER_ONLY_PART.fullmatch(first.literal):
        return False
    if first.literal.isdigit() and in_range:
        return 1 <= int(first.literal) <= (31 if word.group(1).lower() == "ngày" else 12)
    return True


DASH_ONLY = re.compile(r"\s?[-–]\s?")
DAY_LISTED_AFTER = re.compile(r"^\s*(?:và|,)\s*(?=\d)")
DAY_WORD_NEAR = re.compile(r"(?<![\wÀ-ỹ])(?:ngày|hôm|sáng|chiều|tối|trưa)(?![\wÀ-ỹ])", re.I)


def _day_month(text: str, toks: list[NumToken], i: int) -> bool:
    """Token i is a day and the next, joined by a dash, its month ('29-12'): a pair that runs
    down from a day to a month number, with the word 'ngày' (or a time of day) just before."""
    if i + 1 >= len(toks):
        return False
    a, b = toks[i], toks[i + 1]
    if not (a.literal.isdigit() and b.literal.isdigit() and DASH_ONLY.fullmatch(text[a.end:b.start])):
        return False
    if not (1 <= int(b.literal) <= 12 < int(a.literal) <= 31 or 1 <= int(b.literal) < int(a.literal) <= 12):
        return False
    return DAY_WORD_NEAR.search(text, max(0, a.start - 30), a.start) is not None and not re.match(r"\s*[%‰\wÀ-ỹ]", text[b.end:b.end + 2])


def non_fact_reason(text: str, toks: list[NumToken], i: int, unit: UnitMatch | None, heading_prefix: int) -> str | None:
    """Why token i is not a quantity, or None when it is one."""
    t = toks[i]
    if t.start < heading_prefix:
        return "heading"
    before = text[:t.start]
    after = text[t.end:]
    # the words before the number: a rule is tried only when its words are there
    low = lowered(text)
    lo = tail_start(text, t.start)
    chain = _chain(text, toks, i)
    if len(chain) >= 3:
        if DOC_REF_AFTER.match(text[toks[chain[-1]].end:]) or re.match(r"^/[A-ZĐ]", text[toks[chain[-1]].end:]):
            return "doc_ref"
        return "date"
    first = toks[chain[0]]
    if may_hold(DATE_KEYS, low, lo if first is t else tail_start(text, first.start), first.start) \
            and (dm := search_before(DATE_BEFORE, text, first.start, 3)) and _fits_date_word(text, dm, first, len(chain)):
        return "date"
    if len(chain) == 2:
        a, b = toks[chain[0]], toks[chain[1]]
        if STREET_BEFORE.search(text[max(0, a.start - 8):a.start]) and a.literal.isdigit() and b.literal.isdigit() \
                and int(a.literal) <= 31 and int(b.literal) <= 12:
            return "other"  # a street named by a date: 'đường 30/4'

        if is_year(b) and a.literal.isdigit() and 1 <= int(a.literal) <= 12 and unit is None:
            return "date"
        if is_year(b) and unit is None:
            return "doc_ref"  # Nghị định 83/2020
        if search_before(FROM_TO_BEFORE, text, a.start, 1) and a.literal.isdigit() and b.literal.isdigit() \
                and int(a.literal) <= 31 and int(b.literal) <= 12 and re.match(r"^\s*[-–]\s*\d", text[b.end:]) is None and unit is None:
            return "date"
    if ("-" in text[t.end:t.end + 12] or "-" in text[max(0, t.start - 3):t.start]) and (
            _day_month(text, toks, i) or (i > 0 and _day_month(text, toks, i - 1))
            or (DAY_LISTED_AFTER.match(after) and _day_month(text, toks, i + 1))):
        return "date"  # 'Trong hai ngày (14 và 15-11)': a day and month, not a range (it runs down)
    if DOC_REF_AFTER.match(after):
        return "doc_ref"
    if furniture := page_furniture(text, t.start, t.end, t.literal, low, lo):
        return furniture
    if i > 0 and text[toks[i - 1].end:t.start] == "/" and DOC_REF_AFTER.match(text[t.end:]):
        return "doc_ref"
    if (low is None or low.find("số", lo, t.start) >= 0) and search_before(SO_END, text, t.start, 1):
        head = before[:len(before) - len(re.search(r"số\s*$", before).group(0))]
        if re.search(DOC_TYPES + r"\s*$", head, re.I) or SO_BEFORE.search(before):
            return "doc_ref"
    if may_hold(label_keys("always"), low, lo, t.start) and search_before(label_re("always"), text, t.start, label_reach("always")):
        return "other"
    if unit is None and may_hold(DOC_TYPE_KEYS, low, lo, t.start) and search_before(DOC_NUMBER_BEFORE, text, t.start, 3):
        return "doc_ref"
    if is_year(t) and i > 0 and is_year(toks[i - 1]) and YEAR_SPAN_JOINT.fullmatch(text, toks[i - 1].end, t.start):
        return "period"  # the end of a span of years, whatever word follows: 'nhiệm kỳ 2021 - 2026 tổ chức …'
    if unit is None or unit.code == "COUNT" and unit.text.lower() in ("bao", "điểm"):
        if is_year(t):
            return "period"
        if may_hold(label_keys(), low, lo, t.start) and (lm := search_before(label_re(), text, t.start, label_reach())) \
                and _fits_date_word(text, lm, t, len(chain), in_range=False):
            return "other"
        if t.literal == "4.0":
            return "other"
        if STARS_AFTER.match(after):
            return "other"
    if is_year(t) and (unit is None or unit.code in ("COUNT",) and unit.text.lower() in ("năm",)):
        return "period"
    if DURATION_AFTER.match(after) and not re.search(r"(?:thời gian|thời hạn|rút ngắn|kéo dài)\s*[\wÀ-ỹ ]{0,10}$", before):
        return "period"
    if SHORT_SPAN_AFTER.match(after) and t.literal.isdigit() and int(t.literal) <= 12:
        return "period"  # a small count of years/months before a year is a time label, '121.000 năm 2020' is not
    if PER_POPULATION_AFTER.match(after) and re.search(r"(?:trên|/)\s*$", before):
        return "other"
    if ((unit is not None and unit.code == "AGE_YEARS") or AGE_RANGE_AFTER.match(after)) \
            and (AGE_GROUP_BEFORE.search(before[-40:]) or (AGE_BOUND_BEFORE.search(before[-16:]) and AGE_OPEN_END_AFTER.match(after))):
        return "other"  # the ages of a group of people, not a quantity: 'trẻ em dưới 5 tuổi', 'người từ 18 tuổi trở lên'
    if PHASES_AFTER.match(after) and t.literal in ("1", "2", "3"):
        return "other"  # 'lưới điện 3 pha': a kind of line, not a count
    if unit is None and t.literal.isdigit() and not t.literal.startswith("0") and int(t.literal) <= 20 \
            and FOOTNOTE_NUMBER_AFTER.match(after) and re.search(r"[\wÀ-ỹ]\s$", before):
        return "heading"  # a footnote number left in the text ('Tổng chi ngân sách 1 là 324,603 …')
    if unit is None and search_before(OPEN_BRACKET_END, text, t.start, 1) and re.match(r"^\)", after) and t.literal.isdigit() and int(t.literal) <= 50:
        return "heading"  # an in-text note or list mark '(2)'
    if unit is None and re.match(r"^\)", after) and search_before(LIST_BREAK_END, text, t.start, 1) and t.literal.isdigit() and int(t.literal) <= 30:
        return "heading"  # mid-line list numbering '1) …; 2) …'
    if unit is None and LIST_ITEM_AFTER.match(after) and search_before(LIST_OPEN_END, text, t.start, 1) \
            and t.literal.isdigit() and int(t.literal) <= 30:
        return "heading"  # a list inside a line: 'như sau: 1. Tăng cường …; 2. Đẩy mạnh …'
    if BREAKTHROUGHS_AFTER.match(after):
        return "other"  # the strategy's named breakthroughs: 'tập trung 3 khâu đột phá'
    if heading_prefix > 0 and len(text) <= 100 and PLAN_PARTS_AFTER.match(after) and "\n" not in text.strip():
        return "other"  # a heading naming a plan's own parts: '13.1. Thực hiện 06 nhiệm vụ trọng tâm'
    if ONE_OF_AFTER.match(after):
        return "other"  # 'trở thành 01 trong những địa phương dẫn đầu'
    if in_quoted_document_name(text, t.start):
        return "other"  # 'Kế hoạch số 210-KH/TU … “về thực hiện 5 nhiệm vụ trọng tâm …”'
    if ASPECTS_AFTER.match(after) and re.search(r"cả\s*$", before):
        return "other"  # 'kéo giảm cả 3 mặt' (all three figures), not a quantity
    if unit is None and search_before(PROPER_NAME_END, text, t.start, 2) \
            and not re.match(r"^\s*[%‰]", after) and not search_before(SENTENCE_OPENING_NAME_END, text, t.start, 3):
        return "other"  # a number in a proper name: 'cồn Tân Qui 1', 'ấp Long Hòa 2'
    if len(chain) == 2 and unit is None and units_after_chain_is_none(text, toks, chain) \
            and all(toks[j].literal.isdigit() for j in chain) and 0 < int(toks[chain[0]].literal) < int(toks[chain[1]].literal) <= 4:
        return "other"  # a fraction: 'cắt giảm 1/2 thời gian'
    if unit is None and after[:1].isalpha():
        return "other"  # glued to letters after: 4G, 3D, 1A
    if unit is None and before[-1:].isalpha():
        return "other"  # glued to a word: CO2, DT912 (but NQ12% keeps its unit and stays)
    if may_hold(COVID_KEYS, low, lo, t.start) and search_before(COVID_END, text, t.start, 2):
        return "other"
    return None


QUOTE_OPEN = "“«\""
QUOTE_CLOSE = "”»\""


def in_quoted_document_name(text: str, pos: int) -> bool:
    """Whether pos lies inside a quoted name (“…”): the title of a document, a movement, a model.
    Reports quote names, not quantities. An unclosed quote ends with its sentence (or 200 chars)."""
    k = max(text.rfind(q, 0, pos) for q in "“«")
    if k >= 0 and pos - k <= 200 and not any(text.find(q, k + 1, pos) >= 0 for q in "”»\""):
        between = text[k:pos]
        if not re.search(r"[.!?]\s+[" + UPPER + r"]", between):
            return True
    # straight quotes count when paired
    k = text.rfind('"', 0, pos)
    return k >= 0 and text.count('"', 0, k) % 2 == 0 and text.find('"', pos) > 0 and pos - k <= 200


def propagate_labels(text: str, toks: list[NumToken], units: list[UnitMatch | None], reasons: list[str | None]) -> None:
    """`mức 3, 4` / `khóa XI, XII`: a unit-less number listed right after a label is a label too;
    `ngày 30/4 và 1/5`: a day/month listed right after a date is a date."""
    for i in range(1, len(toks)):
        if reasons[i] is None and reasons[i - 1] == "date" and units[i] is None and text[toks[i - 1].end:toks[i].start] == "-" \
                and toks[i].literal.isdigit() and 1 <= int(toks[i].literal) <= 12 and toks[i - 1].literal.isdigit() \
                and int(toks[i - 1].literal) <= 31:
            reasons[i] = "date"  # 'Chiều 25-9': the month of a day
        if reasons[i] is None and reasons[i - 1] == "date" and i + 1 < len(toks) and reasons[i + 1] is None \
                and text[toks[i].end:toks[i + 1].start] == "/" and units[i + 1] is None \
                and re.fullmatch(r"\s*(?:,|và|đến|tới|-|–)\s*", text[toks[i - 1].end:toks[i].start]) \
                and toks[i].literal.isdigit() and toks[i + 1].literal.isdigit() \
                and int(toks[i].literal) <= 31 and int(toks[i + 1].literal) <= 12:
            reasons[i] = reasons[i + 1] = "date"
        if reasons[i] is None and reasons[i - 1] in ("other", "doc_ref") and units[i] is None \
                and re.fullmatch(r"\s*(?:,|và|hoặc)\s*(?:số\s*)?", text[toks[i - 1].end:toks[i].start]):
            reasons[i] = "other"  # 'bão số 7 và số 8'
        if reasons[i] is None and reasons[i - 1] == "other" and text[toks[i - 1].end:toks[i].start] == "/" \
                and re.search(r"thứ\s*$", text[max(0, toks[i - 1].start - 8):toks[i - 1].start]):
            reasons[i] = "other"  # a rank and its field: 'xếp thứ 3/14 tỉnh'


@dataclass
class Context:
    text: str
    pos: int
    unit_end: int
    clause: tuple[int, int]
    segment: tuple[int, int]
    unit: str
    mode: str | None
    anchor_unit: str | None
    anchor_role: str | None
    doc_year: int | None
    anchor_subject: str = ""
    anchor_pair_kind: str | None = None
    value: float = 0.0
    prev_values: tuple[float, ...] = ()  # earlier non-% numbers of the sentence
    anchor_measure: str | None = None  # measure of the level commented on
    prev_measure: str | None = None  # measure of the previous fact of the clause
    prev_compared: str | None = None  # and its base
    prev_unit: str | None = None  # and its unit
    wide_subject: str = ""  # clause text since the previous number, brackets included


def is_ratio_of(pct: float, values: tuple[float, ...]) -> bool:
    """Whether pct is one earlier number of the sentence as a share of another (to 0.05 points)."""
    if not 0 < pct <= 100:
        return False
    for i, a in enumerate(values):
        for b in values[i + 1:] + values[:i]:
            if 0 < a <= b and abs(100.0 * a / b - pct) < 0.06:  # (as many done as due: 100%)
                return True
    return False


@dataclass
class Meaning:
    measure: str
    compared_to: str | None
    qualifier: str
    inherit: bool  # comments on the previous level (attainment/change/bracketed target)
    period_override: str | None = None
    default: bool = False  # the measure is only the section's default
    level: bool = False  # a level reached by a change ('giảm từ 9,29% … xuống còn 1,59%')
    verb: str | None = None  # the change verb of an average growth/reduction ('bình quân giảm 1,28%/năm')
    endpoint: str | None = None  # 'from' / 'to' of a level's from-to ('giảm từ 55,3% xuống còn 40,0%')


CHANGE_BEFORE = re.compile(
    r"(?<![\wÀ-ỹ])(?P<verb>tăng gấp|gấp|tăng|giảm|vượt|cao hơn|thấp hơn|nhiều hơn|ít hơn|kéo giảm|tăng thêm|giảm thêm|vượt thêm)"
    r"(?P<tail>(?:\s+(?:thêm|bình quân|hàng năm|hằng năm|lên|xuống|còn|được|khoảng|gần|trên|hơn|là|mức|từ|"
    r"so(?:\s+với)?(?:\s+(?:cùng kỳ(?:\s+năm\s+(?:trước|\d{4}))?|năm trước|năm\s+\d{4}|kế hoạch|chỉ tiêu|nghị quyết|dự toán))?|"
    r"kế hoạch|chỉ tiêu|nghị quyết|dự toán|mục tiêu|KH|NQ|"
    r"\d{2}\s+năm|trong\s+\d+\s+năm))*)\s*$",
    re.I,
)
CHANGE_KEYS = re.compile("tăng|gấp|giảm|vượt|hơn")  # a word of every CHANGE_BEFORE and COMPARATIVE_BEFORE match, lower-cased
COMPARATIVE_BEFORE = re.compile(
    r"(?<![\wÀ-ỹ])(?P<verb>cao hơn|thấp hơn|nhiều hơn|ít hơn|tăng hơn|giảm hơn)"
    r"(?P<tail>(?:\s+(?:[^\s\d;,.()]+|(?:19|20)\d\d)){1,10})\s*$", re.I)
REF_AFTER = {
    "same_period": re.compile(r"^\s*(?:so\s+)?(?:với\s+)?(?:cùng kỳ|cùng thời điểm|năm trước|năm ngoái|"
                              r"(?:vụ|tháng|quý)\s+[\wÀ-ỹ ]{0,20}?(?:năm trước|cùng kỳ))", re.I),
    "previous_term": re.compile(r"^\s*(?:so\s+)?(?:với\s+)?nhiệm kỳ trước", re.I),
    "year": re.compile(r"^\s*(?:so\s+)?(?:với\s+)?(?:(?:vụ|tháng|quý)\s+[\wÀ-ỹ ]{0,20}?)?(?:năm\s+|cuối năm\s+)?((?:19|20)\d\d)", re.I),
    # (the council or committee that assigned the plan stands for it: 'đạt 53% so với HĐND huyện giao')
    "target": re.compile(r"^\s*(?:so\s+)?(?:với\s+)?(?:kế hoạch|KH|chỉ tiêu|nghị quyết|NQ|dự toán|mục tiêu|"
                         r"(?:HĐND|UBND)\s+(?:tỉnh|huyện|thị xã|thành phố|xã)\s+giao)(?![\wÀ-ỹ])", re.I),
}
SLASH_PLAN_BEFORE = re.compile(r"/\s*(?:KH|kế hoạch|NQ|nghị quyết|chỉ tiêu)\s*(?:năm\s+\d{4}\s*)?(?:là\s+)?(?:tăng\s+|giảm\s+)?(?:từ\s+)?$", re.I)
TARGET_LEAD = re.compile(r"^\s*\*?\s*(?:chỉ tiêu|kế hoạch|KH|nghị quyết|NQ|mục tiêu|dự toán|phấn đấu)(?![\wÀ-Ỹà-ỹ])", re.I)
TARGET_IN_SEGMENT = re.compile(r"(?<![\wÀ-ỹ])(?:phấn đấu|mục tiêu(?!\s+quốc gia)|chỉ tiêu(?!\s+(?:tỉnh|huyện|trên)?\s*giao)|kế hoạch(?=\s+(?:là|giao|đề ra)))(?![\wÀ-ỹ])", re.I)
# (the make-up of a body of cadres by qualification is a set of shares: 'về trình độ chuyên môn, đại học tăng 15%')
RATE_SUBJECT = re.compile(r"tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|chiếm|mức độ|tốc độ|về trình độ", re.I)
GROWTH_SUBJECT = re.compile(r"tốc độ tăng|tăng trưởng|tốc độ phát triển", re.I)
GROWTH_AT_BEFORE = re.compile(r"(?:tốc độ tăng|tăng trưởng|tốc độ phát triển)[^\d;]{0,40}?(?<![\wÀ-ỹ])đạt\s*(?:khoảng|gần|trên|hơn)?\s*$", re.I)
REDUCTION_SUBJECT = re.compile(r"nghèo", re.I)
# a sector's share of the overall growth names that growth without stating it:
# 'đóng góp 0,6 điểm phần trăm vào mức tăng trưởng chung'
CONTRIBUTION = re.compile(r"(?<![\wÀ-ỹ])đóng góp[^;.]{0,40}?(?:vào|cho)\s+(?:mức\s+|tốc độ\s+)?tăng(?:\s+trưởng)?(?:\s+chung)?", re.I)
# not the area's own poverty rate: the near-poor, or one group of the poor
OTHER_POOR = re.compile(r"cận\s+$|^\s+(?:đồng bào|người|hộ)?\s*(?:dân tộc|DTTS|Khmer|Chăm|Hoa)", re.I)


def _details_growth(lead: str) -> bool:
    """Whether the sentence so far states a growth rate and then opens its parts ('Tốc độ tăng
    trưởng … 13,5%, trong đó: nông, lâm, thủy sản tăng 6,4%'): a share of the growth
    ('đóng góp … vào mức tăng trưởng chung') is no growth rate of its own, and a growth named
    with no 'trong đó' after it ('duy trì tốc độ phát triển …: chỉ số … tăng 18%') opens no parts."""
    lead = CONTRIBUTION.sub(" ", lead)
    found = list(GROWTH_SUBJECT.finditer(lead))
    return bool(found) and re.search(r"(?<![\wÀ-ỹ])trong đó(?![\wÀ-ỹ])", lead[found[-1].end():], re.I) is not None


def _other_base(lead: str, base: str | None) -> str | None:
    """The last comparison base named in the text other than `base` (None if none)."""
    found = None
    for m in re.finditer(r"(?<![\wÀ-ỹ])so\s+(?:với\s+)?", lead, re.I):
        r = _ref_after(lead[m.start():]) or ("same_period" if re.match(
            r"^[^,;\d]{0,40}?(?:năm trước|cùng kỳ)(?![\wÀ-ỹ])", lead[m.start():], re.I) else None)
        if r is not None and r != base:
            found = r
    return found


POOR_AFTER = re.compile(r"\s*(?:tỷ lệ\s+|tỉ lệ\s+)?hộ nghèo(?!\s+(?:đồng bào|người)?\s*(?:dân tộc|DTTS))", re.I)  # 'giảm 2,1% hộ nghèo'


def _poverty_reduction(clause: str) -> bool:
    """Whether the last 'nghèo' of the clause names the poverty rate itself ('tỷ lệ hộ nghèo
    giảm 1,5%' is the catalogue's reduction), not the near-poor ('cận nghèo') or a group of
    the poor ('hộ nghèo dân tộc thiểu số')."""
    found = list(REDUCTION_SUBJECT.finditer(clause))
    if not found:
        return False
    last = found[-1]
    return not OTHER_POOR.search(clause[max(0, last.start() - 8):last.start()]) \
        and not OTHER_POOR.search(clause[last.end():last.end() + 24])
ATTAIN_VERB = re.compile(r"(?<![\wÀ-ỹ])(?:đạt|đạt được|đạt tỷ lệ|đạt tỉ lệ|bằng|chiếm|được)\s*(?:khoảng|gần|trên|hơn)?\s*$", re.I)


LEADING_CLOSERS = re.compile(r"^[\s*)]*")
# (not the plan's year written without 'năm': 'đạt 93% so kế hoạch 2021')
TARGET_WITH_NUMBER_AFTER = re.compile(r"^\s*(?:so\s+)?(?:với\s+)?(?:kế hoạch|KH|chỉ tiêu|nghị quyết|NQ|dự toán|mục tiêu)\s*(?:là\s*)?(?:tăng|giảm)?\s*"
                                      r"(?!(?:19|20)\d\d(?![\d%‰]|[.,]\d))\d", re.I)


def _ref_after(s: str) -> str | None:
    s = LEADING_CLOSERS.sub(" ", s)
    if TARGET_WITH_NUMBER_AFTER.match(s):
        return None
    if REF_AFTER["previous_term"].match(s):
        return "previous_term"
    if REF_AFTER["same_period"].match(s):
        return "same_period"
    m = REF_AFTER["year"].match(s)
    if m:
        return f"year:{m.group(1)}"
    if REF_AFTER["target"].match(s):
        return "target"
    return None


def _ref_later(text: str, unit_end: int, pos: int) -> str | None:
    """A comparison named later in the sentence covers the changes listed before it
    ('… tăng 15%; … tăng 12,9% so nhiệm kỳ trước'), unless another change verb intervenes
    after a reference of its own."""
    from baocao.parse.sentences import sentence_span
    s1 = sentence_span(text, pos)[1]
    m = re.search(r"(?<![\wÀ-ỹ])so\s+(?:với\s+)?", text[unit_end:s1], re.I)
    if not m:
        return None
    # a reference right after another number is that number's own ('đạt 100,8% so với kế hoạch')
    if re.search(r"\d[\d.,]*\s*(?:%|‰)?\s*$", text[unit_end:unit_end + m.start()]):
        return None
    return _ref_after(text[unit_end + m.start():s1])


OR_MORE_AFTER = re.compile(r"^\s*(?:trở lên|trở lại)")
FROM_BEFORE = re.compile(r"(?<![\wÀ-ỹ])từ\s*$")
OR_MORE_LATER = re.compile(r"^[^,;]{0,40}?trở lên")
COMPARATIVE_END = re.compile(r"(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s+hơn\s*$", re.I)


QUALIFIER_KINDS = ("at_least", "at_most", "approx", "less_than", "more_than")
QUALIFIER_KEYS = keys_re([w for kind in QUALIFIER_KINDS for w in cues().get(kind, [])])


def _qualifier(before_seg: str, after: str, estimate_scope: str, low: str | None = None) -> str:
    if OR_MORE_AFTER.match(after):
        return "at_least"
    if FROM_BEFORE.search(before_seg) and OR_MORE_LATER.match(after):
        return "at_least"
    comparative = COMPARATIVE_END.search(before_seg)  # 'cao hơn 1,6 lần' is a change
    low = before_seg.lower() if low is None else low
    if QUALIFIER_KEYS.search(low):  # (a word of some qualifier cue is there)
        for kind in QUALIFIER_KINDS:
            if cue_keys(kind).search(low) and cue_re(kind).search(before_seg) and not (kind == "more_than" and comparative):
                return kind
    if cue_re("estimate", "any").search(estimate_scope):
        return "estimate"
    return "exact"


COMMA_OR_BRACKET = re.compile(r",|\(")
ESTIMATE_GOES_ON = re.compile(r"^\s*(?:đạt|nâng|bằng|tăng|giảm|vượt|chiếm|với|trong đó|\d|lên|còn|tổng)", re.I)


@lru_cache(maxsize=256)
def _has_estimate_words(paragraph: str) -> bool:
    """Whether an estimate cue can occur anywhere in the paragraph (else no clause of it has one)."""
    return cue_words_re("estimate").search(paragraph) is not None


def _estimate_scope(text: str, c0: int, pos: int) -> str:
    """Text from an `ước`/`dự kiến` cue to the number, unless a new subject starts in between."""
    if not _has_estimate_words(text):
        return ""
    s = text[c0:pos]
    ms = list(cue_re("estimate", "any").finditer(s))
    if not ms:
        return _estimate_lead(text, pos)
    s = s[ms[-1].start():]
    parts = COMMA_OR_BRACKET.split(s)
    # (a comma after the estimate's time only, 'ước cuối năm 2024, khu vực … đạt …', does not end it)
    start = 2 if len(parts) > 1 and ESTIMATE_TIME_ONLY.fullmatch(parts[0][ms[-1].end() - ms[-1].start():]) else 1
    for part in parts[start:]:
        if not ESTIMATE_GOES_ON.match(part):
            return _estimate_lead(text, pos)
    return s


ESTIMATE_TIME_ONLY = re.compile(r"(?:\s|đến|hết|cuối|đầu|cả|năm|tháng|quý|ngày|\d|/)+", re.I)


LEAD_BEFORE_COLON_WORDS = 16  # a lead longer than this before its colon is a clause of its own


def _estimate_lead(text: str, pos: int) -> str:
    """A statistics office's estimate word leading a list reaches each level of it: at the head
    of the sentence ('Ước 9 tháng, diện tích … là 1.200 ha, năng suất 50 tạ/ha'), in the short
    lead before the sentence's colon ('Sản lượng … ước tính như sau: lúa 30 nghìn tấn; ngô …'),
    or in the sentence whose details this one gives ('… ước đạt 900 tỷ đồng. Trong đó: chi
    thường xuyên 500 tỷ đồng')."""
    if not cue_words_re("estimate_lead").search(text):
        return ""
    s0 = sentence_start(text, pos)
    if cue_re("estimate_lead", "start").match(re.sub(r"^\W+", "", text[s0:s0 + 30])):
        return text[s0:pos]
    colon = text.find(":", s0, pos)
    if colon > 0 and len(text[s0:colon].split()) <= LEAD_BEFORE_COLON_WORDS \
            and cue_re("estimate_lead", "any").search(text, s0, colon):
        return text[s0:pos]
    p0 = detailed_sentence_start(text, s0)
    if p0 is not None:
        first = re.search(r"\d", text[p0:s0])  # the cue must reach the earlier sentence's first level
        if first and cue_re("estimate_lead", "any").search(text, p0, p0 + first.start()):
            return text[p0:pos]
    return ""


# the same change restated in the level's unit: '(+233 ha)', 'tương đương tăng (50,4 ha)'
RESTATED_CHANGE = re.compile(r"(?:\(\s*[+\-−–]|(?:tương đương|tương ứng)\s*(?:với\s*)?(?:tăng|giảm)?\s*\(?\s*[+\-−]?)\s*$", re.I)
GRDP_SUBJECT = re.compile(r"(?<![\wÀ-ỹ])(?:GRDP|tổng sản phẩm(?: trên địa bàn| trong tỉnh| nội tỉnh)?)(?![\wÀ-ỹ])", re.I)
PLAN_LEAD = re.compile(
    r"(?<![\wÀ-ỹ])(?:phấn đấu|(?<!chương trình )mục tiêu(?!\s+quốc gia)|(?:thống nhất|thông qua|đề ra|giao)\s+(?:các\s+)?chỉ tiêu"
    # a list quoted from the resolution: '…, theo Nghị quyết: tốc độ tăng trưởng đạt …'
    r"|theo\s+(?:nghị quyết|NQ)(?:\s+[^:,;.()]{0,40})?\s*:"
    # a number of targets set: 'đề ra 12 chỉ tiêu cụ thể: …'
    r"|(?:đề ra|thông qua|thống nhất)\s+\d{1,2}\s+(?:nhóm\s+)?chỉ tiêu[^:;.]{0,40}:)(?![\wÀ-ỹ])",
    re.I)
ACTUAL_AFTER_LEAD = re.compile(
    r"(?<![\wÀ-ỹ])(?:đã đạt|đạt được|ước đạt|ước thực hiện|ước tính|thực hiện được|đã thực hiện|kết quả|cùng kỳ|hiện có|hiện nay)(?![\wÀ-ỹ])",
    re.I)


PLAN_WORDS = re.compile(r"đấu|tiêu|quyết|NQ", re.I)  # every PLAN_LEAD holds one


@lru_cache(maxsize=256)
def _has_plan_words(paragraph: str) -> bool:
    """Whether a plan lead can occur anywhere in the paragraph (else no sentence of it opens one)."""
    return PLAN_WORDS.search(paragraph) is not None


def planned_sentence(text: str, pos: int) -> bool:
    """A sentence that opens a list of targets reaches every clause after it:
    'Năm 2023, phấn đấu GRDP tăng 8%; thu ngân sách 8.000 tỷ đồng; …' (unless a clause
    goes back to results: 'đã đạt', 'ước thực hiện', 'so cùng kỳ')."""
    s0 = sentence_start(text, pos)
    if _plan_headed(text, s0, pos):
        return True
    if not _has_plan_words(text):
        return False
    leads = [m for m in PLAN_LEAD.finditer(text, s0, pos)
             if not ACCOMPLISHED_BEFORE.search(text, max(s0, m.start() - 40), m.start())]
    return bool(leads) and not ACTUAL_AFTER_LEAD.search(text, leads[-1].end(), pos)


# goals reported as reached open results, not a plan: 'đã hoàn thành nhiều mục tiêu quan trọng, trong đó …'
ACCOMPLISHED_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:hoàn thành|đạt được|vượt)\s+(?:(?:nhiều|các|những|hầu hết|toàn bộ|cơ bản)\s+)?$", re.I)


# a sentence whose subject is the plan itself: 'Kế hoạch vốn năm 2024 được giao là 90 tỷ đồng,
# trong đó …', 'Dự toán thu năm 2024 là 60 tỷ đồng' (not 'Kế hoạch số 12-KH/UBND …')
# (after the year it opens with, and as a total: 'Trong năm 2024, tổng kế hoạch vốn … là 410 tỷ đồng')
PLAN_HEAD = re.compile(r"[\W\d]*(?:(?:trong\s+)?năm\s+(?:19|20)\d\d\s*,\s*)?(?:tổng\s+)?(?:kế hoạch|dự toán)(?![\wÀ-ỹ])(?!\s+(?:số|\d))", re.I)
# a word of results or of a comparison between the plan head and the number ends its reach
PLAN_HEAD_ENDS = re.compile(r"(?<![\wÀ-ỹ])(?:đạt|đã|giải ngân|thực hiện|ước|thu được|so|tăng|giảm|vượt|bằng|chiếm)(?![\wÀ-ỹ])", re.I)


def _plan_headed(text: str, s0: int, pos: int) -> bool:
    """Whether the number stands in a sentence headed by the plan ('Kế hoạch … là 90 tỷ đồng'),
    or in the details ('Trong đó, …') of one, with no word of results in between."""
    if PLAN_HEAD.match(text, s0) and not PLAN_HEAD_ENDS.search(text, s0, pos):
        return True
    p0 = detailed_sentence_start(text, s0)
    return p0 is not None and PLAN_HEAD.match(text, p0) is not None and not PLAN_HEAD_ENDS.search(text, p0, pos)


PLAN_REFERENCE = re.compile(r"(?<![\wÀ-ỹ])so\s+(?:với\s+)?(?:dự toán|kế hoạch|chỉ tiêu|nghị quyết|KH|NQ)(?:\s+(?:tỉnh|huyện|trên)?\s*giao)?(?![\wÀ-ỹ])", re.I)
COMMENTS = ("attainment_pct", "change_pct", "change_abs", "change_times")


def _restructured(text: str, pos: int, c0: int) -> bool:
    """Whether the sentence before pos reorganises (cue words 'restructure': sắp xếp, sáp nhập,
    tinh giản …) and the clause has no level of its own to compare with (no 'so …', no 'còn
    120 ấp' before)."""
    s0 = sentence_start(text, pos)
    if not cue_words_re("restructure").search(text, s0, pos):
        return False
    return cue_re("restructure", "any").search(text[s0:pos]) is not None \
        and re.search(r"(?<![\wÀ-ỹ])(?:so\s|còn\s+\d)", text[min(c0, pos):pos], re.I) is None


SIGN_BEFORE = re.compile(r"[\s(:][+\-−]$")
PLAN_YEAR_BEFORE = re.compile(r"(?<!định hướng )(?<!tầm nhìn )đến\s+(?:cuối\s+)?năm\s+((?:19|20)\d\d)(?P<gap>[^;]*)$", re.I)


def read_meaning(ctx: Context, raw_subject: str) -> Meaning:
    """Measure, compared_to and qualifier of the number at ctx.pos (see _read_meaning); an
    estimate cue before a level does not reach the attainment or change said of it."""
    m = _read_meaning(ctx, raw_subject)
    if m.qualifier == "estimate" and m.measure in COMMENTS and not cue_re("estimate", "any").search(raw_subject):
        m.qualifier = "exact"
    return m


# a signed amount in a unit other than a percentage, in brackets: '(+260 ha)', '(-1,2 nghìn tấn)'
RESTATED_IN_LEVEL_UNIT = re.compile(r"\s*\(\s*[+\-−–]\s*\d[\d.,]*\s*(?![%‰\d\s])[^\W\d]", re.I)


# a percentage followed by the quantity it is a share of: '100% diện tích gieo trồng'
SHARE_OF_NAMED_BASE = re.compile(r"^\s*(?!(?:so|với|và|trong|do|nhờ|còn|là)(?![\wÀ-ỹ]))[^\W\d_]", re.I)


def _read_meaning(ctx: Context, raw_subject: str) -> Meaning:
    text, pos = ctx.text, ctx.pos
    c0, c1 = ctx.clause
    g0, g1 = ctx.segment
    before_seg = text[g0:pos]
    before_local = raw_subject
    after = text[ctx.unit_end:c1]
    mode = ctx.mode or "actual"
    if mode == "actual" and planned_sentence(text, pos):
        mode = "target"
    low_local = before_local.lower()
    qual = _qualifier(before_local, text[ctx.unit_end:], _estimate_scope(text, c0, pos), low_local)
    is_pct = ctx.unit in ("PCT", "PERMILLE")
    # a bracketed target comment: (chỉ tiêu 49,5 …), (NQ12%), (*Nghị quyết tăng 11 -12%*)
    from baocao.parse.sentences import paren_span
    par = paren_span(text, pos)
    if par and par[0] >= c0 - 1:
        inside = text[par[0] + 1:pos]
        if TARGET_LEAD.match(inside):
            return Meaning("target", None, "exact" if qual == "estimate" else qual, True)
    # the plan's figure written after a slash next to the result: '55,3 triệu đồng/KH 55-56 triệu
    # đồng', 'ước tăng 8,31%/KH tăng 3-4%'
    if SLASH_PLAN_BEFORE.search(text, max(c0, pos - 24), pos):
        return Meaning("target", None, "exact" if qual == "estimate" else qual, True)
    # a change listed with 'và' after another: 'tăng 76 tổ chức đảng và 109 đảng viên so nhiệm kỳ trước'
    if ctx.prev_measure in ("change_abs", "change_pct") and re.fullmatch(r"\s*(?:và|,)\s*", before_local):
        r = _ref_after(after) or _ref_later(text, ctx.unit_end, pos)
        if is_pct:
            return Meaning(ctx.prev_measure, r, qual, True)
        return Meaning("change_abs", r, qual, True)
    # a signed amount in brackets after a change is the same change in the level's unit:
    # 'tăng 6,59% (+233 ha) so cùng kỳ'
    if ctx.prev_measure in ("change_pct", "change_abs", "attainment_pct") and RESTATED_CHANGE.search(text[max(c0, pos - 40):pos]):
        # 'tăng 9.125 tỷ đồng, tương đương tăng 11,01%': the same change in the other measure
        restated = "change_pct" if is_pct and ctx.prev_measure == "change_abs" else "change_abs"
        return Meaning(restated, _ref_after(after) or _ref_later(text, ctx.unit_end, pos), qual, True)
    # an explicitly signed number states a change: '(-419 ha)', 'Kim ngạch xuất khẩu +11,27'
    if SIGN_BEFORE.search(text[max(0, pos - 2):pos]) and text[:pos - 1].strip(" -*•"):  # not a bullet '- 90%'
        r = _ref_after(after) or _ref_later(text, ctx.unit_end, pos)
        return Meaning("change_pct" if is_pct and not RATE_SUBJECT.search(before_seg) else "change_abs", r, qual,
                       ctx.anchor_unit is not None)
    # the second level of a from-to: 'giảm từ 9,29% năm 2015 xuống còn 1,59%'
    if ctx.anchor_unit and re.fullmatch(r"\s*(?:(?:năm|cuối năm)\s+\d{4}\s*,?\s*)?(?:giảm\s+|tăng\s+)?"
                                        r"(?:xuống\s+còn|xuống|lên\s+đến|lên|đến|còn)\s*", before_local, re.I):
        return Meaning(mode, None, qual, True, level=True, endpoint="to")
    ref = _ref_after(after)
    cm = (CHANGE_BEFORE.search(before_local) or COMPARATIVE_BEFORE.search(before_local)) if CHANGE_KEYS.search(low_local) else None
    if cm:
        head = before_local[:cm.start()]
        tail = cm.group("tail") or ""
        verb = cm.group("verb").lower()
        # a level, not a change: 'giảm từ 55,32% xuống còn 40,04%', 'tăng lên 22%', 'giảm còn 31%'
        if re.search(r"(?:^|\s)(?:lên|xuống|còn)(?:\s|$)", tail.lower()):
            return Meaning(mode, None, qual if qual != "at_least" else "exact", not clean(head), level=True)
        if re.search(r"(?:^|\s)từ\s*$", tail.lower()) and re.match(r"^[^;,]{0,30}?(?:xuống|lên|đến)\s", after):
            return Meaning(mode, None, qual if qual != "at_least" else "exact", False, level=True, endpoint="from")
        # an average growth ('tăng bình quân', 'bình quân hàng năm giảm'), not 'thu nhập bình quân … cao hơn'
        average = re.search(r"bình quân|hàng năm|hằng năm", tail, re.I) or re.search(
            r"(?:bình quân|hàng năm|hằng năm|mỗi năm)\s*,?\s*$", head, re.I)
        wide_head = ctx.wide_subject[:max(0, len(ctx.wide_subject) - (len(before_local) - cm.start()))]
        # (years and price bases name no level: 'GRDP năm 2022 theo giá so sánh 2010 tăng 9%')
        growth_subject = (GROWTH_SUBJECT.search(wide_head) or GRDP_SUBJECT.search(wide_head)) \
            and not re.search(r"\d", re.sub(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])", "", wide_head))
        # 'GRDP tăng 9,07%' with no GRDP level stated is the growth rate itself
        if average or growth_subject or GROWTH_SUBJECT.search(head + " " + verb) and not ref \
                or (verb.startswith("giảm") and (is_pct or not ref) and (_poverty_reduction(text[c0:pos]) or POOR_AFTER.match(text, ctx.unit_end))):
            # (a count of poor households fewer than a named year is a change: 'giảm 128 hộ so với năm 2022')
            return Meaning(mode, None, qual, False, verb=verb)
        q = qual if qual in ("approx", "estimate", "at_least", "more_than", "less_than", "at_most") else "exact"
        # ('đạt 88% so với dự toán và tăng 12%': the reference of the attainment before is no subject)
        own_subject = len(clean(re.sub(r"\b(?:so|với|cùng kỳ|năm|trước|đó|trong|thì|còn|và)\b", "",
                                       PLAN_REFERENCE.sub("", head), flags=re.I))) >= 6 \
            and ctx.anchor_unit is not None and not re.search(r"[()]", head)
        if ref is None and re.search(r"(?<![\wÀ-ỹ])(?:kế hoạch|chỉ tiêu|nghị quyết|dự toán|mục tiêu|KH|NQ)(?![\wÀ-ỹ])", tail, re.I):
            ref = "target"  # 'vượt kế hoạch 5%'
        if ref is None:
            # the reference may open the clause or stand between verb and number:
            # 'so với cùng kỳ giảm 2 vụ, giảm 1 người chết', 'tăng so cùng kỳ 300 mô hình'
            refs = [m.start() for m in re.finditer(r"(?<![\wÀ-ỹ])so\s+(?:với\s+)?", text[c0:pos], re.I)]
            if refs and not re.search(r"\d[\d.,]*\s*%?\s*$", text[c0:c0 + refs[-1]]):
                ref = _ref_after(text[c0 + refs[-1]:pos])
        if ref is None:
            ref = _ref_later(text, ctx.unit_end, pos)
        if ctx.unit == "TIMES":
            return Meaning("change_times", ref, q, True)
        if ref is None and verb.startswith("giảm") and not is_pct and _restructured(text, pos, c0):
            # 'sắp xếp, sáp nhập giảm 12 phòng, ban': the count of units cut by reorganising, not a
            # change of a level stated anywhere
            return Meaning(mode, None, q, False)
        if ref is None and (mode == "target" or _details_growth(text[sentence_start(text, pos):c0])
                            and ctx.anchor_unit in (None, "PCT", "PERMILLE")):
            # 'trong đó: nông, lâm, thủy sản tăng 6,4%' after a growth rate; a planned growth
            return Meaning(mode, None, q, False)
        if is_pct:
            if RESTATED_IN_LEVEL_UNIT.match(text, ctx.unit_end):
                # the same change restated in a level's own unit right after it is a change of that
                # level, not of the share before: 'chiếm 40%, tăng 8% (+50 ha)'
                return Meaning("change_pct", ref, q, True)
            # a change of a rate or share is in points: its own words or the level it comments on say so
            if own_subject:  # 'thu ngân sách tăng 10%': a change of its own subject, not of the number before
                return Meaning("change_abs" if RATE_SUBJECT.search(head) else "change_pct", ref, q, False)
            # (a level in %, not a change in % said of something else: 'giá dầu tăng 40%, … số thu … tăng 40,39%')
            rate = RATE_SUBJECT.search(before_local) or (ctx.anchor_unit in ("PCT", "PERMILLE") and ctx.anchor_role != "pair_a"
                                                         and ctx.anchor_measure not in COMMENTS) \
                or (ctx.anchor_unit is None and RATE_SUBJECT.search(text[c0:pos])) \
                or (ctx.anchor_unit in ("PCT", "PERMILLE") and RATE_SUBJECT.search(ctx.anchor_subject[:20]))
            return Meaning("change_abs" if rate else "change_pct", ref, q, True)
        return Meaning("change_abs", ref, q, not own_subject)
    if is_pct:
        # a growth rate reached against last year is the rate itself, not an index of a level:
        # 'tăng trưởng kinh tế (GRDP) đạt 8,1% so với cùng kỳ'
        if (ref == "same_period" or (ref or "").startswith("year:")) and ctx.anchor_unit is None and ctx.value < 50 \
                and GROWTH_AT_BEFORE.search(text, c0, pos) and not CONTRIBUTION.search(text, c0, pos):
            return Meaning(mode, None, qual, False)
        if ref and ref != "previous_term" and ATTAIN_VERB.search(before_local) or ref == "target" or (ref and ref.startswith("year") and re.search(r"bằng\s*$", before_local)):
            return Meaning("attainment_pct", ref, qual, True)
        if re.match(r"^\s*\(\s*\*?\s*vượt\s+(?:kế hoạch|chỉ tiêu|nghị quyết|KH|NQ)", after, re.I):
            return Meaning("attainment_pct", "target", qual, True)
        if ref is None and ctx.prev_measure == "attainment_pct" and re.fullmatch(
                r"\s*(?:so\s+(?:với\s+)?[^\d,;]{0,30}?)?(?:và|,)\s*(?:đạt|bằng)\s*", ctx.wide_subject, re.I):
            # 'đạt 85,1% so với KH và đạt 74,1%': a second attainment of the same level, against the
            # other base the sentence named
            return Meaning("attainment_pct", _other_base(text[sentence_start(text, pos):pos], ctx.prev_compared), qual, True)
        if ref is None and re.search(r"(?<![\wÀ-ỹ])(?:đạt|bằng)\s*$", before_local, re.I):
            # the reference may stand before the verb: 'so với vụ Đông xuân năm trước đạt 67,8%'
            k = [m.start() for m in re.finditer(r"(?<![\wÀ-ỹ])so\s+(?:với\s+)?", before_local, re.I)]
            lead = before_local[k[-1]:] if k else ""
            if lead and not re.search(r"\d|(?<![\wÀ-ỹ])và(?![\wÀ-ỹ])", lead):
                r = _ref_after(lead) or ("same_period" if re.search(
                    r"(?<![\wÀ-ỹ])(?:năm trước|cùng kỳ)(?![\wÀ-ỹ])", lead, re.I) else None)
                if r is not None:
                    return Meaning("attainment_pct", r, qual, True)
        if ref is None and ctx.prev_measure == "change_abs" and ctx.prev_unit not in (None, "PCT", "PERMILLE") \
                and ATTAIN_VERB.search(before_local) and not clean(before_local) and not SHARE_OF_NAMED_BASE.match(after):
            # 'giảm 12 biên chế, đạt 10%': the same change as a share of the level it left (not
            # 'giảm 80 ha, đạt 100% diện tích gieo trồng': a share of the base named after it)
            return Meaning("change_pct", ctx.prev_compared, qual, True)
        if ATTAIN_VERB.search(before_local) and is_ratio_of(ctx.value, ctx.prev_values):
            return Meaning(mode, None, qual, True)  # 'thụ lý 8.844 vụ; xét xử 7.485 vụ, đạt 84,63%' is a share
        if ref is None and ATTAIN_VERB.search(before_local) and not clean(before_local) and ctx.value <= 100 \
                and ctx.anchor_unit and cue_re("handled", "any").search(ctx.anchor_subject):
            # 'giải quyết xong 12 tỷ đồng, đạt 48%': the share of the caseload dealt with
            return Meaning(mode, None, qual, True)
        if ATTAIN_VERB.search(before_local) and ctx.anchor_unit and ctx.anchor_unit not in ("PCT", "PERMILLE") \
                and ctx.anchor_role not in ("pair_a",) and not re.match(r"^\s*(?:so\s+với\s+tổng|so\s+tổng|[\wÀ-ỹ])", after) \
                and not re.search(r"(?:chiếm|t[ỷỉ] lệ)\s*$", before_local) and not clean(before_local) \
                and not RATE_SUBJECT.search(ctx.anchor_subject[:12]):
            return Meaning("attainment_pct", "target", qual, True)
        if ATTAIN_VERB.search(before_local) and ctx.anchor_unit and not clean(before_local) \
                and ctx.anchor_role == "pair_a" and ctx.anchor_pair_kind == "target":
            return Meaning("attainment_pct", "target", qual, True)  # '9.481/9.440 ha, đạt 100,4%'
        if ATTAIN_VERB.search(before_local) and ctx.anchor_unit and not clean(before_local) \
                and (ctx.anchor_role == "pair_a" or RATE_SUBJECT.search(ctx.anchor_subject[:12])):
            return Meaning(mode, None, qual, True, default=True)
    if TARGET_IN_SEGMENT.search(before_seg):
        return Meaning("target", None, qual, False)
    if mode == "actual" and PLAN_HEAD.match(text, g0) and not PLAN_HEAD_ENDS.search(text, g0, pos):
        # a part of the sentence headed by the plan: 'đạt 95% kế hoạch; …, kế hoạch vốn 146 tỷ đồng'
        return Meaning("target", None, "exact" if qual == "estimate" else qual, False)
    m = PLAN_YEAR_BEFORE.search(text[c0:pos])
    if m and ctx.doc_year and int(m.group(1)) > ctx.doc_year and len(m.group("gap").split()) <= 8:
        return Meaning("target", None, qual, False, m.group(1))
    if not clean(before_local) and ctx.anchor_unit and is_pct and re.search(r"chiếm|tỷ lệ|đạt", before_local):
        return Meaning(mode, None, qual, True, default=True)
    return Meaning(mode, None, qual, False, default=True)


FILLER = re.compile(r"(?<![\wÀ-ỹ])(?:đạt|được|là|có|chiếm|bằng|tỷ lệ|khoảng|gần|trên|hơn|với)(?![\wÀ-ỹ])|[\s,;:()*\-]")


def clean(s: str) -> str:
    return FILLER.sub("", s)


UNIT_AFTER_SLASH = {"vạn", "người", "năm", "ha", "hộ", "tháng", "ngày", "dân", "con", "lượt", "xã", "km", "kg", "tấn", "lao"}


def pair_kind(text: str, a: NumToken, b: NumToken, unit: str, c0: int, c1: int, b_end: int) -> str:
    """`a/b`: 'target' (41/40 doanh nghiệp, 9.090/11.000 ha … đạt 83% kế hoạch), 'whole'
    (22/45 trường: b is the total), or 'previous:YYYY' (39/29 vụ (tăng 10 vụ so với năm 2020))."""
    after = text[b_end:c1]
    m = re.match(r"^\s*\(?\s*(?:tăng|giảm)\s+(\d+(?:[.,]\d+)*)[^)]*?so\s+(?:với\s+)?(?:năm\s+)?((?:19|20)\d\d|cùng kỳ|năm trước)", after)
    if m:
        from baocao.parse.numbers import parse_value
        try:
            if abs(abs(a.value - b.value) - parse_value(m.group(1))) < 1e-6:
                y = m.group(2)
                return "previous:" + (y if y[:2] in ("19", "20") else "")
        except ValueError:
            pass
    # two labels paired the same way: 'trong độ tuổi/đúng độ tuổi: tiểu học 99,5%/97,2%'
    from baocao.parse.sentences import period_clause_start
    s0 = period_clause_start(text, a.start)
    for m in re.finditer(r"([A-Za-zÀ-ỹĐđ]+)\s*/\s*([A-Za-zÀ-ỹĐđ]+)", text[s0:a.start]):
        if m.group(2).lower() not in UNIT_AFTER_SLASH and m.group(1).lower() not in ("đ", "tr"):
            return "labels"
    if a.value > b.value:
        return "target"
    if unit in ("PCT", "PERMILLE"):
        return "target"
    seg_before = re.split(r"[,;(]", text[c0:a.start])[-1]
    if re.search(r"(?<![\wÀ-ỹ])(?:kế hoạch|KH|chỉ tiêu|dự toán|nghị quyết|NQ)(?![\wÀ-ỹ])", seg_before, re.I):
        return "target"
    if re.match(r"^[^;%]{0,60}?(?:đạt|bằng|chiếm)\s+(?:tỷ lệ\s+)?[\d.,]+\s*%\s*(?:so\s+)?(?:với\s+)?(?:kế hoạch|KH|chỉ tiêu|dự toán|nghị quyết|NQ)", after, re.I):
        return "target"
    if not unit.startswith("COUNT"):
        return "target"
    return "whole"
