"""Places: names in the text resolved against the gazetteer (catalog/localities.csv).

A place is written with its level word (`huyện Tiểu Cần`, `xã Tân Hòa`, `thị trấn Cây
Dương`, `tỉnh Hậu Giang`); inside a district's report its communes are also named bare
(`Bình Phú cơ bản đạt 19 tiêu chí`). The document's own place is the district (or province)
most consistent with every place it names: a commune votes for its district, a province
for its districts, a district for itself. A report naming only `thị trấn Cây Dương` and
`Hậu Giang` is about huyện Phụng Hiệp.

The gazetteer is read once into a compact index (name -> rows), so lookups are dict hits.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from baocao.parse.vocab import UPPER

CATALOG = Path(__file__).resolve().parent.parent / "catalog"

LEVEL_WORDS = {
    "tỉnh": "province",
    "huyện": "district",
    "thị xã": "district",
    "thành phố": "district",
    "tp.": "district",
    "tp": "district",
    "tx.": "district",
    "tx": "district",
    "quận": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "tt.": "commune",  # 'TT.X', 'TT. X': a town, abbreviated as news and tables write it
}
NAME_WORD = r"(?:[" + UPPER + r"][\wÀ-ỹ]*|\d{1,2})"
# a level word, then the name (matched at the start of a word: see _at_word_start)
MENTION = re.compile(
    r"(tỉnh|Tỉnh|huyện|Huyện|thị xã|Thị xã|thành phố|Thành phố|TP\.|Tp\.|TX\.|Tx\.|TP(?= )|Tp(?= )|TX(?= )|quận|Quận|xã|Xã|phường|Phường|thị trấn|Thị trấn|TT\.)"
    r"(?:\s+(?:ủy|uỷ|Ủy|Uỷ))?(?:\s+|(?<=[PpXxT]\.))("
    + NAME_WORD + r"(?:\s+(?:[-–]\s+)?" + NAME_WORD + r"){0,3})"
)

LOWER_TAIL = re.compile(r"[ \t]+((?![" + UPPER + r"])[^\W\d_]+)(?![\wÀ-ỹ])")


@dataclass
class Place:
    code: str
    name: str
    level: str
    parent: str
    province: str
    kind: str = ""  # the unit type, when the gazetteer's name carries it: 'Duyên Hải (Thị xã)'


# The gazetteer tells apart two units of one name and level by their type in brackets
# ('Cai Lậy (Huyện)', 'Cai Lậy (Thị xã)'); a report writes the type as its level word.
TYPED_NAME = re.compile(r"(.+?)\s*\((Huyện|Thị xã|Thành phố|Quận|Xã|Phường|Thị trấn)\)")
KIND_OF_WORD = {"huyện": "Huyện", "thị xã": "Thị xã", "tx.": "Thị xã", "tx": "Thị xã", "thành phố": "Thành phố",
                "tp.": "Thành phố", "tp": "Thành phố", "quận": "Quận", "xã": "Xã", "phường": "Phường", "thị trấn": "Thị trấn",
                "tt.": "Thị trấn"}


@dataclass
class Mention:
    start: int
    end: int
    name: str
    level: str
    candidates: list[Place]


@dataclass
class Gazetteer:
    by_name: dict[str, list[Place]]
    by_code: dict[str, Place]
    children: dict[str, list[Place]]
    province_names: set[str]
    by_folded: dict[str, list[Place]] = field(default_factory=dict)
    by_tone: dict[str, list[Place]] = field(default_factory=dict)

    def named(self, name: str, levels: tuple[str, ...]) -> list[Place]:
        """Places of this name at these levels; else of this name with its tone marks placed
        the other way ('Hoà', 'Thuỷ' for Hòa, Thủy); else spelled without tone marks, as reports
        often write highland names ('Đak Song', 'Đăk Lăk' for Đắk Song, Đắk Lắk)."""
        exact = [p for p in self.by_name.get(_key(name), []) if p.level in levels]
        if exact:
            return exact
        toned = [p for p in self.by_tone.get(tone_key(name), []) if p.level in levels] if _TONE_VARIANT.search(name) else []
        return toned or [p for p in self.by_folded.get(_folded(name), []) if p.level in levels]


WORD_CHAR = re.compile(r"[\wÀ-ỹ]")


def _at_word_start(pattern: re.Pattern, text: str):
    """`re.finditer(r"(?<![\\wÀ-ỹ])" + pattern, text)`: the matches not glued to a word before
    them. The check is made here, after the match, because a pattern opening with that
    lookbehind cannot skip ahead to its possible first letters and tries every position."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() > 0 and WORD_CHAR.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().casefold())


def _folded(name: str) -> str:
    """Lower case without diacritics (đ kept apart from d)."""
    s = unicodedata.normalize("NFD", _key(name).replace("đ", "\0"))
    return "".join(c for c in s if not unicodedata.combining(c)).replace("\0", "đ")


def _gazetteer_rows() -> list[tuple[str, str, str, str, str]]:
    """(code, name, level, parent, province) for every place; cached as a compact pickle next
    to the temp dir, keyed by the CSV files' size and mtime, so a CLI run does not re-read
    the 1.6 MB CSV."""
    import os
    import pickle
    import tempfile

    files = [CATALOG / f for f in ("localities.csv", "localities_extra.csv") if (CATALOG / f).exists()]
    stamp = "_".join(f"{f.stat().st_size}-{int(f.stat().st_mtime)}" for f in files)
    cache = Path(tempfile.gettempdir()) / f"baocao_gazetteer_{stamp}.pkl"
    try:
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    rows: list[tuple[str, str, str, str, str]] = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if not r.get("locality_code") or r.get("level") not in ("province", "district", "commune"):
                    continue
                rows.append((r["locality_code"], r["name"], r["level"], r.get("parent_code") or "", r.get("province_code") or ""))
    try:
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_name: dict[str, list[Place]] = defaultdict(list)
    by_code: dict[str, Place] = {}
    children: dict[str, list[Place]] = defaultdict(list)
    for row in _gazetteer_rows():
        p = Place(*row)
        typed = TYPED_NAME.fullmatch(p.name)
        if typed:  # named as reports write it, its type kept to choose between the two
            by_name[_key(p.name)].append(p := Place(p.code, typed.group(1), p.level, p.parent, p.province, typed.group(2)))
        by_name[_key(p.name)].append(p)
        by_code[p.code] = p
        if p.parent:
            children[p.parent].append(p)
    provinces = {k for k, v in by_name.items() if any(p.level == "province" for p in v)}
    by_folded: dict[str, list[Place]] = defaultdict(list)
    by_tone: dict[str, list[Place]] = defaultdict(list)
    for name, places in by_name.items():
        by_folded[_folded(name)].extend(places)
        if _TONE_VARIANT.search(name):
            by_tone[tone_key(name)].extend(places)
    return Gazetteer(dict(by_name), by_code, dict(children), provinces, dict(by_folded), dict(by_tone))


_TITLED_LEVEL = re.compile(r"\b(Thị|Thành|Thị) (Xã|Phố|Trấn)\b")


def caps_to_title(line: str) -> str:
    """'UBND THỊ XÃ HOÀNG MAI' -> 'Ubnd Thị xã Hoàng Mai': capitals as a name is written, the
    level word as it is written before a name."""
    return _TITLED_LEVEL.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}", line.title())


def _of_kind(cands: list[Place], word: str) -> list[Place]:
    """Of two units of one name told apart by type, the one the level word names."""
    if not any(p.kind for p in cands):
        return cands
    kind = KIND_OF_WORD.get(word.lower())
    return [p for p in cands if not p.kind or p.kind == kind] or cands


def find_mentions(text: str) -> list[Mention]:
    """Places written with a level word; the longest name prefix known to the gazetteer."""
    g = gazetteer()
    out: list[Mention] = []
    for m in _at_word_start(MENTION, text):
        level = LEVEL_WORDS[m.group(1).lower()]
        city = level == "district" and m.group(1).lower() in ("thành phố", "tp.", "tp")  # may be a province-level city
        levels = (level, "province") if city else (level,)
        words = m.group(2).split()
        # the longest name first: one whose last syllable is written in lower case ('xã Tân
        # phước'), taken only when the gazetteer has it at that level; then the name's prefixes
        tries = [(" ".join(words[:k]), m.start(2) + len(" ".join(words[:k]))) for k in range(len(words), 0, -1)]
        tail = LOWER_TAIL.match(text, m.end(2)) if len(words) < 4 else None
        if tail is not None:
            tries.insert(0, (" ".join(words + [tail.group(1)]), tail.end(1)))
        for name, end in tries:
            cands = _of_kind(g.named(name, levels), m.group(1))
            if cands:
                official = {p.name for p in cands}  # 'Lăk' written, 'Lắk' meant
                out.append(Mention(m.start(), end, official.pop() if len(official) == 1 else name, level, cands))
                break
    return out


def find_bare_communes(text: str, district_code: str) -> list[Mention]:
    """Communes of the document's district named without their level word."""
    g = gazetteer()
    out: list[Mention] = []
    district = g.by_code.get(district_code)
    for p in _communes_by_length(district_code):
        if district and _key(p.name) == _key(district.name):
            continue
        if p.name not in text:
            continue
        for start, end in _whole_name(p.name, text):
            if any(x.start <= start < x.end for x in out):
                continue
            out.append(Mention(start, end, p.name, "commune", [p]))
    return out


INITIALS_BEFORE_NUMBER = re.compile(r"(?<![\wÀ-ỹ])([A-ZĐ]{2,4})\s+(?=\d)")
INITIALS_LIST_MIN = 3  # a list of communes by their initials, not one stray acronym


@lru_cache(maxsize=64)
def _commune_initials(district_code: str) -> dict[str, Place]:
    """Initials of the district's communes ('Bình Phục Nhứt' -> 'BPN'), those only one commune has."""
    seen: dict[str, list[Place]] = {}
    for p in _communes_by_length(district_code):
        seen.setdefault("".join(w[0] for w in p.name.split()).upper(), []).append(p)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def find_commune_initials(text: str, district_code: str) -> list[Mention]:
    """Communes of the document's district written by their initials before their figures, in a
    list of at least three: '… 320 ha (TH 12 ha; BPN 41 ha; LBĐ 9 ha)'."""
    if not INITIALS_BEFORE_NUMBER.search(text):
        return []
    table = _commune_initials(district_code)
    out = [Mention(m.start(1), m.end(1), table[m.group(1)].name, "commune", [table[m.group(1)]])
           for m in INITIALS_BEFORE_NUMBER.finditer(text) if m.group(1) in table]
    return out if len({m.name for m in out}) >= INITIALS_LIST_MIN else []


def _whole_name(name: str, text: str):
    """The spans of `re.finditer(r"(?<![\\wÀ-ỹ])" + re.escape(name) + r"(?![\\wÀ-ỹ])", text)`,
    found without compiling a regex per name (a district's names cost a report ~10 ms)."""
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        if (i == 0 or not WORD_CHAR.match(text, i - 1)) and not WORD_CHAR.match(text, j):
            yield i, j
            i = text.find(name, j)
        else:
            i = text.find(name, i + 1)


@lru_cache(maxsize=64)
def _communes_by_length(district_code: str) -> tuple[Place, ...]:
    g = gazetteer()
    kids = [p for p in g.children.get(district_code, []) if p.level == "commune" and len(p.name.split()) >= 2]
    return tuple(sorted(kids, key=lambda p: -len(p.name)))


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern:
    names = sorted((p.name for p in gazetteer().by_code.values() if p.level == "province"), key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(n) for n in names) + r")(?![\wÀ-ỹ])")  # at a word start


def bare_provinces(text: str) -> dict[str, int]:
    """Province names written without a level word, by count (capitalised as names are)."""
    counts: dict[str, int] = defaultdict(int)
    for m in _at_word_start(_province_pattern(), text):
        before = text[max(0, m.start() - 12):m.start()].lower()
        if not re.search(r"(?:tỉnh|thành phố|tp\.?)\s*$", before):
            counts[_key(m.group(1))] += 1
    return dict(counts)


# Two ways of placing a tone mark in the clusters oa, oe, uy: old style on the second vowel
# ('Hoà', 'Thuỷ', 'Hoá'), new style on the first ('Hòa', 'Thủy', 'Hóa'). The gazetteer writes
# one, offices write either; the same name either way.
_OLD_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
             "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONE), re.I)
_NEW_TONE = {new: old for old, new in _OLD_TONE.items()}
_TONE_VARIANT = re.compile(r"(?i)[òóỏõọ][ae]|[ùúủũụ]y|o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]")


def tone_key(name: str) -> str:
    """A name compared modulo where its tone marks sit: lower case, marks on the first vowel."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(0).lower()], _key(name))


def text_spellings(names: set[str], text: str) -> dict[str, str]:
    """Gazetteer names the text writes only with its tone marks placed the other way: the
    name as the text writes it (its most frequent form, cased as the gazetteer's), so a fact
    keeps the place's spelling of its own report ('Hoà Thành' where the gazetteer has 'Hòa
    Thành'). A name the text also writes as the gazetteer does keeps the gazetteer's."""
    out: dict[str, str] = {}
    low = text.casefold()
    for name in names:
        if not name or "," in name or not _TONE_VARIANT.search(name):
            continue
        key = tone_key(name)
        body = re.sub(r"[òóỏõọ][ae]|[ùúủũụ]y", lambda m: f"(?:{m.group(0)}|{_NEW_TONE[m.group(0)]})",
                      r"\s+".join(re.escape(w) for w in key.split()))
        forms: dict[str, int] = defaultdict(int)
        for m in _at_word_start(re.compile(body + r"(?![\wÀ-ỹ])"), low):
            forms[_key(m.group(0))] += 1
        if not forms or _key(name) in forms:
            continue
        written = max(forms, key=lambda f: forms[f])
        if len(written) == len(name):
            out[name] = "".join(w.upper() if c.isupper() else w for c, w in zip(name, written, strict=True))
    return out


BARE_WITH_PROVINCE = re.compile(r"([A-ZĐ][\wÀ-ỹ']*(?:\s+[A-ZĐ][\wÀ-ỹ']*){0,3})\s*\(([A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3})\)")
PLACE_DATE = re.compile(r"^\s*([A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3}),\s*ngày\s+\d", re.M)
PROVINCE_SCOPE = re.compile(r"toàn tỉnh|tỉnh nhà|Tỉnh ủy|Tỉnh uỷ|của tỉnh|trên địa bàn tỉnh|Đảng bộ tỉnh|UBND tỉnh|HĐND tỉnh", re.I)
DISTRICT_SCOPE = re.compile(r"toàn huyện|huyện nhà|Huyện ủy|Huyện uỷ|của huyện|trên địa bàn huyện|Đảng bộ huyện|UBND huyện|HĐND huyện", re.I)
# The same phrases counted in the lower-cased text: the same matches (their letters fold
# to lower case one to one, none is one re.I folds specially), but found several times
# faster than by an re.I scan, which cannot skip ahead to the possible first letters.
# Every phrase names its level word, and none crosses a line: only the lines naming it are searched.
PROVINCE_SCOPE_LOWER = re.compile(PROVINCE_SCOPE.pattern.lower())
DISTRICT_SCOPE_LOWER = re.compile(DISTRICT_SCOPE.pattern.lower())
assert all("tỉnh" in p for p in PROVINCE_SCOPE_LOWER.pattern.split("|"))
assert all("huyện" in p for p in DISTRICT_SCOPE_LOWER.pattern.split("|"))


def _count_in_lines(pattern: re.Pattern, lines: list[str], word: str) -> int:
    return sum(len(pattern.findall(ln)) for ln in lines if word in ln)


PROVINCE_ISSUER = re.compile(r"(?<![\wÀ-ỹ])(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân)\s+tỉnh\s+"
                             r"(?:khóa\s+[IVXLC]+\s*,?\s*)?(?:ban hành|thông qua|quyết nghị)(?![\wÀ-ỹ])")


TITLE_WORD = r"[" + UPPER + r"][a-zà-ỹđ']+"  # a name word as a headline writes it (not a caps byline)
HEADLINE_BARE = re.compile(r"^\W*(" + TITLE_WORD + r"(?:\s+" + TITLE_WORD + r"){1,3})(?=\s*:|\s+[a-zà-ỹđ])")


# a news headline naming its district and the district's province: 'TP. X (Y): …', 'H. X, Y: …',
# 'Huyện X (Y) …'
HEADLINE_WITH_PROVINCE = re.compile(
    r"^\W*(?:huyện|thị xã|thành phố|quận|H\.|TP\.|Tp\.|TX\.|Tx\.)?\s*(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})"
    r"\s*(?:\(\s*(?:tỉnh\s+)?(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})\s*\)|,\s*(?:tỉnh\s+)?(" + NAME_WORD
    + r"(?:\s+" + NAME_WORD + r"){0,3})\s*:)", re.I)


def _district_named_last(words: str, province: str) -> Place | None:
    """The one district of the named province that the words end with ('Sáng nay Phú Tân',
    'An Giang' -> Phú Tân of An Giang): the longest tail naming exactly one."""
    g = gazetteer()
    provinces = {p.code for p in g.named(province, ("province",))}
    names = words.split()
    for k in range(len(names)):
        cands = [p for p in g.named(" ".join(names[k:]), ("district",)) if p.province in provinces]
        if len(cands) == 1:
            return cands[0]
    return None


def _headline_district(header: str) -> Place | None:
    """The district a news headline names together with its province, in its first lines."""
    for line in [ln for ln in header.split("\n") if ln.strip()][:3]:
        m = HEADLINE_WITH_PROVINCE.match(line) if len(line) <= 200 else None
        if m is None:
            continue
        found = _district_named_last(m.group(1), m.group(2) or m.group(3))
        if found is not None:
            return found
    return None


def _headline_districts(header: str, province_votes: dict[str, float]) -> list[Place]:
    """A district named bare (two words or more) at the start of one of the first short lines,
    followed by a colon or a lower-case word; a name shared by several districts counts only
    when the text names the province of exactly one of them."""
    g = gazetteer()
    for line in [ln for ln in header.split("\n") if ln.strip()][:6]:
        if len(line) > 200:
            continue
        m = HEADLINE_BARE.match(line)
        if not m:
            continue
        words = m.group(1).split()
        for k in range(len(words), 1, -1):
            cands = g.named(" ".join(words[:k]), ("district",))
            if len(cands) > 1:
                cands = [p for p in cands if p.province in province_votes]
            if len(cands) == 1:
                return cands
            if cands:
                break
    return []


COMMUNE_SCOPE_LOWER = re.compile(r"toàn xã|của xã|trên địa bàn xã|đảng bộ xã|đảng ủy xã|đảng uỷ xã|hđnd xã|ubnd xã"
                                 r"|hội đồng nhân dân xã|ủy ban nhân dân xã|uỷ ban nhân dân xã")


def _commune_place(m: Mention) -> Place:
    """The commune a mention names: the gazetteer's when only one bears the name, else the name
    alone (several communes share it and the text does not say whose)."""
    return m.candidates[0] if len(m.candidates) == 1 else Place("", m.name, "commune", "", "")


def _named_counts(mentions: list[Mention]) -> Counter[tuple[str, str]]:
    """How often each commune and district is named: (level, name key) -> mentions."""
    return Counter((m.level, _key(m.name)) for m in mentions if m.level in ("commune", "district"))


def _commune_document(mentions: list[Mention], lower_lines: list[str], dist_scope: int) -> Place | None:
    """A commune's own text ('HĐND xã X … kỳ họp', 'toàn xã có …'): one commune named, no
    district named with its level word, and the text speaking of its commune more than of
    a district."""
    if any(m.level == "district" for m in mentions):
        return None
    communes = {_key(m.name): m for m in mentions if m.level == "commune" and m.name.split()[0] not in ("Thị", "Phường")}
    if len(communes) != 1:
        return None
    m = next(iter(communes.values()))
    if _count_in_lines(COMMUNE_SCOPE_LOWER, lower_lines, "xã") < 2 or dist_scope > 0:
        return None
    return _commune_place(m)


# a local body named with its unit: 'HĐND xã X', 'Đảng bộ phường X', 'Đại hội đại biểu Đảng bộ xã X'
LOCAL_BODY = re.compile(r"(?<![\wÀ-ỹ])(?:HĐND|Hội đồng nhân dân|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng bộ|Đảng ủy|Đảng uỷ"
                        r"|Ban Chấp hành Đảng bộ|Mặt trận Tổ quốc|MTTQ)\s+$", re.I)


def _body_commune(mentions: list[Mention], text: str) -> Place | None:
    """A commune's meeting or congress reported as news ('HĐND xã X khóa XII tổ chức kỳ họp
    …', 'Đại hội Đảng bộ phường X …'): its own bodies are named, no district's are, and no
    district is named more often than it; its figures are the commune's."""
    bodies: dict[str, Mention] = {}
    for m in mentions:
        if LOCAL_BODY.search(text, max(0, m.start - 40), m.start):
            if m.level == "district":
                return None
            if m.level == "commune":
                bodies.setdefault(_key(m.name), m)
    if len(bodies) != 1:
        return None
    key, m = next(iter(bodies.items()))
    counts = _named_counts(mentions)
    own = counts[("commune", key)]
    if any(n >= own for (level, _), n in counts.items() if level == "district"):
        return None
    return _commune_place(m)


HEADLINE_COMMUNE = re.compile(r"^\W*(?:xã|phường|thị trấn)\s", re.I)


def _headline_commune(mentions: list[Mention], text: str, header: str) -> Place | None:
    """News headed by a commune ('Xã X đón bằng công nhận nông thôn mới'): the commune
    its headline opens with, when the text names no other commune or any district as often."""
    first = next((ln for ln in header.split("\n") if ln.strip()), "")
    if len(first) > 200 or not HEADLINE_COMMUNE.match(first):
        return None
    start = text.find(first.strip())
    lead = next((m for m in mentions if m.level == "commune" and start >= 0 and start <= m.start < start + len(first)), None)
    if lead is None:
        return None
    counts = _named_counts(mentions)
    own = ("commune", _key(lead.name))
    if any(n >= counts[own] for k, n in counts.items() if k != own):
        return None
    return _commune_place(lead)


# the district (or town) a text introduces: its founding, or what kind of unit it is and where
NEIGHBOUR_BEFORE = re.compile(r"(?<![\wÀ-ỹ])giáp(?:\s+(?:với|ranh|ranh với))?(?:\s+(?:các|hai|ba))?\s*$", re.I)
DISTRICT_FOUNDED = re.compile(r"(?<![\wÀ-ỹ])(?:[Hh]uyện|[Tt]hị xã)\s+(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})\s+"
                              r"(?:được|đã được)\s+(?:thành lập|tái lập|chia tách|tách ra)")
DISTRICT_IS_A = re.compile(r"(?<![\wÀ-ỹ])(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})\s+là\s+(?:một\s+)?"
                           r"(?:huyện|thị xã)(?:\s+[a-zà-ỹđ]+){0,4}?\s+(?:thuộc|của|nằm ở (?:phía )?[a-zà-ỹđ ]{2,30}?(?: của)?)\s+tỉnh\s+("
                           + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})")


DEFINITION_WINDOW = 2000  # an introduction opens the text; a passing remark later is no subject
PROVINCE_HEADER = re.compile(r"TỈNH ỦY|TỈNH UỶ|ĐẢNG BỘ TỈNH|ỦY BAN NHÂN DÂN TỈNH|UBND TỈNH|HỘI ĐỒNG NHÂN DÂN TỈNH")


def _defined_district(text: str, province_votes: dict[str, float]) -> Place | None:
    """The one district a text introduces ('Huyện X được thành lập theo …', 'X là một huyện
    thuộc tỉnh Y'); None when it introduces none or several."""
    g = gazetteer()
    found: dict[str, Place] = {}
    for m in DISTRICT_FOUNDED.finditer(text):
        words = m.group(1).split()
        cands = next((c for k in range(len(words), 0, -1) if (c := g.named(" ".join(words[:k]), ("district",)))), [])
        if len(cands) > 1:
            cands = [p for p in cands if p.province in province_votes]
        if len(cands) == 1:
            found[cands[0].code] = cands[0]
    for m in DISTRICT_IS_A.finditer(text):
        district = _district_named_last(m.group(1), m.group(2))  # the words before 'là' end with it
        if district is not None:
            found[district.code] = district
    return next(iter(found.values())) if len(found) == 1 else None


def resolve_document_place(text: str, header: str = "") -> Place | None:
    """The district (or province) the document is about, from all the places it names.
    The header (issuer lines, title) settles the level when it names one: 'HUYỆN ỦY …' is a
    district's report however often it quotes the province."""
    g = gazetteer()
    mentions = find_mentions(text)
    score: dict[str, float] = defaultdict(float)
    province_votes: dict[str, float] = defaultdict(float)
    seen_communes: set[str] = set()
    for m in mentions:
        if NEIGHBOUR_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue  # a neighbour in the boundary description: 'phía Bắc giáp huyện X'
        if m.level == "district":
            for p in m.candidates:
                score[p.code] += 3.0 / len(m.candidates) + 1.0
        elif m.level == "commune":
            key = _key(m.name)
            if key in seen_communes:
                continue
            seen_communes.add(key)
            parents = sorted({p.parent for p in m.candidates})  # (sorted: a tie between parents ends the same in every process)
            for par in parents:
                score[par] += 1.0 / len(parents) + 0.5
        elif m.level == "province":
            for p in m.candidates:
                province_votes[p.code] += 1.0
    for code in list(score):
        d = g.by_code.get(code)
        if d and d.province in province_votes:
            score[code] += 2.0 * min(province_votes[d.province], 3)
    # the place line of the header: 'Châu Thành, ngày 15 tháng 12 năm 2023'
    for m in PLACE_DATE.finditer(text[:3000]):
        cands = [p for p in g.by_name.get(_key(m.group(1)), []) if p.level in ("district", "province")]
        for p in cands:
            if p.level == "district":
                score[p.code] += 2.0 / len(cands) + 1.0
            else:
                province_votes[p.code] += 1.0
    # a district named bare with its province in brackets, as news writes it: 'Y (X): …'
    for m in BARE_WITH_PROVINCE.finditer(text[:3000]):
        provinces = {p.code for p in g.named(m.group(2), ("province",))}
        for p in g.named(m.group(1), ("district",)):
            if p.province in provinces:
                score[p.code] += 3.0
    # a headline opening with a district named bare, as news titles it: 'Y: thu ngân sách …',
    # 'Y giải quyết việc làm cho …'
    for p in _headline_districts(header, province_votes):
        score[p.code] += 3.0
    # a province named bare ('Năm 2022, Đồng Tháp triển khai …') votes weakly for itself
    for name, count in bare_provinces(text).items():
        for p in g.by_name.get(name, []):
            if p.level == "province":
                province_votes[p.code] += 0.5 * min(count, 4)
    # a text introducing one district as such: 'Huyện X được thành lập …', 'X là một huyện
    # (miền núi) thuộc tỉnh Y' is about that district, however many neighbours it names
    defined = _defined_district(text[:DEFINITION_WINDOW], province_votes) or _headline_district(header)
    if defined is not None and not PROVINCE_HEADER.search(header):
        return defined
    lower_lines = text.lower().split("\n")
    prov_scope = _count_in_lines(PROVINCE_SCOPE_LOWER, lower_lines, "tỉnh")
    dist_scope = _count_in_lines(DISTRICT_SCOPE_LOWER, lower_lines, "huyện")
    best = max(score, key=lambda c: score[c]) if score else None
    commune = _commune_document(mentions, lower_lines, dist_scope) or _body_commune(mentions, text) \
        or _headline_commune(mentions, text, header)
    if commune is not None:
        return commune
    # (the province's bodies named by level only, 'UBND tỉnh trao cờ thi đua', in a text that never
    # names the province but names one of its districts: the superior, not the subject)
    province_level = prov_scope >= 3 and prov_scope > 2 * dist_scope and (bool(province_votes) or best is None)
    if re.search(r"\bHUYỆN\b|\bHuyện ủy\b|\bHuyện uỷ\b|\bTHỊ XÃ\b|\bQUẬN\b|ĐẢNG BỘ HUYỆN|Đảng bộ huyện", header):
        province_level = False
    elif PROVINCE_HEADER.search(header) and province_votes:
        province_level = True
    elif PROVINCE_ISSUER.search(header):
        # issued by the province's own bodies, named by their level only ('HĐND tỉnh ban hành Nghị
        # quyết …'): a provincial text, whatever district it names in passing
        province_level = True
    # several districts of one province named about equally (a list of local figures), and
    # that province named too: the text is about the province
    by_province: dict[str, list[float]] = defaultdict(list)
    for code, sc in score.items():
        d = g.by_code.get(code)
        if d is not None and d.level == "district":
            by_province[d.province].append(sc)
    for prov, scores in by_province.items():
        scores.sort(reverse=True)
        if len(scores) >= 3 and prov in province_votes and scores[0] < 2 * scores[1] and not re.search(
                r"\bHUYỆN\b|\bHuyện ủy\b|\bTHỊ XÃ\b|ĐẢNG BỘ HUYỆN", header):
            province_level = True
    if province_level:
        # a provincial report: the province it names most, else the province of its districts
        if province_votes:
            return g.by_code[max(province_votes, key=lambda c: province_votes[c])]
        if best is not None and g.by_code[best].province in g.by_code:
            return g.by_code[g.by_code[best].province]
    if best is not None:
        return g.by_code[best]
    if province_votes:
        return g.by_code[max(province_votes, key=lambda c: province_votes[c])]
    return None
