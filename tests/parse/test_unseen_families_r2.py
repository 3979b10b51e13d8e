"""Phrasing families of a third set of unseen reports (dev3), each with sentences of our own
(invented, with invented numbers; not copied from any text): a text with no year of its own
counting its figures to a cut-off date, a season named as a comparison base that is no period
of the sentences after it, and an estimate cue leading a list."""

NO_HEADER: list[str] = []


# --- a text naming no year of its own, counting to a cut-off date -----------------------------

def test_a_cut_off_date_gives_an_untitled_text_its_year(extract):
    get = extract(["2. Chăn nuôi",
                   "Đàn bò có 3.150 con, tăng 2,4% so với cùng kỳ.",
                   "Đến thời điểm 20/5/2023, diện tích lúa xuống giống là 812 ha."], header=NO_HEADER)
    assert get("3.150").period == "2023"
    assert get("2,4").period == "2023"
    assert get("812").period == "2023"


def test_a_cut_off_date_after_tinh_den_in_the_clause(extract):
    get = extract(["Tính đến thời điểm 05/9/2021, số thuê bao internet đạt 14.200 thuê bao."], header=NO_HEADER)
    assert get("14.200").period == "2021"


def test_a_document_date_is_no_cut_off(extract):
    # (a decision's date names no time of the figures)
    get = extract(["1. Lâm nghiệp", "", "Công tác trồng rừng được quan tâm.", "",
                   "Thực hiện Quyết định ngày 12/3/2019, xã trồng mới 45 ha rừng, tăng 8% so với cùng kỳ."],
                  header=NO_HEADER)
    assert get("45").period is None


# --- a season named only as a comparison base -------------------------------------------------

def test_the_base_season_is_not_the_period_of_the_details(extract):
    get = extract(["Vụ Hè thu năm 2024, toàn huyện xuống giống 5.400 ha, tăng 3,2% so với vụ Hè thu năm 2023. "
                   "Trong đó, diện tích lúa là 4.900 ha, tăng 1,1%; đậu các loại 210 ha."], header=NO_HEADER)
    assert get("4.900").period == "2024"
    assert get("210").period == "2024"


def test_a_season_named_as_the_time_still_covers_the_sentences_after(extract):
    get = extract(["Vụ Đông xuân 2022 - 2023 gieo cấy được 7.300 ha. Diện tích thu hoạch đạt 6.950 ha."],
                  header=NO_HEADER)
    assert get("6.950").period == "2022-2023"
