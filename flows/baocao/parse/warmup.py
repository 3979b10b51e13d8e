"""Imported by the parse forkserver (isolation.py): reads every catalogue and gazetteer once,
so each child forked from it starts with them loaded instead of reading them again."""

from baocao.parse.extract import parse_lines

parse_lines([
    "BÁO CÁO",
    "kết quả thực hiện nhiệm vụ năm 2023 của Ủy ban nhân dân huyện Tiểu Cần, tỉnh Trà Vinh",
    "Tổng giá trị sản xuất đạt 1.000 tỷ đồng, tăng 5% so cùng kỳ; xã Tân Hòa có 120 hộ nghèo (2,1%).",
])
