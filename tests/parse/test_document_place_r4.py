"""Which place a whole text is about, in families the document-level labels of 63 unseen texts
showed (eval/documents, dev part), each with sentences of our own (invented, with invented
numbers): a commune's own meeting or congress reported as news, a headline naming a district
with its province, a district introduced by where it lies in its province, a town abbreviated
`TT.`."""

NO_HEADER: list[str] = []


# --- a commune's own bodies meeting: the news is the commune's ---------------------------------

def test_a_commune_council_session_is_the_communes(extract):
    get = extract(["Ngày 20/12, HĐND xã Tân Phước khóa XII tổ chức kỳ họp thứ tám.",
                   "Năm 2023, tổng thu ngân sách xã đạt 5,2 tỷ đồng, thu nhập bình quân đầu người 58 triệu đồng."],
                  header=NO_HEADER)
    assert (get("5,2").locality, get("5,2").locality_level) == ("Tân Phước", "commune")
    assert get("58").locality == "Tân Phước"


def test_a_ward_party_congress_is_the_wards(extract):
    get = extract(["Đại hội đại biểu Đảng bộ phường Phú Lợi lần thứ XIII, nhiệm kỳ 2025 - 2030 khai mạc sáng nay.",
                   "Nhiệm kỳ qua, thu ngân sách trên địa bàn phường đạt 410 tỷ đồng."],
                  header=NO_HEADER)
    assert get("410").locality == "Phú Lợi"


def test_a_district_council_naming_a_commune_stays_the_districts(extract):
    # the district's own body is named: the commune is one place among its figures
    get = extract(["Kỳ họp thứ 9 HĐND huyện Tiên Du khóa XX bế mạc.",
                   "Năm 2023, toàn huyện thu ngân sách đạt 1.250 tỷ đồng; HĐND xã Lạc Vệ đã chất vấn 4 nội dung."],
                  header=NO_HEADER)
    assert get("1.250").locality == "Tiên Du"


# --- a headline naming a district with its province ---------------------------------------------

def test_a_city_with_its_province_in_brackets_heads_the_news(extract):
    get = extract(["TP. Bảo Lộc (Lâm Đồng): Sức bật mới sau 30 năm thành lập",
                   "Phát biểu tại lễ kỷ niệm, Chủ tịch UBND tỉnh đề nghị thành phố trở thành cực tăng trưởng của tỉnh.",
                   "Năm 2023, thu ngân sách trên địa bàn đạt 1.120 tỷ đồng, đóng góp lớn cho tỉnh, theo Tỉnh ủy."],
                  header=NO_HEADER)
    assert (get("1.120").locality, get("1.120").locality_level) == ("Bảo Lộc", "district")


def test_a_district_abbreviated_h_with_its_province_after_a_comma(extract):
    get = extract(["H. Tiên Du, Bắc Ninh: Về đích nông thôn mới nâng cao",
                   "6 tháng đầu năm 2023, tổng giá trị sản xuất của huyện đạt 9.800 tỷ đồng."],
                  header=NO_HEADER)
    assert get("9.800").locality == "Tiên Du"


# --- a district introduced by where it lies ------------------------------------------------------

def test_a_district_that_lies_in_the_middle_of_its_province(extract):
    get = extract(["Phú Tân là một huyện nằm ở phía đông bắc tỉnh An Giang, giáp huyện Châu Phú và thị xã Tân Châu.",
                   "Diện tích tự nhiên của huyện là 31.000 ha."],
                  header=NO_HEADER)
    assert get("31.000").locality == "Phú Tân"


# --- a town abbreviated 'TT.' -------------------------------------------------------------------

def test_a_town_abbreviated_tt_names_its_district(extract):
    get = extract(["Mục tiêu nhiệm kỳ: TT.Ái Nghĩa lên đô thị loại IV. Toàn huyện có 93% hộ dùng nước sạch."],
                  header=NO_HEADER)
    assert get("93").locality == "Đại Lộc"


# --- news of a congress opening a term, naming no year of its own ---------------------------------

CONGRESS_NEWS = ["Đại hội Đảng bộ xã Tân Phước lần thứ XV, nhiệm kỳ 2025 - 2030, họp trong hai ngày.",
                 "Nhiệm kỳ qua, mỗi người dân có thu nhập 64 triệu đồng/năm; hộ nghèo còn 3,2%.",
                 "Đại hội thống nhất mục tiêu: thu ngân sách 39 tỷ đồng; hộ nghèo dưới 1%."]


def test_a_congress_reviews_the_term_before_it(extract):
    get = extract(CONGRESS_NEWS, header=NO_HEADER)
    assert (get("64").measure, get("64").period) == ("actual", "2020-2025")
    assert get("3,2").period == "2020-2025"


def test_a_congress_sets_targets_for_the_term_it_opens(extract):
    get = extract(CONGRESS_NEWS, header=NO_HEADER)
    assert (get("39").measure, get("39").period) == ("target", "2025-2030")
    assert (get("1").measure, get("1").period) == ("target", "2025-2030")


def test_a_congress_text_is_of_its_term_not_of_a_year_its_review_names_once(extract):
    get = extract(["Đại hội Đảng bộ huyện Cần Giuộc lần thứ XI, nhiệm kỳ 2020 - 2025 khai mạc",
                   "Nông nghiệp tăng bình quân 4,1%/năm; thu nhập mỗi người từ 33 triệu đồng năm 2015 nay "
                   "lên 71 triệu đồng."],
                  header=NO_HEADER)
    assert get("4,1").period == "2015-2020"


def test_a_years_programme_preparing_the_congress_keeps_its_year(extract):
    get = extract(["Chương trình công tác năm 2024: chuẩn bị tốt Đại hội Đảng bộ huyện nhiệm kỳ 2025 - 2030.",
                   "Năm 2024 phấn đấu thu ngân sách đạt 420 tỷ đồng; kết nạp 150 đảng viên trong năm 2024."],
                  header=NO_HEADER)
    assert get("420").period == "2024"


# --- a text naming no year of its own: a date cited in its first paragraph is no page stamp ------

def test_a_founding_decisions_date_is_not_the_texts_year(extract):
    get = extract(["Huyện Bắc Tân Uyên ra đời theo Nghị quyết số 12/NQ-CP ngày 05/03/2013 của Chính phủ, bắt đầu "
                   "làm việc từ ngày 15/06/2013, rộng 40.000 ha với 10 xã, thị trấn, một vùng đất còn nhiều khó "
                   "khăn khi mới thành lập.",
                   "Tính đến 30/11/2021, huyện có 187 dự án đầu tư."],
                  header=NO_HEADER)
    assert get("187").period == "2021"
    assert get("40.000").period == "2021"


def test_a_page_stamp_on_its_own_line_still_dates_the_text(extract):
    get = extract(["05:21, 21/09/2023", "6 tháng đầu năm, thu ngân sách tăng 14% so với cùng kỳ, đạt 96 tỷ đồng."],
                  header=NO_HEADER)
    assert get("96").period == "2023"


# --- a paragraph opening on its year -------------------------------------------------------------

def test_a_year_opening_the_paragraph_covers_its_later_sentences(extract):
    get = extract(["Huyện Na Hang bàn nhiệm vụ năm 2024.",
                   "Năm 2023 ngành nông nghiệp của huyện có bước tiến. Giá trị sản xuất nông nghiệp đạt "
                   "1.420 tỷ đồng; sản lượng lương thực 31.000 tấn.",
                   "Năm 2024 huyện phấn đấu trồng mới 1.500 ha rừng."],
                  header=NO_HEADER)
    assert get("1.420").period == "2023"
    assert get("31.000").period == "2023"
    assert get("1.500").period == "2024"


def test_a_horizon_opening_the_paragraph_is_its_own_sentences_only(extract):
    get = extract(["Kế hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025 của huyện Na Hang",
                   "Đến năm 2025, tỷ lệ lao động qua đào tạo đạt 70%. Hằng năm giải quyết việc làm cho 1.200 lao động."],
                  header=NO_HEADER)
    assert get("70").period == "2025"
    assert get("1.200").period != "2025"


def test_a_year_named_as_last_years_is_not_the_texts(extract):
    get = extract(["Lục Yên: quế cho thu nhập cao hơn so với năm 2018",
                   "Năm nay người trồng quế ước thu 640 tỷ đồng, nhiều hơn năm ngoái (năm 2018 thu "
                   "520 tỷ đồng)."],
                  header=NO_HEADER)
    assert get("640").period == "2019"


def test_a_text_naming_its_time_only_as_a_span_is_about_the_span(extract):
    get = extract(["Sa Pa: năm năm nhìn lại",
                   "Suốt 5 năm, thị xã làm được nhiều việc. Công nghiệp giai đoạn 2016 - 2020 tăng bình quân "
                   "5,3%/năm; du lịch tăng 14%/năm; thị xã có 12 trường đạt chuẩn quốc gia."],
                  header=NO_HEADER)
    assert get("12").period == "2016-2020"


# --- a city's news that never names its province; a commune heading the news --------------------

def test_the_provinces_bodies_named_by_level_do_not_make_a_citys_text_the_provinces(extract):
    get = extract(["Năm 2023, thành phố Tam Kỳ hoàn thành 18 chỉ tiêu. Thu ngân sách ước 870 tỷ đồng; UBND tỉnh khen "
                   "6 tập thể của thành phố.",
                   "Lãnh đạo UBND tỉnh dự hội nghị, đề nghị giữ tiến độ các dự án của tỉnh; năm 2024, thành phố Tam "
                   "Kỳ phấn đấu lên đô thị loại I."],
                  header=NO_HEADER)
    assert (get("870").locality, get("870").locality_level) == ("Tam Kỳ", "district")


def test_a_commune_heading_the_news_is_its_subject(extract):
    get = extract(["Xã Tam Hiệp đón bằng công nhận nông thôn mới kiểu mẫu",
                   "Hôm qua, xã Tam Hiệp (Núi Thành) nhận bằng công nhận. Xã rộng 3.900 ha, có 9.400 người; "
                   "năm 2024 mỗi người dân có thu nhập 62 triệu đồng."],
                  header=NO_HEADER)
    assert (get("62").locality, get("62").locality_level) == ("Tam Hiệp", "commune")


def test_a_page_dated_long_after_its_only_base_is_of_the_pages_year(extract):
    get = extract(["Tri Tôn về đích nông thôn mới", "10:05 15/10/2019",
                   "Nay mỗi người dân có thu nhập 41 triệu đồng/người/năm, gấp 2,5 lần so năm 2011."],
                  header=NO_HEADER)
    assert get("41").period == "2019"


def test_a_base_of_last_year_still_dates_a_text_published_early_the_next(extract):
    get = extract(["Thu ngân sách vượt dự toán", "Ngày đăng: 07/01/2023",
                   "Cả năm, thu ngân sách trên địa bàn huyện đạt 310 tỷ đồng, tăng 12% so với năm 2021."],
                  header=NO_HEADER)
    assert get("310").period == "2022"


# --- a text opening on the main targets of a term ------------------------------------------------

def test_a_text_opening_on_a_terms_main_targets_sets_targets(extract):
    get = extract([" date 2020-09 MỘT SỐ CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025 1. Giá trị sản xuất tăng bình quân 14%/năm. "
                   "2. Thu nhập mỗi người đến năm 2025: 70 triệu đồng. 3. Lương thực mỗi năm: 31.000 tấn."],
                  header=NO_HEADER)
    assert (get("14").measure, get("14").period) == ("target", "2020-2025")
    assert (get("70").measure, get("70").period) == ("target", "2025")
    assert get("31.000").measure == "target"


def test_a_results_text_naming_targets_later_keeps_its_results(extract):
    get = extract(["Năm 2020, tổng giá trị sản xuất của huyện đạt 9.100 tỷ đồng. Các chỉ tiêu chủ yếu nhiệm kỳ "
                   "2020 - 2025 được Đại hội thông qua."],
                  header=NO_HEADER)
    assert (get("9.100").measure, get("9.100").period) == ("actual", "2020")


def test_a_commune_name_shared_by_many_districts_resolves_the_same_in_every_process(tmp_path):
    import os
    import subprocess
    import sys
    path = tmp_path / "long-binh.txt"
    path.write_text("Sáu tháng đầu năm 2024, xã Long Bình thu ngân sách 31 tỷ đồng; xã Long Bình có 4 hợp tác xã.\n",
                    encoding="utf-8")
    outs = {subprocess.run([sys.executable, "-m", "baocao.cli", "extract", str(path), "--format", "document"],
                           capture_output=True, text=True, env=os.environ | {"PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3", "5")}
    assert len(outs) == 1
