"""Build real annex tables for the table tests: a Word table (python-docx), an Excel workbook
(openpyxl), and the same workbook as Excel 97 .xls (converted by LibreOffice), a legacy .doc
and an image-only scan of a PDF. The content is invented; the layouts are the ones offices use."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need_tool(*tools: str) -> None:
    """Skip when a system tool is missing here; in CI (.ci/run installs them) fail instead."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (make system-deps)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def annex_docx(path: Path) -> Path:
    """'Biểu số 01' of a district: a two-row merged header, group rows, 'Trong đó:' parts."""
    import docx

    d = docx.Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN HUYỆN TÂN UYÊN")
    d.add_paragraph("Biểu số 01: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2023")
    t = d.add_table(rows=3, cols=8)
    top = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 2022", "Năm 2023", "", "So sánh (%)", ""]
    sub = ["", "", "", "", "Kế hoạch", "Ước TH", "TH/KH", "TH/CK"]
    numbers = ["A", "B", "C", "1", "2", "3", "4=3/2", "5=3/1"]
    for r, row in enumerate((top, sub, numbers)):
        for c, text in enumerate(row):
            t.rows[r].cells[c].text = text
    t.cell(0, 4).merge(t.cell(0, 5))
    t.cell(0, 6).merge(t.cell(0, 7))
    for c in (0, 1, 2, 3):
        t.cell(0, c).merge(t.cell(1, c))
    rows = [
        ["I", "KINH TẾ", "", "", "", "", "", ""],
        ["1", "Tổng giá trị sản xuất (giá so sánh 2010)", "Tỷ đồng", "4.120,5", "4.500", "4.562,8", "101,4", "110,7"],
        ["", "Trong đó:", "", "", "", "", "", ""],
        ["", "- Nông, lâm nghiệp và thủy sản", "Tỷ đồng", "1.840", "1.950", "1.962,3", "100,6", "106,6"],
        ["", "- Công nghiệp - xây dựng", "Tỷ đồng", "1.210", "1.380", "1.401", "101,5", "115,8"],
        ["2", "Thu nhập bình quân đầu người", "Triệu đồng", "38,5", "42", "42,6", "101,4", "110,6"],
        ["3", "Diện tích lúa cả năm", "Ha", "3.205", "3.200", "3.198", "99,9", "99,8"],
        ["", "- Lúa xuân", "Ha", "1.610", "1.600", "1.602", "100,1", "99,5"],
        ["II", "XÃ HỘI", "", "", "", "", "", ""],
        ["4", "Tỷ lệ hộ nghèo", "%", "12,4", "≤ 10", "9,8", "x", "-"],
        ["5", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", "4", "6", "6", "100", "150"],
        ["6", "Tổng đàn gia cầm", "1000 con", "212,5", "220", "224", "101,8", "105,4"],
    ]
    for row in rows:
        cells = t.add_row().cells
        for c, text in enumerate(row):
            cells[c].text = text
    d.add_paragraph("Ghi chú: số liệu năm 2023 là số ước thực hiện.")
    d.save(path)
    return path


def annex_xlsx(path: Path) -> Path:
    """'Biểu 02' of a province as a workbook: stored numbers, % formats, a '(lần)' column."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bieu 02"
    ws.append(["UBND TỈNH LAI CHÂU"])
    ws.append(["Biểu 02 - MỘT SỐ CHỈ TIÊU GIAI ĐOẠN 2016 - 2020"])
    ws.append(["Đơn vị tính: tỷ đồng"])
    ws.append(["TT", "Chỉ tiêu", "Năm 2015", "Nghị quyết đến năm 2020", "Ước TH năm 2020", "Ước TH so NQ (%)",
               "Ước TH 2020 so năm 2015 (lần)"])
    ws.append([1, "Thu ngân sách trên địa bàn", 1520.5, 2400, 2610.25, 1.0876, 1.7167])
    ws.append([2, "Tổng vốn đầu tư toàn xã hội", 8100, 12000, 12540, 1.045, 1.548])
    ws.append([3, "Tỷ lệ che phủ rừng (%)", 0.45, 0.5, 0.513, None, None])
    ws.append([4, "Số trường đạt chuẩn quốc gia (trường)", 120, 200, 215, 1.075, 1.79])
    ws.append(["", "Ghi chú: số liệu năm 2020 là ước thực hiện"])
    for row in range(5, 9):
        ws.cell(row, 6).number_format = "0.0%"
    ws.cell(7, 3).number_format = "0%"
    ws.cell(7, 4).number_format = "0%"
    ws.cell(7, 5).number_format = "0.0%"
    ws.cell(5, 7).value = "=E5/C5"  # a formula: the reader takes the cached result (none here: skipped)
    wb.save(path)
    return path


def to_xls(xlsx: Path, out_dir: Path) -> Path:
    """The workbook saved as Excel 97-2003 by LibreOffice (which also computes its formulas)."""
    need_tool("soffice")
    _soffice(xlsx, out_dir, "xls")
    return out_dir / (xlsx.stem + ".xls")


def to_doc(docx_path: Path, out_dir: Path) -> Path:
    need_tool("soffice")
    _soffice(docx_path, out_dir, "doc")
    return out_dir / (docx_path.stem + ".doc")


def _soffice(src: Path, out_dir: Path, fmt: str) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{out_dir}/.profile", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(out_dir), str(src)],
        check=True, capture_output=True, timeout=180,
    )


def scanned_pdf(pdf: Path, out: Path, pages: int = 3, dpi: int = 200, skew: float = 0.8, noise: float = 0.005) -> Path:
    """An image-only PDF of a PDF's first pages, as a scanner makes it: `dpi`, a slight skew,
    salt-and-pepper noise on `noise` of the pixels."""
    need_tool("pdftoppm")
    from PIL import Image

    work = out.parent / f".{out.stem}-pages"
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", str(pages), "-gray", "-png", str(pdf),
                    str(work / "p")], check=True, timeout=120)
    rng = random.Random(7)
    images = []
    for png in sorted(work.glob("p*.png")):
        im = Image.open(png).convert("L").rotate(skew, fillcolor=255, resample=Image.BICUBIC)
        px = im.load()
        w, h = im.size
        for _ in range(int(w * h * noise)):
            px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 255))
        images.append(im)
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    shutil.rmtree(work)
    return out


def xml_bomb(src: Path, out: Path) -> Path:
    """The workbook `src` with shared strings that declare nested entities (a billion laughs)."""
    import zipfile

    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    payload = (f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY l0 "lol">{lol}]>'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&l9;</t></si></sst>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, payload.encode() if item.filename == "xl/sharedStrings.xml" else zin.read(item))
    return out


def blank_scan(path: Path, pages: int) -> Path:
    """An image-only PDF: one small white image drawn on each of `pages` pages."""
    from PIL import Image
    from pypdf import PdfReader, PdfWriter

    one = path.with_suffix(".one.pdf")
    Image.new("L", (200, 280), 255).save(one, resolution=24)
    writer = PdfWriter()
    page = PdfReader(one).pages[0]
    for _ in range(pages):
        writer.add_page(page)
    writer.write(path)
    return path
