"""Regenerate flows/baocao/catalog/localities.csv from the `vietnamadminunits` package.

The package ships a SQLite of the pre-2025 provinces, districts and communes with their
GSO codes and the 2025 province mergers; we flatten it into one gazetteer CSV that both
the parser (place recognition) and dbt (the `localities` seed behind dim_locality) read.
Units the package does not know (e.g. districts abolished before 2025) belong in
catalog/localities_extra.csv, which this script appends unchanged.

    .venv/bin/python scripts/build_localities.py
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import vietnamadminunits

PKG = Path(vietnamadminunits.__file__).parent / "data"
CATALOG = Path(__file__).resolve().parents[1] / "flows" / "baocao" / "catalog"
COLUMNS = ["locality_code", "name", "level", "unit_type", "full_name", "parent_code", "province_code",
           "province_name", "district_name", "valid_from", "valid_to", "source",
           "successor_province_code", "successor_province", "successor_commune_code", "successor_commune"]
REFORM_END = "2025-06-30"  # districts abolished and provinces merged from 2025-07-01


def main() -> None:
    con = sqlite3.connect(PKG / "dataset.db")
    merged = json.loads((PKG / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    surviving = {new for new, olds in merged.items() if new in olds}
    rows: dict[str, dict] = {}
    query = """select province, provinceShort, provinceCode, provinceKey, district, districtShort, districtType,
                      districtCode, ward, wardShort, wardType, wardCode from admin_units_legacy"""
    for (province, province_short, province_code, province_key, district, district_short, district_type,
         district_code, ward, ward_short, ward_type, ward_code) in con.execute(query):
        rows.setdefault(province_code, {
            "locality_code": province_code, "name": province_short, "level": "province",
            "unit_type": province.removesuffix(province_short).strip(), "full_name": province,
            "parent_code": "", "province_code": province_code, "province_name": province_short,
            "district_name": "", "valid_from": "", "valid_to": "" if province_key in surviving else REFORM_END,
            "source": "vietnamadminunits"})
        rows.setdefault(district_code, {
            "locality_code": district_code, "name": district_short, "level": "district", "unit_type": district_type,
            "full_name": f"{district}, {province}", "parent_code": province_code, "province_code": province_code,
            "province_name": province_short, "district_name": district_short, "valid_from": "",
            "valid_to": REFORM_END, "source": "vietnamadminunits"})
        if ward_code:
            rows.setdefault(ward_code, {
                "locality_code": ward_code, "name": ward_short, "level": "commune", "unit_type": ward_type,
                "full_name": f"{ward}, {district}, {province}", "parent_code": district_code,
                "province_code": province_code, "province_name": province_short, "district_name": district_short,
                "valid_from": "", "valid_to": REFORM_END, "source": "vietnamadminunits"})
    extra = CATALOG / "localities_extra.csv"
    if extra.exists():
        with extra.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                rows[row["locality_code"]] = {c: row.get(c, "") for c in COLUMNS}
    for row in rows.values():
        row.update(successor(row))
    order = {"province": 0, "district": 1, "commune": 2}
    with (CATALOG / "localities.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows.values(), key=lambda r: (order[r["level"]], r["locality_code"])):
            writer.writerow(row)
    print(f"wrote {len(rows)} localities to {CATALOG / 'localities.csv'}")


def successor(row: dict) -> dict:
    """The 2025 unit a pre-2025 one became (package's converter): the new province for every
    level, the new commune for a commune (districts were abolished, so they have none)."""
    empty = {"successor_province_code": "", "successor_province": "", "successor_commune_code": "",
             "successor_commune": ""}
    try:
        unit = vietnamadminunits.convert_address(row["full_name"])
    except Exception:  # noqa: BLE001 - a unit the converter does not know keeps no successor
        return empty
    out = dict(empty)
    out["successor_province_code"] = unit.province_code or ""
    out["successor_province"] = unit.short_province or ""
    if row["level"] == "commune" and unit.ward_code:
        out["successor_commune_code"] = unit.ward_code
        out["successor_commune"] = unit.short_ward or ""
    return out


if __name__ == "__main__":
    main()
