"""The indicator catalogue (catalog/indicators.csv) users rely on."""

import csv
from pathlib import Path

from baocao.parse.indicators import match_code, norm

CATALOG = Path(__file__).resolve().parents[2] / "flows" / "baocao" / "catalog"
SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "indicators.csv"
UNIT_CLASSES = {"percent", "money", "money_per_person_year", "count", "area", "mass", "yield", "per_10k_pop",
                "length", "volume", "age"}


def rows() -> list[dict]:
    with open(CATALOG / "indicators.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_at_least_150_unique_codes_with_names_in_both_languages():
    codes = [r["code"] for r in rows()]
    assert len(codes) >= 150 and len(codes) == len(set(codes))
    for r in rows():
        assert r["name_vi"] and r["name_en"] and r["domain"], r["code"]
        assert r["unit_class"] in UNIT_CLASSES, r
        assert r["higher_is_better"] in ("true", "false"), r


def test_every_code_of_the_contract_is_kept():
    if not SPEC.exists():  # the shared spec sits beside the checkout
        return
    with open(SPEC, encoding="utf-8") as fh:
        spec = {r["code"] for r in csv.DictReader(fh)}
    assert spec <= {r["code"] for r in rows()}


def test_aliases_name_known_codes():
    codes = {r["code"] for r in rows()}
    with open(CATALOG / "indicator_aliases.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            assert r["code"] in codes, r


def test_both_spellings_of_a_word_match():
    assert norm("Tỉ lệ hộ nghèo") == norm("tỷ lệ hộ nghèo")
    assert norm("thuỷ sản hoá") == norm("thủy sản hóa")
    assert match_code(["tỉ lệ che phủ rừng"], "PCT") == match_code(["tỷ lệ che phủ rừng"], "PCT") == "FOREST_COVER_RATE"


def test_new_codes_in_the_phrasing_of_reports():
    assert match_code(["tổng lượt khách du lịch"], "COUNT") is not None
    assert match_code(["sản lượng cà phê"], "TON") is not None
    assert match_code(["kết nạp đảng viên mới"], "COUNT") is not None
