#!/usr/bin/env python3
"""Build the annex-table evaluation set: 7 .docx, 6 .xlsx, 3 .xls (via LibreOffice) + gold JSONL.

    .venv/bin/python build.py          # needs python-docx and openpyxl (see README.md)

All places, numbers and documents are invented. Gold facts follow shared/spec/FACTS.md
('Tables and annex workbooks'); decisions where the contract is unclear are in NOTES.md.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lib import (Col, Row, G, H, Table, compute_cells, facts_for_table, render_docx_table,  # noqa: E402
                 render_xlsx_table, write_jsonl, ncols)

SEED = 20240611


# ------------------------------------------------------------------ column helpers
def A(key, period, qual="exact"):
    return Col(key, "actual", period, None, qual)


def E(key, period):
    return Col(key, "actual", period, None, "estimate")


def T(key, period):
    return Col(key, "target", period, None, "exact")


def P(key, num, den, cmp, period, qual="exact", store="typed", dec=2):
    return Col(key, "attainment_pct", period, cmp, qual, ratio=(num, den, "pct"), store=store, dec=dec)


def X(key, num, den, cmp, period, qual="exact", store="typed", dec=2):
    return Col(key, "change_times", period, cmp, qual, ratio=(num, den, "times"), store=store, dec=dec, pct=False)


def D(key, num, den, cmp, period, qual="exact"):
    return Col(key, "change_abs", period, cmp, qual, ratio=(num, den, "diff"), store="typed", pct=False)


R = Row
DOCS = []

# =================================================================== D1 Tam Nông 2023 (docx)
DOCS.append(dict(
    name="tam_nong_2023.docx", fmt="docx", locality="Tam Nông", level="district",
    head=["ỦY BAN NHÂN DÂN", "HUYỆN TAM NÔNG", "",
          "Biểu số 01",
          "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2023",
          "(Kèm theo Báo cáo số 412/BC-UBND ngày 08/12/2023 của Ủy ban nhân dân huyện Tam Nông)"],
    blocks=[("table", Table(
        "Biểu số 01",
        header=[["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2022", "Năm 2023", None, "So sánh (%)", None],
                ["^", "^", "^", "^", "Kế hoạch", "Ước TH", "Ước TH/KH", "Ước TH/CK"]],
        cols=[A("th22", "2022"), T("kh23", "2023"), E("uoc23", "2023"),
              P("ss_kh", "uoc23", "kh23", "target", "2023", "estimate"),
              P("ss_ck", "uoc23", "th22", "same_period", "2023", "estimate")],
        rows=[
            G("I", "KINH TẾ"),
            R("1", "Tổng giá trị sản xuất (giá so sánh 2010)", "Tỷ đồng", "PV_TOTAL",
              ["9.842,6", "10.450", "10.512,3", "r", "r"]),
            H("Trong đó:"),
            R("", "- Nông, lâm nghiệp và thủy sản", "Tỷ đồng", "PV_AGRI", ["5.120,4", "5.300", "5.318,7", "r", "r"]),
            R("", "- Công nghiệp - xây dựng", "Tỷ đồng", "PV_INDUSTRY_CONSTRUCTION", ["2.310,8", "2.520", "2.541,2", "r", "r"]),
            R("", "- Thương mại - dịch vụ", "Tỷ đồng", "PV_SERVICES", ["2.411,4", "2.630", "2.652,4", "r", "r"]),
            R("2", "Tốc độ tăng trưởng giá trị sản xuất", "%", "PV_GROWTH", ["6,12", "6,5", "6,80", "r", "x"]),
            R("3", "Cơ cấu kinh tế", "%", None, ["", "", "", "", ""]),
            R("", "- Nông, lâm nghiệp và thủy sản", "%", "SHARE_AGRI", ["52,02", "50,72", "50,59", "x", "x"]),
            R("", "- Công nghiệp - xây dựng", "%", "SHARE_INDUSTRY_CONSTRUCTION", ["23,48", "24,11", "24,17", "x", "x"]),
            R("", "- Thương mại - dịch vụ", "%", "SHARE_SERVICES", ["24,50", "25,17", "25,24", "x", "x"]),
            R("4", "Thu nhập bình quân đầu người", "Triệu đồng/người/năm", "INCOME_PER_CAPITA", ["58,4", "63", "63,5", "r", "r"]),
            R("5", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", "INVESTMENT_TOTAL", ["2.105,3", "2.300", "2.318,6", "r", "r"]),
            R("6", "Tổng thu ngân sách nhà nước trên địa bàn", "Triệu đồng", "BUDGET_REVENUE_LOCAL", ["112.450", "118.600", "124.380", "r", "r"]),
            R("7", "Tổng chi ngân sách địa phương", "Triệu đồng", "BUDGET_EXPENDITURE_TOTAL", ["612.300", "598.420", "645.110", "r", "r"]),
            R("8", "Diện tích gieo trồng lúa", "Ha", "RICE_AREA", ["54.820", "54.500", "54.736", "r", "r"]),
            R("9", "Năng suất lúa bình quân", "Tạ/ha", "RICE_YIELD", ["62,8", "63", "63,4", "r", "r"]),
            R("10", "Sản lượng lúa", "Tấn", "RICE_OUTPUT", ["344.270", "343.350", "347.026", "r", "r"]),
            R("11", "Doanh nghiệp thành lập mới", "Doanh nghiệp", "ENTERPRISES_NEW", ["18", "20", "22", "r", "r"]),
            G("II", "VĂN HÓA - XÃ HỘI"),
            R("12", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["3,85", "3,2", "3,12", "x", "x"]),
            R("13", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "HEALTH_INSURANCE_COVERAGE", ["91,2", "92,5", "92,8", "r", "r"]),
            R("14", "Giải quyết việc làm mới", "Lao động", "NEW_JOBS", ["2.950", "3.000", "3.126", "r", "r"]),
            R("15", "Tỷ lệ lao động qua đào tạo", "%", "TRAINED_LABOR_RATE", ["68,5", "70", "70,2", "r", "r"]),
            R("16", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", "NTM_COMMUNES", ["10", "11", "11", "r", "r"]),
            R("", "Trong đó: Xã đạt chuẩn nông thôn mới nâng cao", "Xã", "NTM_ADVANCED_COMMUNES", ["2", "3", "3", "r", "r"]),
            R("17", "Số trường đạt chuẩn quốc gia (lũy kế)", "Trường", "NATIONAL_STANDARD_SCHOOLS", ["24", "26", "26", "r", "r"]),
            R("18", "Tỷ lệ hộ dân nông thôn sử dụng nước sạch", "%", "CLEAN_WATER_RATE_RURAL", ["62,4", "65", "65,3", "r", "r"]),
        ])),
        ("p", "Ghi chú: Số liệu ước thực hiện đến ngày 31/12/2023."),
    ]))

# =================================================================== D2 Phù Cát 2019 (docx, prose + table)
DOCS.append(dict(
    name="phu_cat_2019.docx", fmt="docx", locality="Phù Cát", level="district",
    head=["ỦY BAN NHÂN DÂN HUYỆN PHÙ CÁT", "",
          "BÁO CÁO",
          "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2019"],
    blocks=[
        ("p", "Năm 2019, trong điều kiện còn nhiều khó khăn, kinh tế của huyện tiếp tục tăng trưởng khá; "
              "tổng giá trị sản xuất ước đạt 14.236,5 tỷ đồng, tăng 9,6% so với cùng kỳ; thu ngân sách nhà nước "
              "trên địa bàn đạt 236,4 tỷ đồng. Kết quả thực hiện các chỉ tiêu chủ yếu như sau:",
         [dict(value=14236.5, num="14.236,5", unit="VND_BN", unit_text="tỷ đồng", measure="actual", compared_to=None,
               qualifier="estimate", period="2019", indicator="tổng giá trị sản xuất", indicator_code="PV_TOTAL"),
          dict(value=9.6, num="9,6", unit="PCT", unit_text="%", measure="change_pct", compared_to="same_period",
               qualifier="estimate", period="2019", indicator="tổng giá trị sản xuất", indicator_code="PV_TOTAL"),
          dict(value=236.4, num="236,4", unit="VND_BN", unit_text="tỷ đồng", measure="actual", compared_to=None,
               qualifier="exact", period="2019", indicator="thu ngân sách nhà nước trên địa bàn",
               indicator_code="BUDGET_REVENUE_LOCAL")]),
        ("p", "Biểu số 01: MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2019"),
        ("table", Table(
            "Biểu số 01",
            header=[["TT", "Chỉ tiêu", "Đơn vị tính", "KH năm 2019", "Ước TH năm 2019", "% so KH", "Ghi chú"]],
            has_note=True,
            cols=[T("kh", "2019"), E("uoc", "2019"), P("pkh", "uoc", "kh", "target", "2019", "estimate")],
            rows=[
                R("1", "Tổng giá trị sản xuất (giá SS 2010)", "Tỷ đồng", "PV_TOTAL", ["13.980", "14.236,5", "r"], note="Vượt"),
                R("", "- Nông, lâm, thủy sản", "Tỷ đồng", "PV_AGRI", ["4.350", "4.402,7", "r"]),
                R("", "- Công nghiệp - xây dựng", "Tỷ đồng", "PV_INDUSTRY_CONSTRUCTION", ["5.830", "5.911,3", "r"]),
                R("", "- Thương mại - dịch vụ", "Tỷ đồng", "PV_SERVICES", ["3.800", "3.922,5", "r"]),
                R("2", "Giá trị sản xuất ngành thủy sản", "Tỷ đồng", "PV_FISHERIES", ["1.150", "1.187,6", "r"], note="Vượt"),
                R("3", "Sản lượng thủy sản", "Tấn", "FISHERY_OUTPUT", ["21.500", "22.130", "r"], note="Vượt"),
                R("4", "Tổng đàn bò", "Con", "HERD_CATTLE", ["68.000", "67.450", "r"], note="Không đạt"),
                R("5", "Tổng đàn heo", "Con", "HERD_PIGS", ["185.000", "152.300", "r"], note="Không đạt"),
                R("6", "Đàn gia cầm", "Nghìn con", "HERD_POULTRY", ["1.250", "1.318", "r"], note="Vượt"),
                R("7", "Tỷ lệ che phủ rừng", "%", "FOREST_COVER_RATE", ["43,5", "43,6", "r"], note="Đạt"),
                R("8", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "BUDGET_REVENUE_LOCAL", ["200", "236,4", "r"], note="Vượt"),
                R("9", "Chi ngân sách địa phương", "Tỷ đồng", "BUDGET_EXPENDITURE_TOTAL", ["690,5", "742,8", "r"]),
                R("10", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tỷ đồng", "RETAIL_SALES", ["6.200", "6.355,1", "r"], note="Vượt"),
                R("11", "Xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", "NTM_COMMUNES", ["9", "9", "r"], note="Đạt"),
                R("12", "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "POVERTY_RATE", ["4,5", "4,38", "x"], note="Vượt"),
                R("13", "Mức giảm tỷ lệ hộ nghèo", "%", "POVERTY_RATE_REDUCTION", ["1,2", "1,32", "r"], note="Vượt"),
                R("14", "Số bác sĩ trên 1 vạn dân", "Bác sĩ/vạn dân", "DOCTORS_PER_10K", ["7,5", "7,6", "r"], note="Vượt"),
                R("15", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", "CHILD_MALNUTRITION_RATE", ["8,9", "8,7", "x"], note="Đạt"),
                R("16", "Tỷ lệ dân số tham gia BHYT", "%", "HEALTH_INSURANCE_COVERAGE", ["88", "88,6", "r"], note="Vượt"),
                R("17", "Lao động được giải quyết việc làm", "Người", "NEW_JOBS", ["2.600", "2.715", "r"], note="Vượt"),
                R("18", "Xuất khẩu lao động", "Người", "LABOR_EXPORT", ["120", "146", "r"], note="Vượt"),
                R("19", "Tỷ lệ hộ sử dụng điện", "%", "ELECTRICITY_ACCESS_RATE", ["99,9", "99,95", "r"], note="Đạt"),
            ])),
    ]))

# =================================================================== D3 Ngã Năm 2021 (docx, units in labels)
DOCS.append(dict(
    name="nga_nam_2021.docx", fmt="docx", locality="Ngã Năm", level="district",
    head=["UBND THỊ XÃ NGÃ NĂM", "", "Phụ lục",
          "CÁC CHỈ TIÊU CHỦ YẾU VỀ KINH TẾ - XÃ HỘI NĂM 2021",
          "(Kèm theo Báo cáo số 289/BC-UBND ngày 14/12/2021 của UBND thị xã Ngã Năm)"],
    blocks=[("table", Table(
        "Phụ lục",
        header=[["STT", "Chỉ tiêu", "Thực hiện 2020", "Kế hoạch 2021", "Thực hiện 2021",
                 "TH 2021 so với KH (%)", "TH 2021 so với 2020 (%)"]],
        has_dvt=False,
        cols=[A("th20", "2020"), T("kh21", "2021"), A("th21", "2021"),
              P("pkh", "th21", "kh21", "target", "2021"), P("p20", "th21", "th20", "year:2020", "2021")],
        rows=[
            G("A", "LĨNH VỰC KINH TẾ"),
            R("1", "Tổng giá trị sản xuất (tỷ đồng)", None, "PV_TOTAL", ["7.215,4", "7.650", "7.480,2", "r", "r"]),
            H("Trong đó:"),
            R("", "- Nông nghiệp (tỷ đồng)", None, "PV_AGRI", ["3.405,2", "3.520", "3.498,6", "r", "r"]),
            R("", "- Công nghiệp - tiểu thủ công nghiệp (tỷ đồng)", None, "PV_INDUSTRY", ["1.150,7", "1.260", "1.185,3", "r", "r"]),
            R("", "- Xây dựng (tỷ đồng)", None, "PV_CONSTRUCTION", ["612,4", "680", "640,8", "r", "r"]),
            R("", "- Thương mại - dịch vụ (tỷ đồng)", None, "PV_SERVICES", ["2.047,1", "2.190", "2.155,5", "r", "r"]),
            R("2", "Tốc độ tăng trưởng kinh tế (%)", None, "PV_GROWTH", ["7,85", "8,2", "3,67", "x", "x"]),
            R("3", "Thu nhập bình quân đầu người (triệu đồng/người)", None, "INCOME_PER_CAPITA", ["52,6", "56", "54,1", "r", "r"]),
            R("4", "Diện tích lúa cả năm (ha)", None, "RICE_AREA", ["46.930", "47.000", "47.125", "r", "r"]),
            R("5", "Sản lượng lúa (tấn)", None, "RICE_OUTPUT", ["302.440", "298.000", "305.210", "r", "r"]),
            R("6", "Diện tích nuôi trồng thủy sản (ha)", None, "AQUACULTURE_AREA", ["1.215", "1.250", "1.238", "r", "r"]),
            R("7", "Tổng đàn heo (con)", None, "HERD_PIGS", ["21.300", "24.000", "23.460", "r", "r"]),
            R("8", "Vốn đầu tư phát triển toàn xã hội (tỷ đồng)", None, "INVESTMENT_TOTAL", ["1.620", "1.800", "1.705,3", "r", "r"]),
            R("9", "Thu ngân sách nhà nước trên địa bàn (triệu đồng)", None, "BUDGET_REVENUE_LOCAL", ["58.712", "61.000", "66.845", "r", "r"]),
            R("10", "Số doanh nghiệp thành lập mới (doanh nghiệp)", None, "ENTERPRISES_NEW", ["12", "15", "9", "r", "r"]),
            R("11", "Hợp tác xã thành lập mới (HTX)", None, "COOPERATIVES_NEW", ["3", "3", "4", "r", "r"]),
            G("B", "LĨNH VỰC XÃ HỘI"),
            R("12", "Tỷ lệ hộ nghèo (%)", None, "POVERTY_RATE", ["2,41", "2", "1,86", "x", "x"]),
            R("13", "Tỷ lệ hộ cận nghèo (%)", None, "NEAR_POOR_RATE", ["4,12", "3,8", "3,75", "x", "x"]),
            R("14", "Tỷ lệ bao phủ bảo hiểm y tế (%)", None, "HEALTH_INSURANCE_COVERAGE", ["90,1", "91", "91,37", "r", "r"]),
            R("15", "Tỷ lệ lao động qua đào tạo (%)", None, "TRAINED_LABOR_RATE", ["63", "65", "65,2", "r", "r"]),
            R("", "- Trong đó: có bằng cấp, chứng chỉ (%)", None, "TRAINED_LABOR_CERTIFIED_RATE", ["25,4", "27", "27,3", "r", "r"]),
            R("16", "Tỷ lệ dân số đô thị sử dụng nước sạch (%)", None, "CLEAN_WATER_RATE_URBAN", ["97,5", "98", "98,2", "r", "r"]),
            R("17", "Tỷ lệ thu gom, xử lý rác thải sinh hoạt đô thị (%)", None, "WASTE_COLLECTION_RATE", ["92", "93", "93,5", "r", "r"]),
            R("18", "Tỷ lệ đô thị hóa (%)", None, "URBANIZATION_RATE", ["31,2", "32", "31,8", "r", "r"]),
            R("19", "Số vụ tai nạn giao thông (vụ)", None, "TRAFFIC_ACCIDENTS", ["14", "-", "11", "-", "r"]),
            R("20", "Số người chết do tai nạn giao thông (người)", None, "TRAFFIC_DEATHS", ["9", "-", "7", "-", "r"]),
        ]))]))

# =================================================================== D4 Hà Giang 2018 (docx, budget, unit note)
DOCS.append(dict(
    name="ha_giang_2018.docx", fmt="docx", locality="Hà Giang", level="province",
    head=["ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "", "Biểu số 03",
          "ƯỚC THỰC HIỆN THU, CHI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2018",
          "Đơn vị tính: Triệu đồng"],
    blocks=[("table", Table(
        "Biểu số 03",
        header=[["STT", "Nội dung", "Dự toán năm 2018", None, "Ước thực hiện năm 2018", "So sánh (%)", None],
                ["^", "^", "Trung ương giao", "HĐND tỉnh giao", "^", "So dự toán TW giao", "So dự toán HĐND giao"]],
        has_dvt=False, unit_note="Triệu đồng",
        cols=[T("tw", "2018"), T("hd", "2018"), E("uoc", "2018"),
              P("ptw", "uoc", "tw", "target", "2018", "estimate"),
              P("phd", "uoc", "hd", "target", "2018", "estimate")],
        rows=[
            R("A", "TỔNG THU NGÂN SÁCH ĐỊA PHƯƠNG", None, "BUDGET_REVENUE_TOTAL",
              ["12.458.300", "12.612.450", "13.105.872", "r", "r"], bold=True),
            R("I", "Thu ngân sách nhà nước trên địa bàn", None, "BUDGET_REVENUE_LOCAL",
              ["2.150.000", "2.300.000", "2.415.630", "r", "r"], bold=True),
            R("1", "Thu từ doanh nghiệp nhà nước do Trung ương quản lý", None, None, ["612.000", "640.000", "598.210", "r", "r"]),
            R("2", "Thu từ khu vực công thương nghiệp ngoài quốc doanh", None, None, ["405.000", "430.000", "452.360", "r", "r"]),
            R("3", "Thu tiền sử dụng đất", None, None, ["250.000", "300.000", "386.940", "r", "r"]),
            R("4", "Thu từ hoạt động xuất nhập khẩu", None, None, ["120.000", "120.000", "134.520", "r", "r"]),
            R("II", "Thu bổ sung từ ngân sách Trung ương", None, None, ["9.850.000", "9.850.000", "9.912.400", "r", "r"], bold=True),
            R("", "- Bổ sung cân đối", None, None, ["6.524.000", "6.524.000", "6.524.000", "r", "r"]),
            R("", "- Bổ sung có mục tiêu", None, None, ["3.326.000", "3.326.000", "3.388.400", "r", "r"]),
            R("III", "Thu chuyển nguồn năm trước chuyển sang", None, None, ["-", "-", "512.300", "-", "-"], bold=True),
            R("IV", "Thu kết dư ngân sách", None, None, ["-", "-", "145.210", "-", "-"], bold=True),
            R("B", "TỔNG CHI NGÂN SÁCH ĐỊA PHƯƠNG", None, "BUDGET_EXPENDITURE_TOTAL",
              ["12.301.500", "12.455.650", "12.984.220", "r", "r"], bold=True),
            R("I", "Chi đầu tư phát triển", None, None, ["2.105.000", "2.180.000", "2.312.540", "r", "r"], bold=True),
            R("II", "Chi thường xuyên", None, None, ["8.950.600", "9.010.750", "9.245.180", "r", "r"], bold=True),
            H("Trong đó:"),
            R("", "- Chi sự nghiệp giáo dục, đào tạo và dạy nghề", None, None, ["3.812.400", "3.840.100", "3.902.650", "r", "r"]),
            R("", "- Chi sự nghiệp y tế", None, None, ["1.105.300", "1.120.000", "1.134.870", "r", "r"]),
            R("", "- Chi quản lý hành chính", None, None, ["1.620.800", "1.655.300", "1.701.220", "r", "r"]),
            R("III", "Chi trả nợ lãi các khoản do chính quyền địa phương vay", None, None, ["3.500", "3.500", "3.210", "r", "r"], bold=True),
            R("IV", "Chi bổ sung quỹ dự trữ tài chính", None, None, ["1.000", "1.000", "1.000", "r", "r"], bold=True),
            R("V", "Dự phòng ngân sách", None, None, ["241.400", "260.400", "x", "x", "x"], bold=True),
        ])),
        ("p", "(*) Không bao gồm các khoản thu, chi quản lý qua ngân sách theo Nghị định số 163/2016/NĐ-CP."),
    ]))

# =================================================================== D5 Tuy Hòa 2022 (docx, so cùng kỳ, tăng/giảm, numbering row)
DOCS.append(dict(
    name="tuy_hoa_2022.docx", fmt="docx", locality="Tuy Hòa", level="district",
    head=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ TUY HÒA", "",
          "Biểu 01: MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2022 SO VỚI CÙNG KỲ"],
    blocks=[("table", Table(
        "Biểu 01",
        header=[["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2021", "Ước thực hiện năm 2022", "So cùng kỳ (%)",
                 "Tăng (+), giảm (-)"]],
        numbering=["A", "B", "C", "1", "2", "3=2/1", "4=2-1"],
        cols=[A("th21", "2021"), E("uoc22", "2022"),
              P("ck", "uoc22", "th21", "same_period", "2022", "estimate"),
              D("diff", "uoc22", "th21", "same_period", "2022", "estimate")],
        rows=[
            R("1", "Giá trị sản xuất công nghiệp (giá SS 2010)", "Tỷ đồng", "PV_INDUSTRY", ["6.840,2", "7.512,6", "r", "r"]),
            R("2", "Giá trị sản xuất ngành xây dựng", "Tỷ đồng", "PV_CONSTRUCTION", ["3.105,7", "3.388,1", "r", "r"]),
            R("3", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Tỷ đồng", "RETAIL_SALES", ["14.210,5", "17.655,3", "r", "r"]),
            R("4", "Kim ngạch xuất khẩu", "Triệu USD", None, ["48,6", "55,2", "r", "r"]),
            R("5", "Lượt khách du lịch", "Nghìn lượt", None, ["412,5", "865,3", "r", "r"]),
            R("6", "Doanh thu du lịch", "Tỷ đồng", None, ["620,4", "1.284,7", "r", "r"]),
            R("7", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "BUDGET_REVENUE_LOCAL", ["1.215,8", "1.102,4", "r", "r"]),
            R("8", "Chi ngân sách địa phương", "Tỷ đồng", "BUDGET_EXPENDITURE_TOTAL", ["985,2", "1.046,9", "r", "r"]),
            R("9", "Doanh nghiệp thành lập mới", "Doanh nghiệp", "ENTERPRISES_NEW", ["142", "168", "r", "r"]),
            R("10", "Tổng số doanh nghiệp đang hoạt động", "Doanh nghiệp", "ENTERPRISES_TOTAL", ["2.310", "2.452", "r", "r"]),
            R("11", "Đàn bò", "Con", "HERD_CATTLE", ["4.820", "4.650", "r", "r"]),
            R("12", "Sản lượng thủy sản khai thác và nuôi trồng", "Tấn", "FISHERY_OUTPUT", ["10.450", "10.980", "r", "r"]),
            R("13", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["1,05", "0,82", "x", "r"]),
            R("14", "Tỷ lệ dân số tham gia BHYT", "%", "HEALTH_INSURANCE_COVERAGE", ["93,4", "94,1", "x", "r"]),
            R("15", "Tỷ lệ thất nghiệp khu vực thành thị", "%", "UNEMPLOYMENT_URBAN", ["3,2", "2,9", "x", "r"]),
            R("16", "Số giường bệnh/vạn dân", "Giường/vạn dân", "BEDS_PER_10K", ["38,5", "39,2", "r", "r"]),
            R("17", "Tỷ lệ tăng dân số tự nhiên", "‰", "NATURAL_POP_GROWTH", ["9,8", "9,4", "x", "r"]),
            R("18", "Số vụ phạm pháp hình sự", "Vụ", "CRIMINAL_CASES", ["96", "81", "r", "r"]),
        ]))]))

# =================================================================== D6 Yên Thế 2017 (docx, agriculture + prose)
DOCS.append(dict(
    name="yen_the_2017.docx", fmt="docx", locality="Yên Thế", level="district",
    head=["UBND HUYỆN YÊN THẾ", "PHÒNG NÔNG NGHIỆP VÀ PTNT", "",
          "BÁO CÁO KẾT QUẢ SẢN XUẤT NÔNG, LÂM NGHIỆP NĂM 2017"],
    blocks=[
        ("p", "Năm 2017, sản xuất nông nghiệp của huyện cơ bản ổn định; tổng sản lượng lương thực có hạt "
              "ước đạt 41.250 tấn, đạt 101,6% kế hoạch; tỷ lệ che phủ rừng đạt 54,3%.",
         [dict(value=41250.0, num="41.250", unit="TON", unit_text="tấn", measure="actual", compared_to=None,
               qualifier="estimate", period="2017", indicator="tổng sản lượng lương thực có hạt", indicator_code=None),
          dict(value=101.6, num="101,6", unit="PCT", unit_text="%", measure="attainment_pct", compared_to="target",
               qualifier="estimate", period="2017", indicator="tổng sản lượng lương thực có hạt", indicator_code=None),
          dict(value=54.3, num="54,3", unit="PCT", unit_text="%", measure="actual", compared_to=None,
               qualifier="exact", period="2017", indicator="tỷ lệ che phủ rừng", indicator_code="FOREST_COVER_RATE")]),
        ("p", "Biểu 02: KẾT QUẢ SẢN XUẤT NÔNG, LÂM NGHIỆP, THỦY SẢN NĂM 2017"),
        ("table", Table(
            "Biểu 02",
            header=[["STT", "Chỉ tiêu", "ĐVT", "Năm 2016", "Năm 2017", None, "So sánh (%)", None],
                    ["^", "^", "^", "^", "KH", "Ước TH", "Ước TH/KH", "Ước TH 2017/TH 2016"]],
            cols=[A("th16", "2016"), T("kh", "2017"), E("uoc", "2017"),
                  P("pkh", "uoc", "kh", "target", "2017", "estimate", dec=1),
                  P("p16", "uoc", "th16", "year:2016", "2017", "estimate", dec=1)],
            rows=[
                G("I", "TRỒNG TRỌT"),
                R("1", "Tổng diện tích gieo trồng cây hàng năm", "Ha", None, ["12.450", "12.500", "12.386", "r", "r"]),
                R("2", "Diện tích lúa", "Ha", "RICE_AREA", ["6.820", "6.800", "6.795", "r", "r"]),
                R("", "- Lúa xuân", "Ha", None, ["3.210", "3.200", "3.198", "r", "r"]),
                R("", "- Lúa mùa", "Ha", None, ["3.610", "3.600", "3.597", "r", "r"]),
                R("3", "Năng suất lúa bình quân", "Tạ/ha", "RICE_YIELD", ["52,4", "53", "53,6", "r", "r"]),
                R("4", "Sản lượng lúa", "Tấn", "RICE_OUTPUT", ["35.737", "36.040", "36.421", "r", "r"]),
                R("5", "Tổng sản lượng lương thực có hạt", "Tấn", None, ["40.610", "40.600", "41.250", "r", "r"]),
                R("6", "Diện tích cây ăn quả", "Ha", None, ["6.920", "7.000", "7.015", "r", "r"]),
                R("", "Trong đó: Vải thiều", "Ha", None, ["4.850", "4.800", "4.812", "r", "r"]),
                R("7", "Sản lượng cây ăn quả", "Tấn", "FRUIT_OUTPUT", ["38.600", "40.000", "42.350", "r", "r"]),
                G("II", "CHĂN NUÔI"),
                R("8", "Đàn trâu", "Con", None, ["9.850", "9.900", "9.720", "r", "r"]),
                R("9", "Đàn bò", "Con", "HERD_CATTLE", ["6.120", "6.300", "6.245", "r", "r"]),
                R("10", "Đàn lợn", "Con", "HERD_PIGS", ["98.500", "100.000", "86.300", "r", "r"]),
                R("11", "Đàn gia cầm", "Nghìn con", "HERD_POULTRY", ["3.150", "3.200", "3.420", "r", "r"]),
                G("III", "LÂM NGHIỆP"),
                R("12", "Diện tích trồng rừng tập trung", "Ha", None, ["1.150", "1.100", "1.186", "r", "r"]),
                R("13", "Sản lượng gỗ khai thác", "m3", None, ["78.500", "80.000", "82.140", "r", "r"]),
                R("14", "Tỷ lệ che phủ rừng", "%", "FOREST_COVER_RATE", ["54,1", "54,3", "54,3", "r", "r"]),
                G("IV", "THỦY SẢN"),
                R("15", "Diện tích nuôi trồng thủy sản", "Ha", "AQUACULTURE_AREA", ["615", "620", "622", "r", "r"]),
                R("16", "Sản lượng thủy sản", "Tấn", "FISHERY_OUTPUT", ["1.680", "1.750", "1.772", "r", "r"]),
            ])),
    ]))

# =================================================================== D7 Krông Pắc 2024 (docx, plan)
DOCS.append(dict(
    name="krong_pac_2024.docx", fmt="docx", locality="Krông Pắc", level="district",
    head=["ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC", "", "Phụ lục I",
          "CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
          "(Kèm theo Kế hoạch số 198/KH-UBND ngày 20/12/2023 của UBND huyện Krông Pắc)"],
    blocks=[("table", Table(
        "Phụ lục I",
        header=[["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2023", "Ước thực hiện 2023", "Kế hoạch 2024",
                 "KH 2024 so với ước TH 2023 (%)"]],
        cols=[T("kh23", "2023"), E("uoc23", "2023"), T("kh24", "2024"),
              P("p", "kh24", "uoc23", "year:2023", "2024", "estimate")],
        rows=[
            G("I", "CHỈ TIÊU KINH TẾ"),
            R("1", "Tốc độ tăng trưởng giá trị sản xuất (giá SS 2010)", "%", "PV_GROWTH", ["8,0", "7,62", "8-8,5", "x"]),
            R("2", "Tổng giá trị sản xuất (giá SS 2010)", "Tỷ đồng", "PV_TOTAL", ["17.250", "17.185,4", "18.580", "r"]),
            H("Trong đó:"),
            R("", "- Nông, lâm nghiệp, thủy sản", "Tỷ đồng", "PV_AGRI", ["9.120", "9.086,3", "9.560", "r"]),
            R("", "- Công nghiệp - xây dựng", "Tỷ đồng", "PV_INDUSTRY_CONSTRUCTION", ["3.810", "3.795,2", "4.180", "r"]),
            R("", "- Thương mại - dịch vụ", "Tỷ đồng", "PV_SERVICES", ["4.320", "4.303,9", "4.840", "r"]),
            R("3", "Thu nhập bình quân đầu người", "Triệu đồng", "INCOME_PER_CAPITA", ["56", "55,2", "60", "r"]),
            R("4", "Diện tích cà phê", "Ha", None, ["22.800", "22.815", "22.800", "r"]),
            R("5", "Sản lượng cà phê nhân", "Tấn", None, ["63.000", "64.120", "65.000", "r"]),
            R("6", "Diện tích lúa gieo trồng", "Ha", "RICE_AREA", ["17.500", "17.620", "17.500", "r"]),
            R("7", "Sản lượng lúa", "Tấn", "RICE_OUTPUT", ["118.000", "119.450", "118.500", "r"]),
            R("8", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "INVESTMENT_TOTAL", ["3.600", "3.512,8", "3.900", "r"]),
            R("9", "Thu ngân sách trên địa bàn", "Tỷ đồng", "BUDGET_REVENUE_LOCAL", ["215,6", "241,3", "230,5", "r"]),
            R("10", "Tỷ lệ giải ngân vốn đầu tư công", "%", "PUBLIC_INVESTMENT_DISBURSED_PCT", ["95", "91,4", "100", "x"]),
            R("11", "Sản phẩm OCOP đạt từ 3 sao trở lên (lũy kế)", "Sản phẩm", "OCOP_PRODUCTS", ["14", "15", "18", "r"]),
            G("II", "CHỈ TIÊU XÃ HỘI"),
            R("12", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["9,5", "9,12", "7,6", "x"]),
            R("13", "Mức giảm tỷ lệ hộ nghèo", "%", "POVERTY_RATE_REDUCTION", ["1,5-2", "2,05", "1,5-2", "x"]),
            R("14", "Tỷ lệ dân số tham gia BHYT", "%", "HEALTH_INSURANCE_COVERAGE", ["93", "92,4", "Trên 93", "x"]),
            R("15", "Số xã đạt chuẩn nông thôn mới", "Xã", "NTM_COMMUNES", ["11", "11", "12", "r"]),
            R("16", "Trường đạt chuẩn quốc gia", "Trường", "NATIONAL_STANDARD_SCHOOLS", ["41", "42", "45", "r"]),
            R("17", "Tỷ lệ trường đạt chuẩn quốc gia", "%", None, ["58,6", "60", "64,3", "x"]),
            R("18", "Số lao động được tạo việc làm", "Người", "NEW_JOBS", ["3.500", "3.620", "3.600", "r"]),
            R("19", "Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh", "%", "HYGIENIC_WATER_RATE", ["98", "98,2", "98,5", "x"]),
            G("III", "CHỈ TIÊU MÔI TRƯỜNG"),
            R("20", "Tỷ lệ che phủ rừng", "%", "FOREST_COVER_RATE", ["15,2", "15,2", "15,4", "x"]),
            R("21", "Tỷ lệ chất thải rắn y tế được thu gom, xử lý", "%", "MEDICAL_WASTE_TREATED_RATE", ["100", "100", "100", "x"]),
        ]))]))

# =================================================================== X1 Bình Đại 2020 (xlsx)
DOCS.append(dict(
    name="binh_dai_2020.xlsx", fmt="xlsx", locality="Bình Đại", level="district",
    sheets=[dict(
        title="Bieu 01",
        caption=["ỦY BAN NHÂN DÂN HUYỆN BÌNH ĐẠI",
                 "Biểu 01 - KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2020",
                 "(Kèm theo Báo cáo số 356/BC-UBND ngày 10/12/2020 của UBND huyện Bình Đại)", ""],
        table=Table(
            "Bieu 01",
            header=[["STT", "Chỉ tiêu", "ĐVT", "Năm 2020", None, "Ước TH/KH", "Ghi chú"],
                    ["^", "^", "^", "Kế hoạch", "Ước thực hiện", "^", "^"]],
            has_note=True,
            cols=[T("kh", "2020"), E("uoc", "2020"),
                  P("p", "uoc", "kh", "target", "2020", "estimate", store="frac", dec=1)],
            rows=[
                G("I", "KINH TẾ"),
                R("1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "PV_GROWTH", ["7,5", "3,26", "x"], note="Không đạt"),
                R("2", "Tổng giá trị sản xuất (giá SS 2010)", "Tỷ đồng", "PV_TOTAL", ["13.450", "13.012,6", "r"], note="Không đạt"),
                H("Trong đó:"),
                R("", "- Nông, lâm nghiệp và thủy sản", "Tỷ đồng", "PV_AGRI", ["8.620", "8.312,4", "r"]),
                R("", "- Công nghiệp - xây dựng", "Tỷ đồng", "PV_INDUSTRY_CONSTRUCTION", ["2.180", "2.163,8", "r"]),
                R("", "- Thương mại - dịch vụ", "Tỷ đồng", "PV_SERVICES", ["2.650", "2.536,4", "r"]),
                R("3", "Tổng sản lượng thủy sản", "Tấn", "FISHERY_OUTPUT", ["152.000", "148.625", "r"], note="Không đạt"),
                R("", "- Sản lượng nuôi trồng", "Tấn", None, ["102.000", "98.410", "r"]),
                R("", "- Sản lượng khai thác", "Tấn", None, ["50.000", "50.215", "r"]),
                R("4", "Diện tích nuôi tôm thâm canh, bán thâm canh", "Ha", None, ["3.600", "3.425", "r"]),
                R("5", "Diện tích dừa", "Ha", None, ["5.850", "5.912", "r"], note="Vượt"),
                R("6", "Đàn bò", "Con", "HERD_CATTLE", ["38.000", "36.540", "r"]),
                R("7", "Thu nhập bình quân đầu người", "Triệu đồng/người/năm", "INCOME_PER_CAPITA", ["56", "54,3", "r"]),
                R("8", "Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", "BUDGET_REVENUE_LOCAL", ["135.000", "141.283", "r"], note="Vượt"),
                R("9", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", "INVESTMENT_TOTAL", ["2.900", "2.764,5", "r"]),
                G("II", "XÃ HỘI"),
                R("10", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["3,5", "3,21", "x"], note="Vượt"),
                R("11", "Tỷ lệ tham gia bảo hiểm y tế", "%", "HEALTH_INSURANCE_COVERAGE", ["90,5", "90,82", "r"], fracfmt=True, note="Đạt"),
                R("12", "Tỷ lệ lao động qua đào tạo", "%", "TRAINED_LABOR_RATE", ["68", "68,45", "r"], fracfmt=True, note="Đạt"),
                R("13", "Giải quyết việc làm", "Lao động", "NEW_JOBS", ["2.800", "2.950", "r"], note="Vượt"),
                R("14", "Số xã đạt chuẩn nông thôn mới", "Xã", "NTM_COMMUNES", ["8", "8", "r"], note="Đạt"),
                R("15", "Tỷ lệ hộ sử dụng nước sạch", "%", "CLEAN_WATER_RATE", ["90", "91,2", "r"], fracfmt=True),
                R("16", "Tỷ lệ thu gom rác thải", "%", "WASTE_COLLECTION_RATE", ["85", "86,2", "r"]),
            ]))]))

# =================================================================== X2 Ninh Thuận 2021 (xlsx, 2 sheets, province)
DOCS.append(dict(
    name="ninh_thuan_2021.xlsx", fmt="xlsx", locality="Ninh Thuận", level="province",
    sheets=[
        dict(title="Bieu 01",
             caption=["UBND TỈNH NINH THUẬN", "Biểu 01 - MỘT SỐ CHỈ TIÊU KINH TẾ CHỦ YẾU NĂM 2021", ""],
             table=Table(
                 "Bieu 01",
                 header=[["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện", None, "Năm 2021", None, "So sánh (%)", None],
                         ["^", "^", "^", 2019, 2020, "KH", "Ước TH", "Ước TH/KH", "Ước TH 2021 so với năm 2020"]],
                 stt_numeric=True,
                 cols=[A("t19", "2019"), A("t20", "2020"), T("kh", "2021"), E("uoc", "2021"),
                       P("pkh", "uoc", "kh", "target", "2021", "estimate"),
                       P("p20", "uoc", "t20", "year:2020", "2021", "estimate")],
                 rows=[
                     R("1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "GRDP_GROWTH", ["7,81", "8,2", "9-10", "7,25", "x", "x"]),
                     R("2", "Tổng sản phẩm trên địa bàn (GRDP, giá so sánh 2010)", "Tỷ đồng", None,
                       ["26.420,5", "28.587", "31.300", "30.659,4", "r", "r"]),
                     R("3", "GRDP bình quân đầu người (giá hiện hành)", "Triệu đồng", "GRDP_PER_CAPITA", ["62,4", "67,8", "74", "72,1", "r", "r"]),
                     R("4", "Cơ cấu kinh tế", "%", None, ["100", "100", "100", "100", "x", "x"]),
                     R("", "- Nông, lâm nghiệp và thủy sản", "%", "SHARE_AGRI", ["29,8", "28,6", "27,5", "27,1", "x", "x"]),
                     R("", "- Công nghiệp - xây dựng", "%", "SHARE_INDUSTRY_CONSTRUCTION", ["26,9", "30,2", "32,5", "33,4", "x", "x"]),
                     R("", "- Dịch vụ", "%", "SHARE_SERVICES", ["35,6", "34,1", "33,2", "32,8", "x", "x"]),
                     R("", "- Thuế sản phẩm trừ trợ cấp sản phẩm", "%", None, ["7,7", "7,1", "6,8", "6,7", "x", "x"]),
                     R("5", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", "INVESTMENT_TOTAL", ["19.850", "22.410", "24.000", "21.860,2", "r", "r"]),
                     R("6", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tỷ đồng", "RETAIL_SALES", ["27.350", "26.912", "29.500", "24.850", "r", "r"]),
                     R("7", "Kim ngạch xuất khẩu", "Triệu USD", None, ["180,5", "192,3", "210", "236,8", "r", "r"]),
                     R("8", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "BUDGET_REVENUE_LOCAL", ["3.215,6", "3.560,2", "3.700", "4.310,5", "r", "r"]),
                     R("9", "Chi ngân sách địa phương", "Tỷ đồng", "BUDGET_EXPENDITURE_TOTAL", ["6.840", "7.210,5", "7.050", "7.655,3", "r", "r"]),
                     R("10", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "ENTERPRISES_NEW", ["412", "356", "400", "318", "r", "r"]),
                     R("11", "Sản lượng thủy sản", "Tấn", "FISHERY_OUTPUT", ["118.600", "123.450", "125.000", "126.830", "r", "r"]),
                     R("12", "Sản lượng lương thực", "Nghìn tấn", None, ["225,4", "232,1", "230", "238,6", "r", "r"]),
                 ])),
        dict(title="Bieu 02",
             caption=["UBND TỈNH NINH THUẬN", "Biểu 02 - MỘT SỐ CHỈ TIÊU XÃ HỘI, MÔI TRƯỜNG NĂM 2021", ""],
             table=Table(
                 "Bieu 02",
                 header=[["STT", "Chỉ tiêu", "ĐVT", "TH 2020", "KH 2021", "Ước TH 2021", "Ước TH/KH"]],
                 cols=[A("t20", "2020"), T("kh", "2021"), E("uoc", "2021"),
                       P("p", "uoc", "kh", "target", "2021", "estimate", store="frac", dec=1)],
                 rows=[
                     R("1", "Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)", "%", "POVERTY_RATE", ["5,21", "4,2", "3,94", "x"]),
                     R("2", "Mức giảm tỷ lệ hộ nghèo", "%", "POVERTY_RATE_REDUCTION", ["1,35", "1-1,5", "1,27", "x"]),
                     R("3", "Tỷ lệ lao động qua đào tạo", "%", "TRAINED_LABOR_RATE", ["60,5", "63", "63,2", "r"]),
                     R("4", "Số lao động được giải quyết việc làm", "Người", "NEW_JOBS", ["17.850", "17.000", "16.320", "r"]),
                     R("5", "Đưa lao động đi làm việc ở nước ngoài theo hợp đồng", "Người", "LABOR_EXPORT", ["215", "300", "96", "r"]),
                     R("6", "Tỷ lệ thất nghiệp khu vực thành thị", "%", "UNEMPLOYMENT_URBAN", ["3,7", "3,5", "4,1", "x"]),
                     R("7", "Số bác sĩ/vạn dân", "Bác sĩ/vạn dân", "DOCTORS_PER_10K", ["8,6", "9", "9,1", "r"]),
                     R("8", "Số giường bệnh/vạn dân (không tính giường trạm y tế xã)", "Giường/vạn dân", "BEDS_PER_10K", ["30,2", "31", "31,5", "r"]),
                     R("9", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "HEALTH_INSURANCE_COVERAGE", ["91,6", "92,5", "92,1", "r"], fracfmt=True),
                     R("10", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "CHILD_MALNUTRITION_RATE", ["19,8", "19", "18,9", "x"]),
                     R("11", "Tỷ lệ tăng dân số tự nhiên", "%", "NATURAL_POP_GROWTH", ["1,08", "1,05", "1,02", "x"]),
                     R("12", "Tỷ lệ trường đạt chuẩn quốc gia", "%", None, ["61,5", "64", "64,8", "r"]),
                     R("13", "Tỷ lệ che phủ rừng", "%", "FOREST_COVER_RATE", ["47,1", "47,3", "47,3", "r"], fracfmt=True),
                     R("14", "Tỷ lệ dân số đô thị được sử dụng nước sạch", "%", "CLEAN_WATER_RATE_URBAN", ["98,5", "99", "99,2", "r"]),
                     R("15", "Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh", "%", "HYGIENIC_WATER_RATE", ["97,2", "97,5", "97,6", "r"]),
                     R("16", "Tỷ lệ chất thải nguy hại được xử lý", "%", "HAZARDOUS_WASTE_TREATED_RATE", ["85", "90", "92", "r"]),
                 ])),
    ]))

# =================================================================== X3 Lục Yên 2016 (xlsx with formulas, cached by LibreOffice)
DOCS.append(dict(
    name="luc_yen_2016.xlsx", fmt="xlsx", locality="Lục Yên", level="district", lo_roundtrip=True,
    sheets=[dict(
        title="Bieu 03",
        caption=["UBND HUYỆN LỤC YÊN",
                 "Biểu 03 - KẾT QUẢ SẢN XUẤT NÔNG, LÂM NGHIỆP, THỦY SẢN VÀ XÂY DỰNG NÔNG THÔN MỚI NĂM 2016", ""],
        table=Table(
            "Bieu 03",
            header=[["STT", "Chỉ tiêu", "ĐVT", "TH năm 2015", "KH năm 2016", "TH năm 2016",
                     "TH 2016 so KH (%)", "TH 2016 so TH 2015 (%)"]],
            numbering=[1, 2, 3, 4, 5, 6, 7, 8],
            cols=[A("t15", "2015"), T("kh", "2016"), A("t16", "2016"),
                  P("pkh", "t16", "kh", "target", "2016", store="formula_pct", dec=1),
                  P("p15", "t16", "t15", "year:2015", "2016", store="formula_pct", dec=1)],
            rows=[
                G("I", "Nông nghiệp"),
                R("1", "Tổng sản lượng lương thực có hạt", "Tấn", None, ["28.540", "29.000", "29.215", "r", "r"]),
                R("", "- Sản lượng thóc", "Tấn", "RICE_OUTPUT", ["21.600", "22.000", "22.089", "r", "r"]),
                R("", "- Sản lượng ngô", "Tấn", None, ["6.940", "7.000", "7.126", "r", "r"]),
                R("2", "Diện tích lúa cả năm", "Ha", "RICE_AREA", ["4.215", "4.200", "4.231", "r", "r"]),
                R("3", "Năng suất lúa", "Tạ/ha", "RICE_YIELD", ["51,2", "52", "52,3", "r", "r"]),
                R("4", "Diện tích ngô", "Ha", None, ["1.780", "1.800", "1.792", "r", "r"]),
                R("5", "Tổng đàn trâu, bò", "Con", "HERD_CATTLE", ["21.350", "21.500", "21.410", "r", "r"]),
                R("6", "Tổng đàn lợn", "Con", "HERD_PIGS", ["78.200", "80.000", "81.450", "r", "r"]),
                R("7", "Tổng đàn gia cầm", "1000 con", "HERD_POULTRY", ["512,4", "520", "534,6", "r", "r"]),
                G("II", "Lâm nghiệp"),
                R("8", "Trồng rừng mới", "Ha", None, ["1.450", "1.500", "1.562", "r", "r"]),
                R("9", "Diện tích quế trồng mới", "Ha", None, ["620", "600", "688", "r", "r"]),
                R("10", "Tỷ lệ che phủ rừng", "%", "FOREST_COVER_RATE", ["58,3", "58,6", "58,8", "r", "r"], fracfmt=True),
                R("11", "Sản lượng gỗ rừng trồng khai thác", "m³", None, ["65.400", "68.000", "70.120", "r", "r"]),
                G("III", "Thủy sản"),
                R("12", "Diện tích nuôi trồng thủy sản", "Ha", "AQUACULTURE_AREA", ["1.120", "1.150", "1.148", "r", "r"]),
                R("13", "Sản lượng thủy sản", "Tấn", "FISHERY_OUTPUT", ["1.380", "1.400", "1.445", "r", "r"]),
                G("IV", "Xây dựng nông thôn mới"),
                R("14", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", "NTM_COMMUNES", ["1", "3", "3", "r", "r"]),
                R("15", "Số tiêu chí bình quân/xã", "Tiêu chí", None, ["9,8", "11", "11,2", "r", "r"]),
            ]))]))

# =================================================================== X4 Hoàng Mai 2023 (xlsx, budget, unit note)
DOCS.append(dict(
    name="hoang_mai_2023.xlsx", fmt="xlsx", locality="Hoàng Mai", level="district",
    sheets=[dict(
        title="Bieu 04",
        caption=["UBND THỊ XÃ HOÀNG MAI",
                 "Biểu 04 - ƯỚC THỰC HIỆN THU, CHI NGÂN SÁCH NĂM 2023", "Đơn vị tính: Triệu đồng"],
        table=Table(
            "Bieu 04",
            header=[["STT", "Nội dung", "Dự toán năm 2023", None, "Ước TH năm 2023", "So sánh (%)", None],
                    ["^", "^", "Tỉnh giao", "HĐND thị xã giao", "^", "Dự toán tỉnh giao", "Dự toán HĐND TX giao"]],
            has_dvt=False, unit_note="Triệu đồng",
            cols=[T("tinh", "2023"), T("hd", "2023"), E("uoc", "2023"),
                  P("pt", "uoc", "tinh", "target", "2023", "estimate", store="frac", dec=1),
                  P("ph", "uoc", "hd", "target", "2023", "estimate", store="frac", dec=1)],
            rows=[
                R("A", "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN", None, "BUDGET_REVENUE_LOCAL",
                  ["620.000", "685.000", "742.318", "r", "r"], bold=True),
                R("1", "Thu từ doanh nghiệp nhà nước", None, None, ["18.500", "19.000", "17.240", "r", "r"]),
                R("2", "Thu từ khu vực công thương nghiệp ngoài quốc doanh", None, None, ["165.000", "172.000", "181.655", "r", "r"]),
                R("3", "Thuế thu nhập cá nhân", None, None, ["21.000", "22.500", "24.870", "r", "r"]),
                R("4", "Lệ phí trước bạ", None, None, ["32.000", "34.000", "30.125", "r", "r"]),
                R("5", "Thu tiền sử dụng đất", None, None, ["330.000", "380.000", "425.612", "r", "r"]),
                R("6", "Thu tiền thuê đất", None, None, ["28.500", "30.000", "34.208", "r", "r"]),
                R("7", "Thu phí, lệ phí", None, None, ["9.000", "9.500", "10.240", "r", "r"]),
                R("8", "Thu khác ngân sách", None, None, ["16.000", "18.000", "18.368", "r", "r"]),
                R("B", "TỔNG THU NGÂN SÁCH ĐỊA PHƯƠNG", None, "BUDGET_REVENUE_TOTAL",
                  ["1.105.400", "1.160.400", "1.312.560", "r", "r"], bold=True),
                R("1", "Thu điều tiết ngân sách thị xã được hưởng", None, None, ["452.300", "507.300", "598.740", "r", "r"]),
                R("2", "Thu bổ sung từ ngân sách cấp trên", None, None, ["653.100", "653.100", "713.820", "r", "r"]),
                R("", "- Bổ sung cân đối", None, None, ["512.600", "512.600", "512.600", "r", "r"]),
                R("", "- Bổ sung có mục tiêu", None, None, ["140.500", "140.500", "201.220", "r", "r"]),
                R("C", "TỔNG CHI NGÂN SÁCH ĐỊA PHƯƠNG", None, "BUDGET_EXPENDITURE_TOTAL",
                  ["1.105.400", "1.160.400", "1.248.920", "r", "r"], bold=True),
                R("1", "Chi đầu tư phát triển", None, None, ["298.000", "348.000", "402.155", "r", "r"]),
                R("2", "Chi thường xuyên", None, None, ["785.300", "789.300", "846.765", "r", "r"]),
                H("Trong đó:"),
                R("", "- Chi sự nghiệp giáo dục - đào tạo", None, None, ["365.400", "365.400", "382.910", "r", "r"]),
                R("", "- Chi sự nghiệp môi trường", None, None, ["28.600", "30.600", "31.245", "r", "r"]),
                R("3", "Dự phòng ngân sách", None, None, ["22.100", "23.100", "-", "-", "-"]),
            ]))]))

# =================================================================== X5 Đức Trọng 2022 (xlsx, '%' header, plain numbers)
DOCS.append(dict(
    name="duc_trong_2022.xlsx", fmt="xlsx", locality="Đức Trọng", level="district",
    sheets=[dict(
        title="Bieu 01",
        caption=["ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG",
                 "Biểu 01 - TÌNH HÌNH THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2022", ""],
        table=Table(
            "Bieu 01",
            header=[["TT", "Chỉ tiêu", "ĐVT", "Năm 2021", "Năm 2022", None, "%", None],
                    ["^", "^", "^", "Thực hiện", "Kế hoạch", "Thực hiện", "TH/KH", "TH/CK"]],
            stt_numeric=True,
            cols=[A("t21", "2021"), T("kh", "2022"), A("t22", "2022"),
                  P("pkh", "t22", "kh", "target", "2022"), P("pck", "t22", "t21", "same_period", "2022")],
            rows=[
                R("1", "Tổng giá trị sản xuất (giá SS 2010)", "Tỷ đồng", "PV_TOTAL", ["21.350,6", "23.100", "23.412,8", "r", "r"]),
                R("", "- Nông, lâm nghiệp", "Tỷ đồng", "PV_AGRI", ["9.840,2", "10.350", "10.512,4", "r", "r"]),
                R("", "- Công nghiệp - xây dựng", "Tỷ đồng", "PV_INDUSTRY_CONSTRUCTION", ["5.612,8", "6.150", "6.085,1", "r", "r"]),
                R("", "- Thương mại - dịch vụ", "Tỷ đồng", "PV_SERVICES", ["5.897,6", "6.600", "6.815,3", "r", "r"]),
                R("2", "Thu nhập bình quân đầu người", "Triệu đồng/người/năm", "INCOME_PER_CAPITA", ["68,5", "75", "76,2", "r", "r"]),
                R("3", "Diện tích rau, hoa ứng dụng công nghệ cao", "Ha", None, ["6.850", "7.000", "7.120", "r", "r"]),
                R("4", "Diện tích gieo trồng cây màu", "Ha", "CROPS_AREA", ["14.210", "14.500", "14.630", "r", "r"]),
                R("5", "Sản phẩm OCOP được công nhận (lũy kế)", "Sản phẩm", "OCOP_PRODUCTS", ["12", "18", "21", "r", "r"]),
                R("6", "Hợp tác xã đang hoạt động", "HTX", "COOPERATIVES_TOTAL", ["54", "58", "61", "r", "r"]),
                R("7", "Doanh nghiệp đang hoạt động", "Doanh nghiệp", "ENTERPRISES_TOTAL", ["1.125", "1.200", "1.214", "r", "r"]),
                R("8", "Lượt khách du lịch", "Lượt người", None, ["185.300", "350.000", "412.650", "r", "r"]),
                R("9", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["1,12", "0,9", "0,86", "x", "x"]),
                R("10", "Tỷ lệ hộ cận nghèo", "%", "NEAR_POOR_RATE", ["1,65", "1,5", "1,38", "x", "x"]),
                R("11", "Giải quyết việc làm mới", "Lao động", "NEW_JOBS", ["2.150", "2.200", "2.386", "r", "r"]),
                R("12", "Đào tạo nghề", "Người", "VOCATIONAL_TRAINEES", ["1.020", "1.100", "1.145", "r", "r"]),
                R("13", "Tỷ lệ lao động qua đào tạo", "%", "TRAINED_LABOR_RATE", ["67,5", "69", "69,4", "r", "r"]),
                R("14", "Tỷ lệ lực lượng lao động tham gia bảo hiểm xã hội", "%", "SOCIAL_INSURANCE_COVERAGE", ["14,2", "16", "15,7", "r", "r"]),
                R("15", "Tỷ lệ dân số tham gia BHYT", "%", "HEALTH_INSURANCE_COVERAGE", ["90,8", "92", "91,4", "r", "r"]),
                R("16", "Tỷ lệ xã, thị trấn đạt chuẩn an toàn về an ninh, trật tự", "%", "SECURITY_SAFE_UNITS_RATE", ["100", "100", "100", "r", "r"]),
                R("17", "Số vụ tai nạn giao thông", "Vụ", "TRAFFIC_ACCIDENTS", ["42", "-", "37", "-", "r"]),
            ]))]))

# =================================================================== X6 Hải Hậu 2018 (xlsx, 2 sheets)
DOCS.append(dict(
    name="hai_hau_2018.xlsx", fmt="xlsx", locality="Hải Hậu", level="district",
    sheets=[
        dict(title="Bieu 01",
             caption=["UBND HUYỆN HẢI HẬU", "Biểu 01 - CÁC CHỈ TIÊU KINH TẾ CHỦ YẾU NĂM 2018", ""],
             table=Table(
                 "Bieu 01",
                 header=[["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 2017", "Kế hoạch 2018", "Ước thực hiện 2018",
                          "So với KH (%)", "So với cùng kỳ (%)"]],
                 cols=[A("t17", "2017"), T("kh", "2018"), E("uoc", "2018"),
                       P("pkh", "uoc", "kh", "target", "2018", "estimate", store="frac", dec=2),
                       P("pck", "uoc", "t17", "same_period", "2018", "estimate", store="frac", dec=2)],
                 rows=[
                     R("1", "Tốc độ tăng giá trị sản xuất", "%", "PV_GROWTH", ["9,52", "9,5", "9,68", "r", "x"]),
                     R("2", "Tổng giá trị sản xuất (giá SS 2010)", "Tỷ đồng", "PV_TOTAL", ["16.840,2", "18.400", "18.470,3", "r", "r"]),
                     H("Trong đó:"),
                     R("", "- Nông, lâm nghiệp, thủy sản", "Tỷ đồng", "PV_AGRI", ["4.120,5", "4.230", "4.245,7", "r", "r"]),
                     R("", "- Công nghiệp - TTCN", "Tỷ đồng", "PV_INDUSTRY", ["6.905,3", "7.620", "7.655,2", "r", "r"]),
                     R("", "- Xây dựng", "Tỷ đồng", "PV_CONSTRUCTION", ["2.210,6", "2.450", "2.431,8", "r", "r"]),
                     R("", "- Dịch vụ", "Tỷ đồng", "PV_SERVICES", ["3.603,8", "4.100", "4.137,6", "r", "r"]),
                     R("3", "Giá trị sản xuất trên 1 ha đất canh tác", "Triệu đồng", None, ["152,3", "155", "158,6", "r", "r"]),
                     R("4", "Diện tích lúa gieo cấy", "Ha", "RICE_AREA", ["20.150", "20.000", "19.860", "r", "r"]),
                     R("5", "Năng suất lúa", "Tạ/ha", "RICE_YIELD", ["63,8", "64", "64,2", "r", "r"]),
                     R("6", "Sản lượng lúa", "Tấn", "RICE_OUTPUT", ["128.557", "128.000", "127.501", "r", "r"]),
                     R("7", "Sản lượng muối", "Tấn", None, ["42.300", "45.000", "46.120", "r", "r"]),
                     R("8", "Sản lượng thủy sản", "Tấn", "FISHERY_OUTPUT", ["38.650", "40.000", "41.210", "r", "r"]),
                     R("9", "Tổng đàn lợn", "Con", "HERD_PIGS", ["132.400", "135.000", "128.650", "r", "r"]),
                     R("10", "Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", "BUDGET_REVENUE_LOCAL", ["285.610", "260.500", "312.450", "r", "r"]),
                     R("11", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", "INVESTMENT_TOTAL", ["2.850", "3.100", "3.215,5", "r", "r"]),
                 ])),
        dict(title="Bieu 02",
             caption=["UBND HUYỆN HẢI HẬU", "Biểu 02 - CÁC CHỈ TIÊU VĂN HÓA - XÃ HỘI NĂM 2018", ""],
             table=Table(
                 "Bieu 02",
                 header=[["TT", "Chỉ tiêu", "ĐVT", "Năm 2018", None, "Đạt (%) so NQ"],
                         ["^", "^", "^", "Chỉ tiêu NQ", "Ước TH", "^"]],
                 cols=[T("nq", "2018"), E("uoc", "2018"),
                       P("p", "uoc", "nq", "target", "2018", "estimate", store="typed", dec=1)],
                 rows=[
                     R("1", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", "NTM_COMMUNES", ["33", "33", "r"]),
                     R("2", "Xã đạt chuẩn nông thôn mới nâng cao", "Xã", "NTM_ADVANCED_COMMUNES", ["6", "8", "r"]),
                     R("3", "Xã đạt chuẩn nông thôn mới kiểu mẫu", "Xã", "NTM_MODEL_COMMUNES", ["3", "4", "r"]),
                     R("4", "Số trường đạt chuẩn quốc gia", "Trường", "NATIONAL_STANDARD_SCHOOLS", ["104", "106", "r"]),
                     R("", "- Mầm non", "Trường", None, ["34", "35", "r"]),
                     R("", "- Tiểu học", "Trường", None, ["36", "37", "r"]),
                     R("", "- Trung học cơ sở", "Trường", None, ["34", "34", "r"]),
                     R("5", "Tỷ lệ huy động trẻ mẫu giáo ra lớp", "%", "ENROLLMENT_PRESCHOOL", ["99,5", "99,8", "r"]),
                     R("6", "Tỷ lệ học sinh tiểu học đi học đúng độ tuổi", "%", "ENROLLMENT_PRIMARY", ["100", "100", "r"]),
                     R("7", "Tỷ lệ dân số tham gia BHYT", "%", "HEALTH_INSURANCE_COVERAGE", ["87", "88,4", "r"]),
                     R("8", "Số bác sĩ/vạn dân", "Bác sĩ/vạn dân", "DOCTORS_PER_10K", ["6,5", "6,8", "r"]),
                     R("9", "Tỷ lệ tăng dân số tự nhiên", "‰", "NATURAL_POP_GROWTH", ["8,5", "8,2", "x"]),
                     R("10", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["2,5", "2,31", "x"]),
                     R("11", "Tỷ lệ hộ sử dụng nước sạch", "%", "CLEAN_WATER_RATE", ["95", "96,3", "r"]),
                     R("12", "Số lao động được tạo việc làm mới", "Người", "NEW_JOBS", ["4.500", "4.680", "r"]),
                     R("13", "Xuất khẩu lao động", "Người", "LABOR_EXPORT", ["800", "912", "r"]),
                     R("14", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "%", "PARTY_ORGS_GOOD_RATE", ["85", "88,6", "r"]),
                     R("15", "Kết nạp đảng viên mới", "Đảng viên", "PARTY_MEMBERS_NEW", ["300", "326", "r"]),
                 ])),
    ]))

# =================================================================== S1 Thoại Sơn 2017 (xls, formulas)
DOCS.append(dict(
    name="thoai_son_2017.xls", fmt="xls", locality="Thoại Sơn", level="district",
    sheets=[dict(
        title="Bieu 01",
        caption=["ỦY BAN NHÂN DÂN HUYỆN THOẠI SƠN",
                 "Biểu 01 - KẾT QUẢ THỰC HIỆN CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2017", ""],
        table=Table(
            "Bieu 01",
            header=[["STT", "Chỉ tiêu", "ĐVT", "TH 2016", "KH 2017", "Ước TH 2017", "Ước TH so KH (%)",
                     "Ước TH so TH 2016 (%)"]],
            cols=[A("t16", "2016"), T("kh", "2017"), E("uoc", "2017"),
                  P("pkh", "uoc", "kh", "target", "2017", "estimate", store="formula_pct"),
                  P("p16", "uoc", "t16", "year:2016", "2017", "estimate", store="formula_pct")],
            rows=[
                R("1", "Tổng giá trị sản xuất", "Tỷ đồng", "PV_TOTAL", ["15.320,4", "16.500", "16.612,7", "r", "r"]),
                R("", "- Khu vực I (nông, lâm, thủy sản)", "Tỷ đồng", "PV_AGRI", ["7.110,2", "7.450", "7.398,5", "r", "r"],
                  ind="khu vực i (nông, lâm, thủy sản)"),
                R("", "- Khu vực II (công nghiệp - xây dựng)", "Tỷ đồng", "PV_INDUSTRY_CONSTRUCTION", ["3.985,6", "4.400", "4.452,1", "r", "r"],
                  ind="khu vực ii (công nghiệp - xây dựng)"),
                R("", "- Khu vực III (thương mại - dịch vụ)", "Tỷ đồng", "PV_SERVICES", ["4.224,6", "4.650", "4.762,1", "r", "r"],
                  ind="khu vực iii (thương mại - dịch vụ)"),
                R("2", "Diện tích gieo trồng lúa cả năm", "Ha", "RICE_AREA", ["88.650", "88.000", "88.412", "r", "r"]),
                R("", "- Vụ Đông Xuân", "Ha", None, ["30.120", "30.000", "30.085", "r", "r"]),
                R("", "- Vụ Hè Thu", "Ha", None, ["30.050", "30.000", "30.041", "r", "r"]),
                R("", "- Vụ Thu Đông", "Ha", None, ["28.480", "28.000", "28.286", "r", "r"]),
                R("3", "Năng suất lúa bình quân", "Tấn/ha", "RICE_YIELD", ["6,42", "6,5", "6,48", "r", "r"]),
                R("4", "Sản lượng lúa", "Tấn", "RICE_OUTPUT", ["569.133", "572.000", "572.910", "r", "r"]),
                R("5", "Diện tích rau màu", "Ha", "CROPS_AREA", ["3.150", "3.500", "3.420", "r", "r"]),
                R("6", "Sản lượng cá tra nuôi", "Tấn", None, ["12.400", "13.000", "12.860", "r", "r"]),
                R("7", "Thu ngân sách trên địa bàn", "Triệu đồng", "BUDGET_REVENUE_LOCAL", ["98.240", "102.000", "118.650", "r", "r"]),
                R("8", "Thu nhập bình quân đầu người", "Triệu đồng", "INCOME_PER_CAPITA", ["45,2", "48", "48,6", "r", "r"]),
                R("9", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["3,82", "3,2", "3,05", "x", "x"]),
                R("10", "Số xã đạt chuẩn nông thôn mới", "Xã", "NTM_COMMUNES", ["4", "6", "6", "r", "r"]),
                R("11", "Tỷ lệ dân số tham gia BHYT", "%", "HEALTH_INSURANCE_COVERAGE", ["78,4", "82", "83,1", "r", "r"]),
                R("12", "Tỷ lệ hộ sử dụng nước sạch", "%", "CLEAN_WATER_RATE", ["92,5", "94", "94,6", "r", "r"]),
            ]))]))

# =================================================================== S2 Quảng Trị 2024 (xls, plan, province)
DOCS.append(dict(
    name="quang_tri_2024.xls", fmt="xls", locality="Quảng Trị", level="province",
    sheets=[dict(
        title="Bieu 01",
        caption=["ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
                 "Biểu 01 - CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024", ""],
        table=Table(
            "Bieu 01",
            header=[["STT", "Chỉ tiêu", "ĐVT", "Năm 2023", None, "Kế hoạch năm 2024", "So sánh (%)", None],
                    ["^", "^", "^", "Kế hoạch", "Ước thực hiện", "^", "Ước 2023/KH 2023", "KH 2024/Ước 2023"]],
            cols=[T("kh23", "2023"), E("uoc23", "2023"), T("kh24", "2024"),
                  P("p23", "uoc23", "kh23", "target", "2023", "estimate", store="formula_frac", dec=1),
                  P("p24", "kh24", "uoc23", "year:2023", "2024", "estimate", store="formula_pct", dec=1)],
            rows=[
                R("1", "Tốc độ tăng trưởng GRDP", "%", "GRDP_GROWTH", ["7-7,5", "6,25", "7-7,5", "x", "x"]),
                R("2", "GRDP bình quân đầu người", "Triệu đồng", "GRDP_PER_CAPITA", ["66", "67,2", "73", "r", "r"]),
                Row("3", "Cơ cấu kinh tế:", kind="group", bold=False),
                R("", "- Nông, lâm nghiệp và thủy sản", "%", "SHARE_AGRI", ["20,2", "20,46", "19,8", "x", "x"]),
                R("", "- Công nghiệp - xây dựng", "%", "SHARE_INDUSTRY_CONSTRUCTION", ["28,1", "27,6", "28,7", "x", "x"]),
                R("", "- Dịch vụ", "%", "SHARE_SERVICES", ["44,8", "45,2", "44,9", "x", "x"]),
                R("", "- Thuế sản phẩm trừ trợ cấp sản phẩm", "%", None, ["6,9", "6,74", "6,6", "x", "x"]),
                R("4", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "INVESTMENT_TOTAL", ["21.500", "20.845", "23.800", "r", "r"]),
                R("5", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "BUDGET_REVENUE_LOCAL", ["3.810", "3.365,2", "3.955", "r", "r"]),
                R("6", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tỷ đồng", "RETAIL_SALES", ["38.500", "39.120,6", "43.000", "r", "r"]),
                R("7", "Kim ngạch xuất khẩu", "Triệu USD", None, ["420", "358,4", "400", "r", "r"]),
                R("8", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "ENTERPRISES_NEW", ["500", "465", "500", "r", "r"]),
                R("9", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", None, ["67,2", "67,8", "71,3", "x", "x"]),
                R("10", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", "NTM_COMMUNES", ["69", "69", "72", "r", "r"]),
                R("11", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["6,9", "6,52", "5,2", "x", "x"]),
                R("12", "Mức giảm tỷ lệ hộ nghèo", "%", "POVERTY_RATE_REDUCTION", ["1,5", "1,68", "1,5", "r", "r"]),
                R("13", "Tỷ lệ lao động qua đào tạo", "%", "TRAINED_LABOR_RATE", ["67", "67,3", "69", "r", "r"]),
                R("", "- Trong đó: Có văn bằng, chứng chỉ", "%", "TRAINED_LABOR_CERTIFIED_RATE", ["29", "29,2", "31", "r", "r"]),
                R("14", "Số lao động được giải quyết việc làm", "Người", "NEW_JOBS", ["12.500", "13.120", "12.500", "r", "r"]),
                R("15", "Số bác sĩ/vạn dân", "Bác sĩ/vạn dân", "DOCTORS_PER_10K", ["12,8", "12,9", "13,2", "r", "r"]),
                R("16", "Tỷ lệ bao phủ bảo hiểm y tế", "%", "HEALTH_INSURANCE_COVERAGE", ["95,3", "95,6", "96", "r", "r"]),
                R("17", "Tỷ lệ che phủ rừng", "%", "FOREST_COVER_RATE", ["50,3", "50,5", "50,6", "r", "r"]),
                R("18", "Tỷ lệ đô thị hóa", "%", "URBANIZATION_RATE", ["32,5", "32,8", "33,5", "r", "r"]),
            ]))]))

# =================================================================== S3 Mường Tè 2020 (xls, term end, times column)
DOCS.append(dict(
    name="muong_te_2020.xls", fmt="xls", locality="Mường Tè", level="district",
    sheets=[dict(
        title="Bieu 01",
        caption=["UBND HUYỆN MƯỜNG TÈ",
                 "Biểu 01 - KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN NHIỆM KỲ 2015 - 2020", ""],
        table=Table(
            "Bieu 01",
            header=[["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2015", "Chỉ tiêu Nghị quyết đến năm 2020",
                     "Ước thực hiện năm 2020", "Ước TH so NQ (%)", "Ước TH 2020 so năm 2015 (lần)"]],
            cols=[A("t15", "2015"), T("nq", "2020"), E("uoc", "2020"),
                  P("pnq", "uoc", "nq", "target", "2020", "estimate", store="formula_pct", dec=1),
                  X("x15", "uoc", "t15", "year:2015", "2020", "estimate", store="formula_times", dec=2)],
            rows=[
                R("1", "Tốc độ tăng trưởng giá trị sản xuất bình quân giai đoạn 2016 - 2020", "%/năm", "PV_GROWTH",
                  ["-", "12", "12,6", "r", "x"]),
                R("2", "Tổng giá trị sản xuất (giá hiện hành)", "Tỷ đồng", "PV_TOTAL", ["1.215,6", "2.100", "2.186,4", "r", "r"]),
                R("3", "Thu nhập bình quân đầu người", "Triệu đồng/người/năm", "INCOME_PER_CAPITA", ["9,8", "20", "21,3", "r", "r"]),
                R("4", "Tổng sản lượng lương thực có hạt", "Tấn", None, ["14.850", "18.000", "18.420", "r", "r"]),
                R("5", "Diện tích lúa cả năm", "Ha", "RICE_AREA", ["2.650", "3.000", "3.012", "r", "r"]),
                R("6", "Tổng đàn gia súc", "Con", "HERD_LIVESTOCK", ["31.200", "42.000", "43.650", "r", "r"]),
                R("7", "Diện tích trồng sâm Lai Châu", "Ha", None, ["2,5", "50", "64,8", "r", "r"]),
                R("8", "Tỷ lệ che phủ rừng", "%", "FOREST_COVER_RATE", ["55,1", "58", "58,6", "r", "x"]),
                R("9", "Thu ngân sách trên địa bàn", "Triệu đồng", "BUDGET_REVENUE_LOCAL", ["14.560", "30.000", "41.250", "r", "r"]),
                R("10", "Tỷ lệ hộ nghèo", "%", "POVERTY_RATE", ["58,4", "Dưới 35", "33,2", "x", "x"]),
                R("11", "Mức giảm tỷ lệ hộ nghèo bình quân hằng năm", "%", "POVERTY_RATE_REDUCTION", ["-", "4-5", "5,04", "x", "x"]),
                R("12", "Số xã đạt chuẩn nông thôn mới", "Xã", "NTM_COMMUNES", ["0", "3", "3", "r", "x"]),
                R("13", "Tỷ lệ trường đạt chuẩn quốc gia", "%", None, ["12,5", "40", "42,6", "r", "x"]),
                R("14", "Số trường đạt chuẩn quốc gia", "Trường", "NATIONAL_STANDARD_SCHOOLS", ["5", "16", "17", "r", "r"]),
                R("15", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "HEALTH_INSURANCE_COVERAGE", ["96,5", "98", "99,1", "r", "x"]),
                R("16", "Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh", "%", "HYGIENIC_WATER_RATE", ["72", "85", "86,4", "r", "x"]),
                R("17", "Tỷ lệ hộ sử dụng điện lưới quốc gia", "%", "ELECTRICITY_ACCESS_RATE", ["68,5", "85", "87,2", "r", "x"]),
                R("18", "Tỷ lệ lao động qua đào tạo", "%", "TRAINED_LABOR_RATE", ["25", "40", "41,5", "r", "x"]),
            ]))]))


# ------------------------------------------------------------------ per-row period overrides
# The growth row of Mường Tè names its own span in the label ('bình quân giai đoạn 2016 - 2020'):
# FACTS.md rule 1 (a span named in the same clause wins) -> period '2016-2020' for its cells.
PERIOD_OVERRIDE = {("muong_te_2020.xls", "Bieu 01", "1"): "2016-2020"}


# ------------------------------------------------------------------ builders
def build_docx(doc, path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    d = docx.Document()
    for line in doc["head"]:
        p = d.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for r in p.runs:
            r.bold = line.isupper() or line.startswith("Biểu") or line.startswith("Phụ lục")
    facts = []
    for block in doc["blocks"]:
        if block[0] == "p":
            d.add_paragraph(block[1])
            for pf in (block[2] if len(block) > 2 else []):
                f = dict(pf)
                f.update(locality=doc["locality"], locality_level=doc["level"], source="prose",
                         table=None, row=None, col=None)
                f.setdefault("value_high", None)
                facts.append(f)
        else:
            table = block[1]
            cells = compute_cells(table)
            row_of = render_docx_table(d, table, cells)
            d.add_paragraph("")

            def value_of(col, cell, row):
                return cell["rounded"] if cell["ratio"] else cell["value"]
            facts += facts_for_table(doc, table, cells, row_of, value_of, "docx")
    d.save(path)
    return facts


def build_xlsx(doc, path):
    import openpyxl
    from openpyxl.styles import Font
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    facts = []
    for sh in doc["sheets"]:
        ws = wb.create_sheet(sh["title"])
        table = sh["table"]
        for k, line in enumerate(sh["caption"]):
            if line:
                c = ws.cell(row=k + 1, column=1, value=line)
                c.font = Font(bold=True)
                ws.merge_cells(start_row=k + 1, start_column=1, end_row=k + 1, end_column=ncols(table))
        cells = compute_cells(table)
        row_of, value_of = render_xlsx_table(ws, table, cells, len(sh["caption"]) + 1)
        facts += facts_for_table(doc, table, cells, row_of, value_of, "xlsx")
    wb.save(path)
    return facts


def soffice_convert(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, capture_output=True)


def split_files(names):
    """Fixed-seed random split by file, stratified by format so both halves mix formats."""
    rng = random.Random(SEED)
    dev, held = [], []
    for fmt in ("docx", "xlsx", "xls"):
        group = sorted(n for n in names if n.endswith("." + fmt))
        rng.shuffle(group)
        k = len(group) // 2 if len(dev) >= len(held) else (len(group) + 1) // 2
        dev += group[:k]
        held += group[k:]
    return sorted(dev), sorted(held)


def main():
    have_soffice = shutil.which("soffice") is not None
    names = [d["name"] for d in DOCS if d["fmt"] != "xls" or have_soffice]
    dev, held = split_files(names)
    split_of = {n: "dev" for n in dev}
    split_of.update({n: "heldout" for n in held})
    for s in ("dev", "heldout"):
        d = os.path.join(HERE, s)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    manifest = []
    tmp = tempfile.mkdtemp(prefix="tableset_")
    for doc in DOCS:
        if doc["name"] not in split_of:
            print(f"skip {doc['name']} (no soffice)")
            continue
        outdir = os.path.join(HERE, split_of[doc["name"]])
        out = os.path.join(outdir, doc["name"])
        if doc["fmt"] == "docx":
            facts = build_docx(doc, out)
        elif doc["fmt"] == "xlsx" and not doc.get("lo_roundtrip"):
            facts = build_xlsx(doc, out)
        else:
            base = os.path.splitext(doc["name"])[0]
            src = os.path.join(tmp, base + ".xlsx")
            facts = build_xlsx(doc, src)
            if doc["fmt"] == "xls":
                soffice_convert(src, "xls", outdir)
            else:  # xlsx with formulas: let LibreOffice compute and cache the results
                tmp2 = os.path.join(tmp, "rt")
                os.makedirs(tmp2, exist_ok=True)
                soffice_convert(src, "xlsx:Calc MS Excel 2007 XML", tmp2)
                shutil.move(os.path.join(tmp2, base + ".xlsx"), out)
        # period overrides keyed by (file, table, STT)
        for f in facts:
            for (fn, tb, stt), per in PERIOD_OVERRIDE.items():
                if fn == doc["name"] and f["table"] == tb and f.get("_stt") == stt:
                    f["period"] = per
        ordered = []
        for f in facts:
            f.pop("_stt", None)
            ordered.append({k: f.get(k) for k in (
                "value", "value_high", "unit", "unit_text", "measure", "compared_to", "qualifier", "period",
                "locality", "locality_level", "indicator", "indicator_code", "source", "table", "row", "col", "num")})
        write_jsonl(out + ".jsonl", ordered)
        manifest.append(dict(file=doc["name"], split=split_of[doc["name"]], format=doc["fmt"],
                             locality=doc["locality"], level=doc["level"], facts=len(ordered)))
        print(f"{split_of[doc['name']]:8s} {doc['name']:24s} {len(ordered):4d} facts")
    shutil.rmtree(tmp, ignore_errors=True)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(dict(seed=SEED, files=manifest), fh, ensure_ascii=False, indent=1)
    for s in ("dev", "heldout"):
        n = [m for m in manifest if m["split"] == s]
        print(f"{s}: {len(n)} files, {sum(m['facts'] for m in n)} facts")


if __name__ == "__main__":
    main()
