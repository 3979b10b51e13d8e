"""The Evidence dashboards (bi/) built over a warehouse made from the samples, opened in headless
Chromium: every page shows numbers queried from the same warehouse, and no error.

One session: `baocao demo` over the sample reports plus a Word and an Excel annex (tables) in a
temporary BAOCAO_HOME, `npm run sources` + `npm run build` of a copy of bi/ (the repo's
bi/node_modules is reused, installed with `npm ci` when missing), bi/serve.py on 127.0.0.1 and
one browser. BAOCAO_SCREENSHOTS=1 also writes docs/screenshots/<page>.png for the README.
Needs Node.js >= 18 with npm, the system Chromium and the `playwright` package (dev extra):
skipped here when missing, failed in CI (CI=true), where `make bi-deps` installs them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BI = REPO / "bi"
SAMPLES = REPO / "data" / "samples"
SCREENSHOTS = REPO / "docs" / "screenshots"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# what Evidence shows when a query, a value or a chart fails, and SvelteKit's error page
ERROR_TEXT = re.compile(
    r"Error in (Query|Value|Chart)|Dataset is empty|Internal Error|\b500\b.*Error|Not Found"
)


def _missing(message: str) -> None:
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


def _node_ok() -> bool:
    node = shutil.which("node")
    if not node or not shutil.which("npm"):
        return False
    out = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    return bool(re.match(r"v(\d+)", out)) and int(re.match(r"v(\d+)", out).group(1)) >= 18


def vn_num(x: float | None) -> str | None:
    """The pages' number format (sources/baocao/*.sql vn_num): 12.540,5 — dot thousands, comma
    decimals, at most 6 decimals, no trailing zeros."""
    if x is None:
        return None
    s = re.sub(r"\.?0+$", "", format(x, ",.6f"))
    return s.translate(str.maketrans(",.", ".,"))


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(cmd: list[str], cwd: Path, env: dict, timeout: int, what: str) -> None:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        pytest.fail(f"{what} failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")


@dataclass
class Site:
    url: str
    read_copy: Path

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        import duckdb

        con = duckdb.connect(str(self.read_copy), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if not _node_ok():
        _missing("Node.js >= 18 with npm not installed (make bi-deps)")
    if _chromium() is None:
        _missing("chromium not installed (make bi-deps)")
    if importlib.util.find_spec("playwright") is None:
        _missing("python package playwright not installed (pip install -e '.[dev]')")

    # 1. a warehouse from the samples and two annex tables
    home = tmp_path_factory.mktemp("bi_home")
    samples = home / "samples"
    samples.mkdir()
    for sample in SAMPLES.iterdir():
        if sample.is_file() and not sample.name.startswith("."):
            shutil.copyfile(sample, samples / sample.name)
    builders = _load("bi_table_builders", REPO / "tests" / "parse" / "table_builders.py")
    builders.annex_docx(samples / "bieu01_tan_uyen.docx")
    builders.annex_xlsx(samples / "bieu02_tinh.xlsx")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    env.update(
        BAOCAO_HOME=str(home),
        BAOCAO_SAMPLES=str(samples),
        PREFECT_HOME=str(home / ".prefect"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
    )
    _run([sys.executable, "-m", "baocao.cli", "demo"], REPO, env, 900, "baocao demo")
    read_copy = home / "warehouse" / "baocao_read.duckdb"
    assert read_copy.is_file()

    # 2. node_modules once (what `make bi` does), then a build of a copy of bi/ over that warehouse
    stamp = BI / "node_modules" / ".installed"
    if not stamp.exists() or stamp.stat().st_mtime < (BI / "package-lock.json").stat().st_mtime:
        _run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], BI, env, 1200, "npm ci")
        stamp.touch()
    project = tmp_path_factory.mktemp("bi") / "bi"
    shutil.copytree(
        BI,
        project,
        symlinks=True,
        ignore=shutil.ignore_patterns("node_modules", "build", ".evidence", ".svelte-kit"),
    )
    (project / "node_modules").symlink_to(BI / "node_modules", target_is_directory=True)
    env["BAOCAO_READ_COPY"] = str(read_copy)
    _run(["npm", "run", "--silent", "sources"], project, env, 600, "npm run sources")
    _run(["npm", "run", "--silent", "build"], project, env, 1800, "npm run build")
    assert (project / "build" / "index.html").is_file()

    # 3. served on 127.0.0.1 like `make bi-serve`
    serve = _load("bi_serve", BI / "serve.py")
    os.environ.setdefault("BI_QUIET", "1")
    server = serve.make_server(project / "build", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(url=f"http://127.0.0.1:{server.server_address[1]}", read_copy=read_copy)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Browser:
    page: object
    outside: list[str]
    errors: list[str]
    site: Site

    def open(self, path: str, settle_ms: int = 1500):
        self.errors.clear()
        response = self.page.goto(self.site.url + path, wait_until="networkidle")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        self.page.wait_for_timeout(settle_ms)  # duckdb-wasm queries for the inputs, charts
        return self.page

    def text(self) -> str:
        return self.page.inner_text("body")

    def assert_clean(self, path: str) -> None:
        body = self.text()
        assert not ERROR_TEXT.search(body), f"{path}: error text on the page: {ERROR_TEXT.search(body)[0]}"
        # ErrorChart / ValueError boxes (red)
        assert self.page.locator(".bg-red-50").count() == 0, f"{path}: an Evidence error box is shown"
        assert not self.errors, f"{path}: browser errors: {self.errors}"
        assert not self.outside, f"requests outside 127.0.0.1: {self.outside}"

    def screenshot(self, name: str) -> None:
        if os.environ.get("BAOCAO_SCREENSHOTS", "").lower() in ("1", "true", "yes"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="session")
def browser(site: Site) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=_chromium(), headless=True, args=args)
        context = chromium.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
        page = context.new_page()
        outside: list[str] = []
        errors: list[str] = []

        def on_request(request) -> None:
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
                outside.append(request.url)

        def on_console(message) -> None:
            # a fact page is not prerendered: its per-page query cache (/api/…/all-queries.json)
            # is absent by design and the browser logs that 404; the queries then run in duckdb-wasm
            if message.type == "error" and "404" not in message.text:
                errors.append(message.text)

        page.on("request", on_request)
        page.on("console", on_console)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on(
            "response",
            lambda r: (
                errors.append(f"HTTP {r.status} {r.url}")
                if r.status >= 400 and "/all-queries.json" not in r.url
                else None
            ),
        )
        yield Browser(page=page, outside=outside, errors=errors, site=site)
        context.close()
        chromium.close()


def test_overview_counts_documents_facts_and_coverage(browser: Browser, site: Site) -> None:
    ((documents, facts, values, places),) = site.query(
        "select (select count(*) from dim_document), (select count(*) from fact_value), "
        "(select count(*) from mart_indicator_values), "
        "(select count(distinct locality_key) from mart_indicator_values)"
    )
    browser.open("/")
    body = browser.text()
    for title, n in [
        ("Văn bản", documents),
        ("Số liệu đọc được", facts),
        ("Giá trị chỉ tiêu", values),
        ("Địa phương", places),
    ]:
        assert re.search(rf"{title}\s+{re.escape(f'{n:,}')}\b", body), f"overview: {title} {n:,} not shown"
    for (source_name,) in site.query("select source_name from dim_document"):
        assert source_name in body
    # the coverage heatmap and the domain chart are drawn (ECharts canvases)
    assert browser.page.locator("canvas").count() >= 2
    browser.assert_clean("/")
    browser.screenshot("tong-quan")


def test_indicator_explorer_shows_the_selected_indicator_everywhere(browser: Browser, site: Site) -> None:
    page = browser.open("/chi-tieu/")
    heading = page.locator("h3").first.inner_text()
    ((key, count),) = site.query(
        "select v.indicator_key, count(*) from mart_indicator_values v join dim_indicator i using (indicator_key) "
        "where starts_with(?, i.name_vi) group by 1 order by 2 desc, length(any_value(i.name_vi)) desc limit 1",
        [heading],
    )
    body = browser.text()
    assert re.search(rf"Giá trị\s+{count}\b", body)
    browser.screenshot("chi-tieu")

    # pick another indicator in the dropdown: its values, in the pages' number format, appear
    ((other, name),) = site.query(
        "select indicator_key, name_vi from mart_indicator_values join dim_indicator using (indicator_key) "
        "where is_catalogued and indicator_key <> ? group by all having count(*) <= 20 "
        "order by count(distinct locality_key) desc, count(*) desc, indicator_key limit 1",
        [key],
    )
    page.locator("button[aria-haspopup=dialog]").filter(has_text="Chỉ tiêu").first.click()
    page.keyboard.type(name)
    page.get_by_role("option", name=re.compile(re.escape(other))).first.click()
    page.keyboard.press("Escape")
    page.wait_for_timeout(1500)
    assert name in page.locator("h3").first.inner_text()
    body = browser.text()
    rows = site.query(
        "select value, value_high, coalesce(unit_text, unit), source_name from mart_indicator_values "
        "where indicator_key = ?",
        [other],
    )
    for value, high, unit, source_name in rows:
        shown = vn_num(value) + (f"–{vn_num(high)}" if high is not None else "") + f" {unit}"
        assert shown in body, f"chi-tieu {other}: {shown!r} not in the table"
        assert source_name in body
    browser.assert_clean("/chi-tieu/")


def test_drill_through_from_a_value_to_its_sentence_document_and_line(browser: Browser, site: Site) -> None:
    page = browser.open("/chi-tieu/")
    page.locator("tr.row-link:visible").first.click()  # rows of a DataTable with link=
    page.wait_for_url(re.compile(r"/so-lieu/[0-9a-f]+/$"))
    page.wait_for_timeout(2000)
    fact_id = page.url.rstrip("/").rsplit("/", 1)[1]
    ((sentence, source_name, line, value),) = site.query(
        "select sentence, source_name, line, value from fact_value where fact_id = ?", [fact_id]
    )
    body = browser.text()
    assert sentence[:60] in body and source_name in body and f"dòng {line}" in body
    assert vn_num(value) in body
    browser.assert_clean(page.url)


def test_place_scorecard_shows_targets_results_and_attainment(browser: Browser, site: Site) -> None:
    page = browser.open("/dia-phuong/")
    ((key, name, n_values),) = site.query(
        "select locality_key, any_value(l.name), count(*) from mart_indicator_values join dim_locality l "
        "using (locality_key) group by 1 order by 3 desc, 2 limit 1"
    )
    assert name in page.locator("h3").first.inner_text()
    body = browser.text()
    assert re.search(rf"Giá trị\s+{n_values:,}\b", body)
    # the first rows of the scorecard (its order: indicator code, then period): target, result, %
    rows = site.query(
        "select t.target, t.actual, t.attainment_computed_pct from mart_target_attainment t "
        "join dim_indicator i using (indicator_key) left join dim_period p using (period_key) "
        "where t.locality_key = ? and i.is_catalogued "
        "order by i.indicator_code, coalesce(p.year_start, 9999), coalesce(p.year_end, 9999) limit 10",
        [key],
    )
    assert rows
    for numbers in rows:
        for number in numbers:
            if number is not None:
                assert vn_num(number) in body, f"dia-phuong: {vn_num(number)} not in the scorecard"
    assert browser.page.locator("canvas").count() >= 1  # attainment chart
    browser.assert_clean("/dia-phuong/")
    browser.screenshot("dia-phuong")


def test_target_vs_actual_pairs_and_mismatches(browser: Browser, site: Site) -> None:
    browser.open("/ke-hoach/")
    ((paired, mismatches),) = site.query(
        "select count(*) filter (where has_target_and_actual), count(*) filter (where is_attainment_mismatch) "
        "from mart_target_attainment"
    )
    body = browser.text()
    assert re.search(rf"Có cả KH và TH\s+{paired:,}\b", body)
    assert re.search(rf"Tỷ lệ tính ≠ báo cáo\s+{mismatches:,}\b", body)
    for computed, stated in site.query(
        "select attainment_computed_pct, attainment_stated_pct "
        "from mart_target_attainment where is_attainment_mismatch"
    ):
        assert vn_num(computed) in body and vn_num(stated) in body
    assert browser.page.locator("canvas").count() >= 1
    browser.assert_clean("/ke-hoach/")
    browser.screenshot("ke-hoach")


def test_data_quality_lists(browser: Browser, site: Site) -> None:
    browser.open("/chat-luong/")
    ((conflicts, unmapped),) = site.query(
        "select (select count(*) from dq_conflicting_values), (select count(*) from dq_unmapped_phrases)"
    )
    body = browser.text()
    assert re.search(rf"Giá trị mâu thuẫn\s+{conflicts:,}\b", body)
    assert re.search(rf"Cụm từ chưa phân loại\s+{unmapped:,}\b", body)
    ((phrase,),) = site.query(
        "select indicator_phrase from dq_unmapped_phrases order by fact_count desc, indicator_phrase limit 1"
    )
    assert phrase in body
    browser.assert_clean("/chat-luong/")
    browser.screenshot("chat-luong")


def test_document_page_lists_its_facts(browser: Browser, site: Site) -> None:
    ((document_id, source_name, fact_count),) = site.query(
        "select document_id, source_name, fact_count from dim_document where source_name like '%.docx'"
    )
    browser.open(f"/van-ban/{document_id}/")
    body = browser.text()
    assert source_name in body and re.search(rf"Số liệu đọc được\s+{fact_count}\b", body)
    ((value, unit, table_name, row, col),) = site.query(
        "select value, coalesce(unit_text, unit), table_name, table_row, table_column from fact_value "
        "where document_id = ? order by fact_seq limit 1",
        [document_id],
    )
    assert f"{vn_num(value)} {unit}" in body and f"{table_name}, hàng {row}, cột {col}" in body
    browser.assert_clean(f"/van-ban/{document_id}/")
    browser.screenshot("van-ban")


def test_fact_pages_give_the_table_cell_or_the_sentence_and_line(browser: Browser, site: Site) -> None:
    ((cell_fact, table_name, row, col, line, source_name),) = site.query(
        "select fact_id, table_name, table_row, table_column, line, source_name from fact_value "
        "where table_name is not null order by source_name, fact_seq limit 1"
    )
    browser.open(f"/so-lieu/{cell_fact}/", settle_ms=2500)
    body = browser.text()
    assert f"{table_name}, hàng {row}, cột {col}" in body and source_name in body and f"dòng {line}" in body
    browser.assert_clean(f"/so-lieu/{cell_fact}/")

    # a prose fact that several facts state differently: the chosen value and the others are listed
    ((prose_fact, sentence, line, value, others),) = site.query(
        "select f.fact_id, f.sentence, f.line, f.value, c.value_count - 1 from dq_conflicting_values c "
        "join mart_indicator_values v using (value_id) join fact_value f on f.fact_id = v.chosen_fact_id "
        "where f.table_name is null order by c.value_count desc, f.fact_id limit 1"
    )
    browser.open(f"/so-lieu/{prose_fact}/", settle_ms=2500)
    body = browser.text()
    assert sentence[:60] in body and f"dòng {line}" in body and vn_num(value) in body
    assert "có mâu thuẫn" in body and others >= 1
    browser.assert_clean(f"/so-lieu/{prose_fact}/")
    browser.screenshot("so-lieu")
