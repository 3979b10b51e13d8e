"""List the districts the `vietnamadminunits` package knows only as aliases of the district
they were merged into (`huyencattien` under huyện Đạ Huoai), as rows for
flows/baocao/catalog/localities_extra.csv.

Reports from before a merger name the old district; without a row the parser cannot place
them. The package keeps the old name only as a key without tone marks, so the written name
is taken from the commune or town of the successor district that shares that key (a
district is usually named after its seat: thị trấn X of huyện X); an alias with no such
commune is left out. Prints the rows; review them before appending.

    .venv/bin/python scripts/former_districts.py >> flows/baocao/catalog/localities_extra.csv
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

import vietnamadminunits

PKG = Path(vietnamadminunits.__file__).parent / "data"
CATALOG = Path(__file__).resolve().parents[1] / "flows" / "baocao" / "catalog"


def _key(name: str) -> str:
    s = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c))


def main() -> None:
    con = sqlite3.connect(PKG / "dataset.db")
    known = set()
    with open(CATALOG / "localities.csv", encoding="utf-8") as fh:
        known |= {(r["level"], _key(r["name"]), r["province_code"]) for r in csv.DictReader(fh)}
    with open(CATALOG / "localities_extra.csv", encoding="utf-8") as fh:
        extra = list(csv.DictReader(fh))
    known |= {(r["level"], _key(r["name"]), r["province_code"]) for r in extra}
    codes = {r["locality_code"] for r in extra}
    out = csv.writer(sys.stdout, lineterminator="\n")
    query = """select distinct province, provinceShort, provinceCode, district, districtCode, districtAlias
               from admin_units_legacy where districtAlias is not null"""
    for province, province_short, province_code, district, district_code, alias in con.execute(query):
        wards = [w for (w,) in con.execute("select wardShort from admin_units_legacy where districtCode = ?", (district_code,))]
        for key in json.loads(alias):
            if not key.startswith("huyen"):
                continue  # towns and cities renamed or upgraded keep their name
            bare = key.removeprefix("huyen")
            name = next((w for w in wards if _key(w) == bare), None)
            if name is None or ("district", bare, province_code) in known:
                continue
            code = f"{district_code}-{bare}"
            if code in codes:
                continue
            out.writerow([code, name, "district", "Huyện", f"Huyện {name}, {province}", province_code, province_code,
                          province_short, name, "", "", f"vietnamadminunits alias: merged into {district}", "", "", "", ""])


if __name__ == "__main__":
    main()
