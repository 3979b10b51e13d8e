"""Imported by the parse forkserver (isolation.py): everything a parse builds lazily is built
once here, so each child forked from it starts warm instead of building it again for every
file: the catalogues and gazetteer, the per-unit-class alias indexes, and the regular
expressions the rules compile on first use (three short reports in our own words run through
the common paths and some rarer ones, and every inline regex of the parse modules), and
the libraries of the Word, Excel and PDF readers. A cold child spent ~80% of a sample's
parse on these before. At the end the heap is frozen (gc.freeze) so that children never
walk it."""

import gc
import re

from baocao.parse import indicators, tables, units, vocab
from baocao.parse.extract import parse_lines

parse_lines([
    "ỦY BAN NHÂN DÂN HUYỆN TIỂU CẦN",
    "Số: 12/BC-UBND",
    "BÁO CÁO",
    "kết quả thực hiện nhiệm vụ năm 2023 và phương hướng, nhiệm vụ năm 2024",
    "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023",
    "1. Về kinh tế",
    "Tổng giá trị sản xuất đạt 1.000 tỷ đồng, tăng 5% so cùng kỳ, đạt 101,5% kế hoạch; "
    "thu nhập bình quân đầu người 55 triệu đồng/người/năm (KH 54 triệu đồng).",
    "Cơ cấu kinh tế: nông nghiệp chiếm 40,2%, công nghiệp - xây dựng 25,3%, dịch vụ 34,5%.",
    "Diện tích gieo trồng lúa cả năm 12.500 ha, năng suất bình quân 6,2 tấn/ha, sản lượng 77.500 tấn; "
    "đàn heo 25.000 con, đàn bò 8.200 con, đàn gia cầm trên 1 triệu con.",
    "Tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 150,5 tỷ đồng, đạt 110% dự toán; "
    "tổng chi ngân sách địa phương 420 tỷ đồng.",
    "Tổng vốn đầu tư toàn xã hội khoảng 1.200 - 1.300 tỷ đồng; có thêm 2 xã đạt chuẩn nông thôn mới, "
    "nâng tổng số lên 8/10 xã.",
    "2. Văn hóa - xã hội",
    "Tỷ lệ hộ nghèo giảm còn 2,1% (giảm 1,05% so với năm 2022); tỷ lệ tham gia bảo hiểm y tế đạt 92%; "
    "giải quyết việc làm cho 2.100 lao động, trong đó xuất khẩu lao động 45 người.",
    "Xã Tân Hòa có 120 hộ nghèo; thị trấn Cầu Quan đạt 98% hộ sử dụng nước sạch.",
    "II. NHIỆM VỤ NĂM 2024",
    "Phấn đấu tốc độ tăng trưởng kinh tế từ 8% trở lên; thu nhập bình quân đầu người trên 60 triệu đồng; "
    "giảm tỷ lệ hộ nghèo từ 1% - 1,5%/năm; mục tiêu giai đoạn 2021-2025 có 100% xã đạt chuẩn nông thôn mới.",
    "Ngày 15 tháng 12 năm 2023",
])

# a second report, of a party committee over a term, through rarer paths: crops planted,
# attainment of a plan, shares, rates per population, children's ages, labels, quoted names
parse_lines([
    "ĐẢNG BỘ TỈNH BẾN TRE",
    "NGHỊ QUYẾT",
    "Đại hội đại biểu Đảng bộ huyện lần thứ XII, nhiệm kỳ 2020-2025",
    "Nghị quyết của Ban Chấp hành Đảng bộ huyện về chương trình hành động năm 2021",
    "1. Kết quả thực hiện các chỉ tiêu giai đoạn 2016-2020",
    "Lúa mùa gieo trồng được 7.748 ha, thu hoạch 5.200 ha; năng suất lúa đạt 5,8 tấn/ha, "
    "sản lượng lương thực 45 nghìn tấn hồ tiêu.",
    "Tăng trưởng kinh tế (GRDP) đạt 7,5%, bằng 102% so với cùng kỳ, đạt 98% kế hoạch; "
    "giải ngân kế hoạch vốn đạt 85% so với kế hoạch vốn giao; tỷ lệ giải ngân đạt 90%.",
    "Khu vực nông, lâm, thủy sản chiếm 45,2%, tăng 3,1% so với năm 2020; tỷ lệ hộ nghèo giảm từ 5,2% "
    "xuống còn 4,1%, thấp hơn bình quân chung cả nước.",
    "Số bác sĩ trên 10.000 dân là 9,5 bác sĩ; tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng còn 8,5%; "
    "rút ngắn thời gian giải quyết hồ sơ còn 3 ngày; kéo giảm cả 3 mặt về tội phạm.",
    "Tổng chi ngân sách 1 là 324,6 tỷ đồng; ấp Long Hòa 2 có 150 hộ; dịch vụ công mức độ 3 và 4 đạt 100%.",
    "Thực hiện Kế hoạch số 210-KH/TU ngày 05/3/2021 “về thực hiện 5 nhiệm vụ trọng tâm”, "
    "xây dựng 12 km đường giao thông nông thôn ở các xã, trong đó xã Tân Hòa 3 km.",
    "Trong tháng, khởi công mới 01 công trình; lũy kế 10 tháng đạt 540 tỷ đồng.",
    "2. Mục tiêu đến năm 2025, tầm nhìn đến năm 2030",
    "Phấn đấu đến năm 2025 thu nhập bình quân đầu người gấp 1,5 lần so với năm 2020.",
])

# an untitled page of a province, its headings without a period
parse_lines([
    "Kế hoạch phát triển kinh tế - xã hội năm 2023 của tỉnh Bến Tre",
    "UBND TỈNH BẾN TRE",
    "Các chỉ tiêu chủ yếu",
    "Tổng vốn đầu tư toàn xã hội đạt 12.000 tỷ đồng, tăng 8% so với cùng kỳ, cao hơn bình quân chung cả nước; "
    "đạt 95% kế hoạch; tỷ lệ giải ngân vốn đầu tư công đạt 92% so với chỉ tiêu nghị quyết, tăng 2,5% so cùng kỳ.",
    "Đàn heo 25.000 con, đạt 101% so với kế hoạch; trong đó huyện Châu Thành 5.000 con (chiếm 20%).",
    "Diện tích lúa của các địa phương: huyện Châu Thành 747,6 ha; huyện Giồng Trôm 449 ha.",
    "Số hộ nghèo còn 1.200 hộ, giảm 150 hộ; so với cùng kỳ, tai nạn giao thông giảm 2 vụ, giảm 1 người chết; "
    "tỷ lệ lao động qua đào tạo đạt 65%, đạt 102% kế hoạch vốn.",
])

# the alias indexes of every unit class: those of the catalogue's relations, and of every unit
# a report can be written in (length, volume, age, times … were built in the child)
for uclass in {None, "", *indicators.COMPATIBLE, *(c for cs in indicators.COMPATIBLE.values() for c in cs),
               *(units.unit_class(code) for _, code, _ in units._vocab()),
               *(units.unit_class(code) for code in ("COUNT", "PCT", "PER_10K_POP", "TIMES"))}:
    for core_only in (True, False):
        for index in (indicators._written_index, indicators._word_set_index, indicators._spelled_index):
            index(uclass, core_only)
    indicators._aliases_for(uclass), indicators._by_word(uclass)  # (complete_code calls them so)

# the cue-word regexes of every kind (a report compiled those its words called for)
for kind in vocab.cues():
    vocab.cue_keys(kind)
    vocab.cue_words_re(kind)
    for anchor in ("end", "any"):
        vocab.cue_re(kind, anchor)

# the label regexes, in the forms the rules call them
vocab.label_re(), vocab.label_re("always"), vocab.label_keys(), vocab.label_keys("always")

# the annex-table header words, each searched with a regex of its own (tables._has)
for _forms in [*tables._vocabulary().values(), [("lần", ""), ("so", ""), ("cùng kỳ", "")]]:
    for _form, _ in _forms:
        tables._has("", _form)


def _compile_inline_regexes() -> int:
    """Compile, into the `re` module's cache, every regex the parse modules write inline
    (`re.search(r"…", s, re.I)` in a rule): a report reaching a rule the three reports above
    did not reach had its pattern compiled in the child, again for every report (~6% of a sample's
    parse, up to a fifth of a table's). The calls are found in the modules' source, so a rule
    added later is covered too; a pattern built from local names is left to its first use."""
    import ast
    import sys

    # (the cache drops its oldest entry when full: large enough for every pattern here and the
    # dynamic ones a report adds, so those compiled at warmup stay)
    re._MAXCACHE = max(getattr(re, "_MAXCACHE", 0), 4096)
    flags_at = {"search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2, "split": 3, "sub": 4, "subn": 4,
                "compile": 1}
    count = 0
    for name, module in sorted(sys.modules.items()):  # the parse modules, all imported by now
        if not name.startswith("baocao.parse."):
            continue
        source = getattr(module, "__file__", None)
        if not source or not source.endswith(".py"):
            continue
        with open(source, encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in flags_at
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
                continue
            k = flags_at[node.func.attr]
            flags = node.args[k] if len(node.args) > k else next((kw.value for kw in node.keywords if kw.arg == "flags"), None)
            try:
                pattern = eval(compile(ast.Expression(node.args[0]), source, "eval"), vars(module))  # noqa: S307
                flag_value = eval(compile(ast.Expression(flags), source, "eval"), vars(module)) if flags else 0  # noqa: S307
                re.compile(pattern, flag_value)
            except Exception:  # noqa: BLE001, S112 - a pattern of local names: compiled when first used
                continue
            count += 1
    return count


_compile_inline_regexes()


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is one line of (Latin-1) text."""
    stream = b"BT /F1 12 Tf 72 760 Td (" + text.encode("latin-1") + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _warm_readers() -> None:
    """Read a tiny Word document, workbook and PDF made here, in memory: the libraries behind
    the readers (python-docx and lxml; openpyxl, which brings numpy and PIL; pypdf with its
    crypto and font modules; xlrd) are imported on a reader's first use, and a child forked
    cold imported them for every report of that format (~300 modules for a workbook, ~100
    for a Word document: 40-60% of a Word or PDF sample's first parse). A reader that fails
    here (a library missing) is simply left cold."""
    import contextlib
    import io
    import os
    from pathlib import Path

    from baocao.parse.read import docx as docx_reader
    from baocao.parse.read import pdf as pdf_reader
    from baocao.parse.read import sheets

    def word() -> None:
        import docx

        document = docx.Document()
        document.add_paragraph("Tổng giá trị sản xuất đạt 1.000 tỷ đồng, tăng 5% so cùng kỳ.")
        table = document.add_table(rows=2, cols=2)
        for r, row in enumerate((("Chỉ tiêu", "Năm 2023"), ("Diện tích lúa (ha)", "12.500"))):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        buffer = io.BytesIO()
        document.save(buffer)
        docx_reader.read_docx(buffer.getvalue(), Path("warmup.docx"))

    def workbook() -> None:
        # openpyxl imports numpy, whose OpenBLAS starts a worker thread: a forkserver must have
        # no thread to fork (isolation.py), and a parse does no linear algebra
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Chỉ tiêu", "Đơn vị", "Năm 2023"])
        sheet.append(["Diện tích lúa", "ha", 12500])
        buffer = io.BytesIO()
        book.save(buffer)
        sheets.read_xlsx(buffer.getvalue(), Path("warmup.xlsx"))

    def pdf() -> None:
        pdf_reader.read_pdf(_minimal_pdf("Tong gia tri san xuat dat 1.000 ty dong, tang 5%."), Path("warmup.pdf"))

    def xls() -> None:
        import codecs

        import xlrd  # noqa: F401 - (no writer at hand for a workbook of this format: the import only)

        for name in ("utf-16-le", "utf-16-be"):  # the codecs an .xls and a PDF's strings are decoded with
            codecs.lookup(name)

    for warm in (word, workbook, pdf, xls):
        with contextlib.suppress(Exception):  # a reader left cold, not a forkserver that fails to start
            warm()


_warm_readers()

# Everything built so far lives as long as the forkserver: moved out of the collector's sight,
# a child's garbage collections no longer walk (and so copy, page by page) the inherited
# catalogues. A full collection in a child cost ~50 ms before; a report's parse triggers one.
gc.freeze()
