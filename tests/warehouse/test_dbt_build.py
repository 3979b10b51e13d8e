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

# document_id, version, source_name, content_sha256, size_bytes, received_at, parsed_at,
# parser_version, title, kind, issuer, locality, locality_level, locality_code, doc_date,
# period, line_count, fact_count
DOCUMENTS = [
    ("doc_tieucan", 1, "BC_TieuCan_2022.docx", "a" * 64, 48211, T0, T0, "0.1.0",
     "Báo cáo kết quả thực hiện nhiệm vụ năm 2022", "bao_cao_ket_qua", "Huyện ủy Tiểu Cần",
     "Tiểu Cần", "district", "846", "2022-12-15", "2022", 420, 5),
    ("doc_phunghiep", 1, "BC_PhungHiep_2024.docx", "b" * 64, 30111, T0, T0, "0.1.0",
     "Báo cáo chính trị", "bao_cao_chinh_tri", "Huyện ủy Phụng Hiệp",
     "Phụng Hiệp", "district", "934", "2024-06-01", "2024", 300, 2),
    ("doc_phunghiep", 2, "BC_PhungHiep_2024.docx", "c" * 64, 30222, T0, T0, "0.1.1",
     "Báo cáo chính trị", "bao_cao_chinh_tri", "Huyện ủy Phụng Hiệp",
     "Phụng Hiệp", "district", "934", "2024-06-01", "2024", 310, 3),
]

# document_id, version, fact_seq, line, col, value, value_high, unit, unit_text, measure,
# compared_to, qualifier, period, locality, locality_level, indicator, indicator_code,
# sentence, section
FACTS = [
    # tỷ đồng → VND
    ("doc_tieucan", 1, 1, 12, 31, 13603.4, None, "VND_BN", "tỷ đồng", "actual", None, "exact",
     "2022", "Tiểu Cần", "district", "tổng giá trị sản xuất", "PV_TOTAL",
     "Tổng giá trị sản xuất ước đạt 13.603,4 tỷ đồng", "I. KẾT QUẢ NĂM 2022"),
    # Tân Hòa is a commune in 20 districts; old-style tone mark; the report is about Tiểu Cần
    ("doc_tieucan", 1, 2, 40, 12, 95.5, None, "PCT", "%", "actual", None, "exact",
     "2022", "Tân Hoà", "commune", "tỷ lệ hộ sử dụng điện", "ELECTRICITY_ACCESS_RATE",
     "xã Tân Hoà đạt 95,5%", "I. KẾT QUẢ NĂM 2022"),
    # thị trấn Tiểu Cần: same name as the district, other level
    ("doc_tieucan", 1, 3, 41, 20, 120, None, "COUNT", "hộ", "actual", None, "approx",
     "2022", "Tiểu Cần", "commune", "hộ thoát nghèo", None,
     "thị trấn Tiểu Cần có khoảng 120 hộ thoát nghèo", "I. KẾT QUẢ NĂM 2022"),
    # no place, no period, no indicator
    ("doc_tieucan", 1, 4, 77, 3, 5, None, None, None, "actual", None, "exact",
     None, None, None, None, None, "5 ...", None),
    # an indicator phrase the catalogue lacks, a range over a span
    ("doc_tieucan", 1, 5, 90, 8, 12, 14, "COUNT", "mô hình", "target", None, "range",
     "2016 - 2020", "Tiểu Cần", "district", "Mô hình nuôi ong  ", None,
     "phấn đấu 12 - 14 mô hình nuôi ong", "II. NHIỆM VỤ"),
    # version 1 of Phụng Hiệp: replaced by version 2
    ("doc_phunghiep", 1, 1, 10, 5, 7.1, None, "PCT", "%", "actual", None, "exact",
     "2024", "Phụng Hiệp", "district", "tốc độ tăng trưởng giá trị sản xuất", "PV_GROWTH",
     "tăng trưởng 7,1%", None),
    ("doc_phunghiep", 1, 2, 11, 5, 1.5, None, "VND_M", "triệu đồng", "actual", None, "exact",
     "2024-06", "Phụng Hiệp", "district", "thu nhập bình quân đầu người", "INCOME_PER_CAPITA",
     "1,5 triệu đồng", None),
    ("doc_phunghiep", 2, 1, 10, 5, 7.2, None, "PCT", "%", "actual", None, "exact",
     "2024", "Phụng Hiệp", "district", "tốc độ tăng trưởng giá trị sản xuất", "PV_GROWTH",
     "tăng trưởng 7,2%", None),
    # Tân Hòa again: not in Phụng Hiệp, but one in Hậu Giang (Châu Thành A)
    ("doc_phunghiep", 2, 2, 20, 0, 3, None, "TON_K", "nghìn tấn", "actual", None, "estimate",
     "2019-06", "Tân Hòa", "commune", "sản lượng thủy sản", "FISHERY_OUTPUT",
     "xã Tân Hòa ước 3 nghìn tấn", None),
    # a place the gazetteer lacks
    ("doc_phunghiep", 2, 3, 21, 0, 2, None, "HA", "ha", "change_abs", "same_period", "more_than",
     "2024", "Tân Phụng Mới", "commune", "diện tích nuôi trồng thủy sản", "AQUACULTURE_AREA",
     "xã Tân Phụng Mới tăng hơn 2 ha", None),
]


def _insert(con, table: str, columns: str, rows: list[tuple]) -> None:
    marks = ", ".join("?" for _ in columns.split(","))
    con.executemany(f"insert into raw.{table} ({columns}) values ({marks})", rows)


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
                "--project-dir", str(DBT_PROJECT),
                "--profiles-dir", str(DBT_PROJECT),
                "--target-path", str(tmp / "target"),
                "--log-path", str(tmp / "logs"),
                "--no-use-colors",
                "--quiet",
            ]
        )
    finally:
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
    got = rows(warehouse, "select document_id, document_version, count(*) from fact_value group by all order by 1")
    assert got == [("doc_phunghiep", 2, 3), ("doc_tieucan", 1, 5)]
    assert rows(warehouse, "select value from fact_value where document_id = 'doc_phunghiep' and fact_seq = 1") == [(7.2,)]
    history = rows(warehouse, "select count(*), count(*) filter (where is_current) from fact_value_history")
    assert history == [(10, 8)]
    assert rows(warehouse, "select current_version, version_count from dim_document where document_id = 'doc_phunghiep'") == [(2, 2)]


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
    assert rows(warehouse, f"select name, level, is_in_gazetteer from dim_locality where locality_key = '{missing}'") == [
        ("Tân Phụng Mới", "commune", False)
    ]
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
    assert rows(warehouse, "select is_catalogued from dim_indicator where indicator_key = 'PV_TOTAL'") == [(True,)]


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
    assert rows(warehouse, "select typeof(locality_key) from dim_locality where locality_key = '00001'") == [("VARCHAR",)]
