"""Builds the real dbt project (dbt_project/) on a temp DuckDB file loaded with a few
realistic raw rows, and checks the marts: current versions only, keys that join their
dimensions, base-unit values, and place names resolved to the right GSO code.

One `dbt build` per module (dbtRunner is not re-entrant within a process)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from baocao.warehouse import DOCUMENT_COLUMNS, FACT_COLUMNS, connect, ensure_schema

DBT_PROJECT = Path(__file__).resolve().parents[2] / "dbt_project"

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def document(
    document_id: str, version: int, source_name: str, locality: str, code: str, period: str, **kw
) -> dict:
    row = dict.fromkeys(c.strip() for c in DOCUMENT_COLUMNS.split(","))
    row.update(
        document_id=document_id,
        version=version,
        source_name=source_name,
        content_sha256=f"{document_id}{version}".ljust(64, "0"),
        received_at=T0,
        parsed_at=T0,
        parser_version="0.1.0",
        title="Báo cáo kết quả thực hiện nhiệm vụ năm " + period,
        kind="bao_cao_ket_qua",
        locality=locality,
        locality_level="district",
        locality_code=code,
        period=period,
    )
    row.update(kw)
    return row


def fact(document_id: str, version: int, fact_seq: int, value: float, unit: str | None, **kw) -> dict:
    row = dict.fromkeys(c.strip() for c in FACT_COLUMNS.split(","))
    row.update(
        document_id=document_id,
        version=version,
        fact_seq=fact_seq,
        line=10 + fact_seq,
        col=0,
        value=value,
        unit=unit,
        measure="actual",
        qualifier="exact",
    )
    row.update(kw)
    return row


DOCUMENTS = [
    document("doc_tieucan", 1, "BC_TieuCan_2022.docx", "Tiểu Cần", "846", "2022", fact_count=5),
    document("doc_phunghiep", 1, "BC_PhungHiep_2024.docx", "Phụng Hiệp", "934", "2024", fact_count=2),
    document("doc_phunghiep", 2, "BC_PhungHiep_2024.docx", "Phụng Hiệp", "934", "2024", fact_count=3),
]

TIEU_CAN = {"period": "2022", "locality": "Tiểu Cần", "locality_level": "district"}
PHUNG_HIEP = {"period": "2024", "locality": "Phụng Hiệp", "locality_level": "district"}

FACTS = [
    # 13.603,4 tỷ đồng → 1.36034e13 VND
    fact(
        "doc_tieucan",
        1,
        1,
        13603.4,
        "VND_BN",
        unit_text="tỷ đồng",
        **TIEU_CAN,
        indicator="tổng giá trị sản xuất",
        indicator_code="PV_TOTAL",
        sentence="Tổng giá trị sản xuất ước đạt 13.603,4 tỷ đồng",
        section="I. KẾT QUẢ NĂM 2022",
    ),
    # Tân Hòa is a commune in 20 districts (old-style tone mark here); the report is about Tiểu Cần
    fact(
        "doc_tieucan",
        1,
        2,
        95.5,
        "PCT",
        unit_text="%",
        period="2022",
        locality="Tân Hoà",
        locality_level="commune",
        indicator="tỷ lệ hộ sử dụng điện",
        indicator_code="ELECTRICITY_ACCESS_RATE",
    ),
    # thị trấn Tiểu Cần: same name as the district, other level
    fact(
        "doc_tieucan",
        1,
        3,
        120,
        "COUNT",
        unit_text="hộ",
        qualifier="approx",
        period="2022",
        locality="Tiểu Cần",
        locality_level="commune",
        indicator="hộ thoát nghèo",
    ),
    # no place, no period, no indicator
    fact("doc_tieucan", 1, 4, 5, None),
    # an indicator phrase the catalogue lacks; a range over a span written with spaces
    fact(
        "doc_tieucan",
        1,
        5,
        12,
        "COUNT",
        value_high=14,
        unit_text="mô hình",
        measure="target",
        qualifier="range",
        **{**TIEU_CAN, "period": "2016 - 2020"},
        indicator="Mô hình nuôi ong  ",
    ),
    # version 1 of Phụng Hiệp: replaced by version 2
    fact("doc_phunghiep", 1, 1, 7.1, "PCT", **PHUNG_HIEP, indicator_code="PV_GROWTH"),
    fact(
        "doc_phunghiep",
        1,
        2,
        1.5,
        "VND_M",
        **{**PHUNG_HIEP, "period": "2024-06"},
        indicator_code="INCOME_PER_CAPITA",
    ),
    fact("doc_phunghiep", 2, 1, 7.2, "PCT", **PHUNG_HIEP, indicator_code="PV_GROWTH"),
    # Tân Hòa again: none in Phụng Hiệp, one elsewhere in Hậu Giang (Châu Thành A)
    fact(
        "doc_phunghiep",
        2,
        2,
        3,
        "TON_K",
        unit_text="nghìn tấn",
        qualifier="estimate",
        period="2019-06",
        locality="Tân Hòa",
        locality_level="commune",
        indicator_code="FISHERY_OUTPUT",
    ),
    # a place the gazetteer lacks
    fact(
        "doc_phunghiep",
        2,
        3,
        2,
        "HA",
        measure="change_abs",
        compared_to="same_period",
        qualifier="more_than",
        period="2024",
        locality="Tân Phụng Mới",
        locality_level="commune",
        indicator_code="AQUACULTURE_AREA",
    ),
]


def release_dbt_duckdb() -> None:
    """dbt-duckdb keeps its DuckDB instance open after an in-process invocation (the
    environment outlives the run), which holds the file lock and blocks any connection with
    another configuration (read_only) in this process and any other process. Close it."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    env = DuckDBConnectionManager._ENV
    if env is not None:
        env.close()
    DuckDBConnectionManager.close_all_connections()


def _insert(con, table: str, columns: str, rows: list[dict]) -> None:
    names = [c.strip() for c in columns.split(",")]
    marks = ", ".join("?" for _ in names)
    con.executemany(
        f"insert into raw.{table} ({columns}) values ({marks})", [[r[n] for n in names] for r in rows]
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory):
    from dbt.cli.main import dbtRunner

    tmp = tmp_path_factory.mktemp("dbt")
    db = tmp / "baocao.duckdb"
    con = connect(db)
    ensure_schema(con)
    _insert(con, "documents", DOCUMENT_COLUMNS, DOCUMENTS)
    _insert(con, "facts", FACT_COLUMNS, FACTS)
    con.close()

    env = {
        "BAOCAO_WAREHOUSE": str(db),
        "BAOCAO_DBT_THREADS": "2",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = dbtRunner().invoke(
            [
                "build",
                "--project-dir",
                str(DBT_PROJECT),
                "--profiles-dir",
                str(DBT_PROJECT),
                "--target-path",
                str(tmp / "target"),
                "--log-path",
                str(tmp / "logs"),
                "--no-use-colors",
                "--quiet",
            ]
        )
    finally:
        release_dbt_duckdb()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    failures = []
    if result.result is not None:
        failures = [
            f"{r.node.unique_id}: {r.status} {r.message}"
            for r in result.result
            if str(r.status) not in ("success", "pass")
        ]
    assert result.success, f"dbt build failed: {result.exception or failures}"
    con = connect(db, read_only=True)
    yield con
    con.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_fact_value_holds_only_current_versions(warehouse):
    got = rows(
        warehouse, "select document_id, document_version, count(*) from fact_value group by all order by 1"
    )
    assert got == [("doc_phunghiep", 2, 3), ("doc_tieucan", 1, 5)]
    assert rows(
        warehouse, "select value from fact_value where document_id = 'doc_phunghiep' and fact_seq = 1"
    ) == [(7.2,)]
    history = rows(warehouse, "select count(*), count(*) filter (where is_current) from fact_value_history")
    assert history == [(10, 8)]
    assert rows(
        warehouse,
        "select current_version, version_count from dim_document where document_id = 'doc_phunghiep'",
    ) == [(2, 2)]


def test_fact_ids_are_unique_and_deterministic(warehouse):
    assert rows(warehouse, "select count(distinct fact_id) = count(*) from fact_value") == [(True,)]
    assert rows(
        warehouse,
        "select fact_id = md5('doc_tieucan|1|1') from fact_value where document_id = 'doc_tieucan' and fact_seq = 1",
    ) == [(True,)]


@pytest.mark.parametrize(
    ("key", "dim"),
    [("locality_key", "dim_locality"), ("period_key", "dim_period"), ("indicator_key", "dim_indicator")],
)
def test_every_key_joins_its_dimension(warehouse, key, dim):
    assert rows(warehouse, f"select count(*) from fact_value where {key} is null") == [(0,)]
    orphans = rows(warehouse, f"select f.{key} from fact_value f anti join {dim} d using ({key})")
    assert orphans == []
    assert rows(warehouse, f"select count(*) from {dim} where {key} = 'unknown'") == [(1,)]


def test_base_unit_values(warehouse):
    got = rows(
        warehouse,
        "select unit, unit_multiplier, base_unit, value_base from fact_value "
        "where document_id = 'doc_tieucan' and fact_seq = 1",
    )
    assert got[0][:3] == ("VND_BN", 1e9, "VND")
    assert got[0][3] == pytest.approx(1.36034e13)
    kt = rows(warehouse, "select value_base, base_unit from fact_value where unit = 'TON_K'")
    assert kt == [(3000.0, "TON")]
    rng = rows(warehouse, "select value_base, value_high_base from fact_value where qualifier = 'range'")
    assert rng == [(12.0, 14.0)]


def test_localities_resolve_within_the_documents_place(warehouse):
    got = dict(
        rows(
            warehouse,
            "select document_id || '#' || fact_seq, locality_key from fact_value where locality_match <> 'unknown'",
        )
    )
    assert got["doc_tieucan#1"] == "846"  # huyện Tiểu Cần
    assert got["doc_tieucan#2"] == "29371"  # xã Tân Hòa of huyện Tiểu Cần, not one of 19 others
    assert got["doc_tieucan#3"] == "29341"  # thị trấn Tiểu Cần
    assert got["doc_phunghiep#2"] == "31345"  # xã Tân Hòa, Châu Thành A, Hậu Giang
    missing = got["doc_phunghiep#3"]
    assert missing.startswith("x:")
    assert rows(
        warehouse, f"select name, level, is_in_gazetteer from dim_locality where locality_key = '{missing}'"
    ) == [("Tân Phụng Mới", "commune", False)]
    assert rows(warehouse, "select locality_key from dim_locality where locality_key = '01'") == [("01",)]


def test_missing_values_get_unknown_members(warehouse):
    got = rows(
        warehouse,
        "select locality_key, period_key, indicator_key from fact_value where document_id = 'doc_tieucan' and fact_seq = 4",
    )
    assert got == [("unknown", "unknown", "unknown")]


def test_uncatalogued_indicator_phrase(warehouse):
    key, name, catalogued = rows(
        warehouse,
        "select d.indicator_key, d.name_vi, d.is_catalogued from fact_value f join dim_indicator d using (indicator_key) "
        "where f.document_id = 'doc_tieucan' and f.fact_seq = 5",
    )[0]
    assert key.startswith("p:") and name == "mô hình nuôi ong" and catalogued is False
    assert rows(warehouse, "select is_catalogued from dim_indicator where indicator_key = 'PV_TOTAL'") == [
        (True,)
    ]


def test_periods_are_parsed(warehouse):
    got = rows(
        warehouse,
        "select period_key, grain, start_date::varchar, end_date::varchar, year_start, year_end from dim_period "
        "where period_key in ('2022', '2016-2020', '2019-06') order by 1",
    )
    assert got == [
        ("2016-2020", "span", "2016-01-01", "2020-12-31", 2016, 2020),
        ("2019-06", "month", "2019-06-01", "2019-06-30", 2019, 2019),
        ("2022", "year", "2022-01-01", "2022-12-31", 2022, 2022),
    ]


def test_locality_codes_keep_leading_zeros(warehouse):
    assert rows(warehouse, "select typeof(locality_key) from dim_locality where locality_key = '00001'") == [
        ("VARCHAR",)
    ]


def test_dim_indicator_shows_every_catalogue_code(warehouse):
    import csv
    from pathlib import Path

    catalog = Path(__file__).resolve().parents[2] / "flows" / "baocao" / "catalog" / "indicators.csv"
    with open(catalog, encoding="utf-8") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    shown = {r[0] for r in rows(warehouse, "select indicator_code from dim_indicator where is_catalogued")}
    assert len(codes) >= 150 and codes <= shown


@pytest.mark.parametrize("district,province,successor", [
    ("Cầu Kè", "Trà Vinh", "Vĩnh Long"),
    ("Tiểu Cần", "Trà Vinh", "Vĩnh Long"),
    ("Tân Hồng", "Đồng Tháp", "Đồng Tháp"),
    ("Phụng Hiệp", "Hậu Giang", "Cần Thơ"),
])
def test_dim_locality_maps_a_district_to_its_2025_province(warehouse, district, province, successor):
    got = rows(warehouse, "select successor_province_name from dim_locality "
               f"where name = '{district}' and level = 'district' and province_name = '{province}'")
    assert got == [(successor,)]
    communes = rows(warehouse, "select count(*), count(successor_commune_key) from dim_locality d "
                    f"where level = 'commune' and district_name = '{district}' and province_name = '{province}'")
    assert communes[0][0] > 0 and communes[0][0] == communes[0][1]  # every commune has its 2025 commune
