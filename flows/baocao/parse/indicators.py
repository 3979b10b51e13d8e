"""Indicator phrase -> catalogue code (catalog/indicators.csv + catalog/indicator_aliases.csv).

The phrase naming what a number measures is cut from the words before it (`tổng đàn gia
súc 97.160 con`) or, for a count, from its noun and what follows (`kết nạp 120 đảng viên`).
A code is given when an alias of a catalogue indicator occurs in that phrase (whole words,
longest alias wins) or is close to it (rapidfuzz), and the indicator's unit class agrees
with the fact's unit (a % is never `RICE_AREA`). Aliases are data: add rows to
indicator_aliases.csv.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from baocao.parse.units import unit_class

CATALOG = Path(__file__).resolve().parent.parent / "catalog"

COMPATIBLE = {
    "percent": {"percent"},
    "money": {"money"},
    "money_per_person_year": {"money_per_person", "money"},
    "count": {"count"},
    "area": {"area"},
    "mass": {"mass"},
    "yield": {"yield"},
    "per_10k_pop": {"per_10k_pop", "count"},
}


@dataclass(frozen=True)
class Alias:
    code: str
    text: str  # normalised
    unit_class: str
    core: bool = True  # a code of the fact contract (indicators.csv `source` = contract)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, re.Pattern, str], ...]:
    """Report abbreviations (BHYT, NTM, HTX …) from catalog/abbreviations.csv, spelled out for
    matching: (abbreviation, its whole-word pattern, expansion)."""
    path = CATALOG / "abbreviations.csv"
    out = []
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                a = r["abbreviation"].strip().casefold()
                out.append((a, re.compile(r"(?<![\wÀ-ỹ])" + re.escape(a) + r"(?![\wÀ-ỹ])"), r["expansion"].strip().casefold()))
    return tuple(sorted(out, key=lambda t: -len(t[1].pattern)))


# Two spellings of one word: the tone on the second vowel of oa/oe/uy (old style) or the first
OLD_TONES = {old: new for olds, news in (("oáoàoảoãoạ", "óaòaỏaõaọa"), ("oéoèoẻoẽoẹ", "óeòeỏeõeọe"),
                                         ("uýuỳuỷuỹuỵ", "úyùyủyũyụy"))
             for old, new in zip((olds[i:i + 2] for i in range(0, 10, 2)), (news[i:i + 2] for i in range(0, 10, 2)), strict=True)}
OLD_TONE_PLACEMENT = re.compile("|".join(OLD_TONES))


NORM_TI = re.compile(r"(?<![\wÀ-ỹ])tỉ(?![\wÀ-ỹ])")
NORM_MARKS = re.compile(r"[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]")  # footnote marks
NORM_QUOTES = re.compile(r"[“”\"'‘’]")
NORM_PUNCT = re.compile(r"[,;:()\[\]]")
NORM_DASH = re.compile(r"\s+-\s+|\s-|-\s")
NORM_WORD_DASH = re.compile(r"(?<=[^\W\d_]{2})-(?=[^\W\d_]{2})")


@lru_cache(maxsize=1)
def _abbreviation_letters() -> re.Pattern:
    """Any abbreviation, even inside a word: a phrase without one skips them all."""
    return re.compile("|".join(re.escape(a) for a, _, _ in _abbreviations()) or "\u0000")


@lru_cache(maxsize=16384)
def norm(s: str) -> str:
    """Lower case, abbreviations spelled out, punctuation to spaces, one space between words."""
    s = s.casefold().replace("–", "-").replace("*", "")
    s = OLD_TONE_PLACEMENT.sub(lambda m: OLD_TONES[m.group(0)], s)  # 'hoá' = 'hóa', 'thuỷ' = 'thủy'
    if "tỉ" in s:
        s = NORM_TI.sub("tỷ", s)
    s = NORM_MARKS.sub(" ", s.replace("sỹ", "sĩ"))
    s = NORM_QUOTES.sub("", s)
    if _abbreviation_letters().search(s):
        for abbr, pat, full in _abbreviations():
            if abbr in s:  # (the pattern is the abbreviation itself, whole)
                s = pat.sub(full, s)
    s = NORM_PUNCT.sub(" ", s)
    if "-" in s:
        s = NORM_DASH.sub(" ", s)  # 'nông - lâm - thủy sản' = 'nông, lâm, thủy sản'
        s = NORM_WORD_DASH.sub(" ", s)  # 'nông-lâm nghiệp' = 'nông - lâm nghiệp' (not 'covid-19', 'n-1')
    return " ".join(s.split())


@lru_cache(maxsize=1)
def aliases() -> tuple[Alias, ...]:
    classes: dict[str, str] = {}
    core: dict[str, bool] = {}
    out: list[Alias] = []
    with open(CATALOG / "indicators.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            classes[r["code"]] = r["unit_class"]
            core[r["code"]] = r.get("source", "contract") == "contract"
            out.append(Alias(r["code"], norm(r["name_vi"]), r["unit_class"], core[r["code"]]))
            for a in r["written_as"].split(";"):
                a = re.sub(r"\(.*?\)", "", a)
                if "…" in a or "..." in a:
                    continue
                a = norm(a)
                if a:
                    out.append(Alias(r["code"], a, r["unit_class"], core[r["code"]]))
    path = CATALOG / "indicator_aliases.csv"
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                code = r["code"].strip()
                if code in classes:
                    out.append(Alias(code, norm(r["alias"]), classes[code], core[code]))
    uniq = {(a.code, a.text): a for a in out}
    return tuple(sorted(uniq.values(), key=lambda a: -len(a.text)))


@lru_cache(maxsize=1)
def catalogue_names() -> dict[str, str]:
    with open(CATALOG / "indicators.csv", encoding="utf-8") as fh:
        return {r["code"]: r["name_vi"] for r in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _core_codes() -> frozenset[str]:
    return frozenset(a.code for a in aliases() if a.core)


def is_core(code: str | None) -> bool:
    """A code of the fact contract (not one added to the catalogue since)."""
    return code is not None and code in _core_codes()


def code_fits_unit(code: str, unit_code: str | None) -> bool:
    """Whether a catalogue indicator can be measured in this unit."""
    cls = next((a.unit_class for a in aliases() if a.code == code), None)
    return cls is None or compatible(cls, unit_code)


def compatible(alias_class: str, unit_code: str | None) -> bool:
    uc = unit_class(unit_code)
    return uc in COMPATIBLE.get(alias_class, {alias_class})


def _tokens(s: str) -> set[str]:
    return set(_tokens_list(s))


@lru_cache(maxsize=16384)
def _phrase_words(p: str) -> tuple[frozenset[str], frozenset[str]]:
    """A normalised phrase's words (split at spaces) and tokens (TOKEN), kept per phrase: each
    phrase is read for several unit classes, with and without the non-contract codes."""
    return frozenset(p.split()), frozenset(_tokens_list(p))


@lru_cache(maxsize=128)
def _aliases_for(uclass: str | None, core_only: bool = False) -> tuple[tuple[Alias, str, frozenset[str], int], ...]:
    """Aliases usable for a unit class (None: any), with their padded text and word set."""
    out = []
    for a in aliases():
        if core_only and not a.core:
            continue
        if uclass is None or uclass in COMPATIBLE.get(a.unit_class, {a.unit_class}):
            words = a.text.rstrip("$").split()
            out.append((a, " " + a.text.rstrip("$") + " " + ("$" if a.text.endswith("$") else ""), frozenset(words), len(words)))
    return tuple(out)


def _has_repeats(alias: str, phrase: str) -> bool:
    """An alias that repeats a word ('thôn nông thôn mới') needs it as often in the phrase."""
    have = Counter(_tokens_list(phrase))
    return all(have[w] >= c for w, c in Counter(alias.rstrip("$").split()).items())


TOKEN = re.compile(r"[\wÀ-ỹ/.]+")


def _tokens_list(s: str) -> list[str]:
    return TOKEN.findall(s)


def match_code(phrases: list[str], unit_code: str | None, loose: list[str] | None = None) -> str | None:
    """The catalogue code named by the first phrase that names one (phrases in priority order).

    Tier 1: an alias written as whole words inside a phrase (longest alias first).
    Tier 2: every word of a (3+ word) alias occurs in the phrase (word order free).
    Tier 3: a near-identical spelling (rapidfuzz ratio >= 95 on an equally long window).
    `loose` phrases (e.g. the rest of the clause) are tried with tier 1 and long aliases only.
    `unit_code` None accepts any unit class (used for attainment/change of a level).
    """
    return _match_code(tuple(phrases), unit_code, tuple(loose or ()))


@lru_cache(maxsize=8192)
def _match_code(phrases: tuple[str, ...], unit_code: str | None, loose: tuple[str, ...]) -> str | None:
    """The contract's codes first: a finer code added to the catalogue later never takes a
    phrase the contract already names ('số vụ phạm pháp hình sự' stays CRIMINAL_CASES)."""
    return _match_tiers(phrases, unit_code, loose, True) or _match_tiers(phrases, unit_code, loose, False)


def _match_tiers(phrases: tuple[str, ...], unit_code: str | None, loose: tuple[str, ...], core_only: bool) -> str | None:
    uclass = unit_class(unit_code) if unit_code is not None else None
    normed = []  # (a phrase is normalised only when its turn comes: most calls stop early)
    for ph in phrases:
        p = norm(ph)
        normed.append(p)
        code = _named_in(p, uclass, core_only)
        if code is not None:
            return code
    for p in normed[:2]:
        code = _spelled_close(p, uclass, core_only)
        if code is not None:
            return code
    for ph in loose:
        code = _named_in_loose(norm(ph), uclass, core_only)
        if code is not None:
            return code
    return None


# Each tier reads one (normalised) phrase at a time, and a report tries the same phrase for
# many of its numbers: the answer per phrase is kept.

@lru_cache(maxsize=16384)
def _named_in(p: str, uclass: str | None, core_only: bool) -> str | None:
    """Tiers 1 and 2 on one phrase."""
    if len(p) < 2:
        return None
    padded_p = " " + p + " "
    split_words, toks = _phrase_words(p)
    cands = _aliases_for(uclass, core_only)
    # tier 1: the first alias in the catalogue's order written out in the phrase; all its
    # words, so its rarest one, are words of the phrase
    exact_i = len(cands)
    written = _written_index(uclass, core_only)
    for w in split_words:
        for i, needle, at_end in written.get(w, ()):
            if i >= exact_i:
                break
            # an alias ending in '$' must end the phrase ('có hợp tác xã$' is not 'có hợp tác xã được thành lập …')
            if padded_p.endswith(needle) if at_end else needle in padded_p:
                exact_i = i
                break
    exact = cands[exact_i] if exact_i < len(cands) else None
    # tier 2: the longest alias of 4+ words that has all its words in the phrase (the first
    # of equally long ones)
    loose_i, loose_n = -1, 0
    word_set = _word_set_index(uclass, core_only)
    for w in toks:
        for i, words, n in word_set.get(w, ()):
            if (n > loose_n or n == loose_n and i < loose_i) and words <= toks \
                    and (n == len(words) or _has_repeats(cands[i][0].text, p)):
                loose_i, loose_n = i, n
    # a longer alias whose words are all there beats a shorter one written out
    # ('xã đạt NTM kiểu mẫu': NTM_MODEL_COMMUNES, not 'xã đạt nông thôn mới')
    if loose_n and (exact is None or (loose_n > exact[3]
                                      and len(set(exact[0].text.split()) - set(cands[loose_i][0].text.split())) <= 1)):
        return cands[loose_i][0].code
    if exact is not None:
        return exact[0].code
    return None


@lru_cache(maxsize=1)
def _word_frequency() -> Counter:
    """In how many aliases each word occurs: an alias is looked up by its rarest word."""
    return Counter(w for a in aliases() for w in set(a.text.rstrip("$").split()))


def _rarest(words: frozenset[str]) -> str:
    freq = _word_frequency()
    return min(words, key=lambda w: (freq[w], w))


@lru_cache(maxsize=128)
def _written_index(uclass: str | None, core_only: bool) -> dict[str, tuple[tuple[int, str, bool], ...]]:
    """Tier 1's aliases by their rarest word: (position in _aliases_for, the text to find
    between spaces, whether it must end the phrase), in catalogue order."""
    index: dict[str, list[tuple[int, str, bool]]] = {}
    for i, (_, padded, words, _) in enumerate(_aliases_for(uclass, core_only)):
        if words:
            at_end = padded.endswith("$")
            index.setdefault(_rarest(words), []).append((i, padded[:-1] if at_end else padded, at_end))
    return {w: tuple(ix) for w, ix in index.items()}


@lru_cache(maxsize=128)
def _word_set_index(uclass: str | None, core_only: bool) -> dict[str, tuple[tuple[int, frozenset[str], int], ...]]:
    """Tier 2's aliases (4+ words, not ending in '$') by their rarest word: (position in
    _aliases_for, word set, number of words), in catalogue order."""
    index: dict[str, list[tuple[int, frozenset[str], int]]] = {}
    for i, (a, _, words, n) in enumerate(_aliases_for(uclass, core_only)):
        if n >= 4 and not a.text.endswith("$"):
            index.setdefault(_rarest(words), []).append((i, words, n))
    return {w: tuple(ix) for w, ix in index.items()}


@lru_cache(maxsize=16384)
def _spelled_close(p: str, uclass: str | None, core_only: bool) -> str | None:
    """Tier 3 on one phrase: the first alias (3+ words, catalogue order) spelled nearly alike
    in a window of the phrase that starts with the alias's first word."""
    words = p.split()
    spelled = _spelled_index(uclass, core_only)
    at: dict[str, list[int]] = {}  # word -> its positions in the phrase (of the words some alias starts with)
    for k, w in enumerate(words):
        if w in spelled:
            at.setdefault(w, []).append(k)
    if not at:
        return None
    # (the ratio is 100 * (1 - indel distance / total length), and the distance is at least the
    # difference of the lengths: a window more than 5% of the total longer or shorter than the
    # alias cannot reach 95, and is not compared)
    ends = [0]  # ends[k]: length of the first k words, each with the space after it
    for w in words:
        ends.append(ends[-1] + len(w) + 1)
    nw = len(words)
    # the first alias in catalogue order that some window matches: each word's aliases are in
    # that order, so the first match among one word's aliases is its best, and the best of
    # those wins (one word's list is left as soon as it reaches the best found so far)
    best, found = len(_aliases_for(uclass, core_only)), None
    for first, starts in at.items():
        for i, n, text, code, _, size in spelled[first]:
            if i >= best:
                break
            if n > nw:
                continue
            for k in starts:
                if k > nw - n:
                    break
                window = ends[k + n] - ends[k] - 1
                if 20 * abs(window - size) > window + size:
                    continue
                if fuzz.ratio(" ".join(words[k:k + n]), text) >= 95:
                    best, found = i, code
                    break
            else:
                continue
            break
    return found


@lru_cache(maxsize=128)
def _spelled_index(uclass: str | None, core_only: bool) -> dict[str, tuple[tuple[int, int, str, str, str, int], ...]]:
    """Tier 3's aliases (3+ words, not ending in '$') by first word: (position in
    _aliases_for, number of words, text, code, first word, length of the text)."""
    index: dict[str, list[tuple[int, int, str, str, str, int]]] = {}
    for i, (a, _, _, n) in enumerate(_aliases_for(uclass, core_only)):
        if n >= 3 and not a.text.endswith("$"):
            first = a.text.split()[0]
            index.setdefault(first, []).append((i, n, a.text, a.code, first, len(a.text)))
    return {w: tuple(ix) for w, ix in index.items()}


@lru_cache(maxsize=16384)
def _named_in_loose(p: str, uclass: str | None, core_only: bool) -> str | None:
    """A `loose` phrase: tier 1 with long aliases only (4+ words, not ending in '$'), the
    first in the catalogue's order."""
    padded_p = " " + p + " "
    cands = _aliases_for(uclass, core_only)
    found = len(cands)
    word_set = _word_set_index(uclass, core_only)
    for w in _phrase_words(p)[0]:
        for i, _, _ in word_set.get(w, ()):
            if i >= found:
                break
            if cands[i][1] in padded_p:
                found = i
                break
    return cands[found][0].code if found < len(cands) else None


def complete_code(subject: str, context: str, unit_code: str | None) -> str | None:
    """A short subject completed from its sentence: the longest alias that contains every word
    of the subject (3+ words) and whose other words all occur in the sentence before."""
    sw = set(norm(subject).split())
    if len(sw) < 2:
        return None
    ctx = _tokens(norm(context)) | sw
    best = None
    uclass = unit_class(unit_code) if unit_code is not None else None
    cands = _aliases_for(uclass)
    # only the aliases holding one of the subject's words can hold them all
    for i in _by_word(uclass).get(min(sw), ()):
        a, _, words, n = cands[i]
        if n > len(sw) and not a.text.endswith("$") and sw <= words and words <= ctx and (best is None or n > best[1]):
            best = (a, n)
    return best[0].code if best else None


@lru_cache(maxsize=128)
def _by_word(uclass: str | None) -> dict[str, tuple[int, ...]]:
    """Positions in _aliases_for(uclass) of the aliases holding each word, in catalogue order."""
    index: dict[str, list[int]] = {}
    for i, (_, _, words, _) in enumerate(_aliases_for(uclass)):
        for w in words:
            index.setdefault(w, []).append(i)
    return {w: tuple(ix) for w, ix in index.items()}


LEADING_NOISE = re.compile(
    r"^(?:[-+*•→\s]+|trong đó\s*:?\s*|và\s+|toàn (?:huyện|tỉnh|xã)(?:\s+hiện)?(?:\s+có)?(?:\s+|$)|hiện có\s+|có\s+|đã\s+|được\s+|với\s+|"
    r"nâng\s+(?:tổng\s+số\s+)?(?:toàn huyện\s+)?(?:có\s+|lên\s+)?|kết quả\s*:?\s*|đến nay\s*,?\s*|riêng\s+)+",
    re.I,
)
TRAILING_NOISE = re.compile(
    r"(?:\s+|^)(?:ước\s+đạt|ước\s+tính|ước|đạt\s+tỷ\s+lệ|đạt|là|được|có|còn|chiếm|với|bằng|khoảng|gần|trên|hơn|dưới|từ|"
    r"tổng số|tổng cộng|tăng|giảm|vượt|thêm|ở mức|mức|đến nay|hiện nay|đạt được|lên|xuống còn|xuống|tới|cho|tổng|trở lên|ít nhất|tối thiểu|dự kiến|bình quân)\s*$",
    re.I,
)


FOOTNOTE_MARKS = re.compile(r"[*⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹\ufffd]")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def clean_phrase(s: str) -> str:
    s = FOOTNOTE_MARKS.sub("", s)
    s = SPACES.sub(" ", s).strip(" ,;:.-–()“”\"")
    for _ in range(4):
        s2 = LEADING_NOISE.sub("", s).strip(" ,;:.-–")
        s2 = TRAILING_NOISE.sub("", s2).strip(" ,;:.-–")
        if s2 == s:
            break
        s = s2
    return s


@lru_cache(maxsize=1)
def _sectors() -> tuple[tuple[re.Pattern, str, str], ...]:
    """(pattern of a sector's written forms, share code, value code), from catalog/sectors.csv."""
    rows = []
    with open(CATALOG / "sectors.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            forms = sorted((norm(w) for w in r["written_as"].split(";") if w.strip()), key=len, reverse=True)
            pat = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\wÀ-ỹ])")
            rows.append((pat, r["share_code"], r["value_code"]))
    return tuple(rows)


@lru_cache(maxsize=8192)
def _sector_named(subj: str) -> tuple[tuple[int, str, str] | None, frozenset[str]]:
    """The sector named last in a (normalised) subject, as (offset, share code, value code),
    and the share codes of all sectors it names."""
    found = None
    named = set()
    for pat, share, value in _sectors():
        for m in pat.finditer(subj):  # the sector named last before the number
            named.add(share)
            if found is None or m.start() > found[0]:
                found = (m.start(), share, value)
    return found, frozenset(named)


REVENUE = re.compile(r"(?<![\wÀ-ỹ])(?:doanh thu|doanh số)(?![\wÀ-ỹ])", re.I)
SHARE_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:chiếm|tỷ trọng|tỉ trọng|cơ cấu)(?![\wÀ-ỹ])", re.I)
VALUE_ADDED = re.compile(r"(?<![\wÀ-ỹ])(?:grdp|tổng sản phẩm|giá trị tăng thêm|va)(?![\wÀ-ỹ])", re.I)


def is_sector_code(code: str) -> bool:
    """A sector's share or value code (catalog/sectors.csv)."""
    return any(code in (share, value) for _, share, value in _sectors())


def in_value_added(*texts: str) -> bool:
    """Whether any of these (a subject, its lead, the sentences before it) speaks of GRDP
    (value added)."""
    return any(VALUE_ADDED.search(t) for t in texts)


def names_sector(subject: str) -> bool:
    """Whether sector_code can find a sector in this subject (else it returns None)."""
    return _sector_named(norm(subject))[0] is not None


def sector_code(subject: str, lead: str, unit_code: str | None, measure: str, context: str = "") -> str | None:
    """A sector named as the subject: its share ('khu vực dịch vụ chiếm 34,6%', 'Cơ cấu kinh
    tế: dịch vụ 39,7%') or its production value and the change of it ('khu vực nông, lâm,
    thủy tăng 16,4%' under 'tổng giá trị sản xuất'). A sector's growth inside GRDP (value
    added) names no catalogue indicator. `lead` is the clause (and the bullet's topic) before
    the number; `context` the sentences before it, where GRDP may have been named."""
    subj = norm(subject)
    if re.search(r"(?<![\wÀ-ỹ])lao động(?![\wÀ-ỹ])", subj):
        return None  # the labour force by sector is another indicator
    if REVENUE.search(subj):
        return None  # a sector's revenue ('doanh thu thương mại, dịch vụ') is not its production value
    found, named = _sector_named(subj)
    if found is None or (len(named) > 1 and SHARE_WORDS.search(subject)):
        return None  # 'công nghiệp, xây dựng và dịch vụ chiếm trên 70%' is two sectors together
    _, share, value = found
    cls = unit_class(unit_code)
    if cls == "percent" and measure in ("actual", "target") and (SHARE_WORDS.search(subject) or SHARE_WORDS.search(lead)):
        return share
    if in_value_added(subject, lead, context):
        return None
    if cls == "money" or measure in ("change_pct", "attainment_pct"):
        return value
    return None
