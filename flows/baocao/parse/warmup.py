"""Imported by the parse forkserver (isolation.py): everything a parse builds lazily is built
once here, so each child forked from it starts warm instead of building it again for every
file: the catalogues and gazetteer, the per-unit-class alias indexes, and the regular
expressions the rules compile on first use (a short report in our own words runs through the
common paths). A cold child spent ~80% of a sample's parse on these before."""

from baocao.parse import indicators
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

for uclass in {None, "", *indicators.COMPATIBLE, *(c for cs in indicators.COMPATIBLE.values() for c in cs)}:
    for core_only in (True, False):
        indicators._by_first_word(uclass, core_only)
