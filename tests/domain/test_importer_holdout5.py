"""The fifth hold-out (issue 21, session 20): fourteen real outlines whose gold was committed (be8a036) before the
importer first ran on them (14/81 asks right, README). The general shapes behind its misses, each on made-up text,
and a floor on the set so that a regression fails — raise the floor as the importer gets better, never lower it."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.score_importer import HOLDOUT5, read_gold, score_real
from tests.support.importing import imp

HOLDOUT5_DOCS = sorted(HOLDOUT5.glob("*.txt"))
FIRST_RUN = 14
FLOOR = 14  # measured at the end of session 20 (h21b)


def _title(text: str) -> str:
    return imp(text, "tep-nhap.txt").title


def test_the_name_is_the_capitals_under_the_agency_header_when_no_name_word_says_it():
    text = ("PHÒNG GIÁO DỤC HUYỆN AN LẠC\nTRƯỜNG TIỂU HỌC BÌNH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nAn Lạc, ngày 02 tháng 9 năm 2026\n\nSỔ THEO DÕI CÁC NĂM HỌC GẦN ĐÂY\n"
            "(Từ năm học 2022-2023)\n1. Số lớp học: …… lớp\n2. Số học sinh: …… em\n")
    assert _title(text) == "Sổ theo dõi các năm học gần đây"


def test_a_numbered_agency_line_is_no_section_and_the_capitals_under_it_name_the_biểu():
    text = ("III. SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG Biểu số: 004.N/BCS-NNMT\nSỐ HỘ NUÔI TRỒNG THỦY SẢN TRONG NĂM\n"
            "Năm…\n1. Số hộ nuôi cá: …… hộ\n2. Số hộ nuôi tôm: …… hộ\n")
    assert _title(text) == "Số hộ nuôi trồng thủy sản trong năm"


def test_a_short_name_in_capitals_goes_on_in_the_sentence_case_line_under_it():
    text = ("BÁO CÁO THÀNH TÍCH\n\nHoạt động của Chi đoàn thôn Bắc Sơn năm 2026\nKính gửi: Ban thường vụ\n"
            "A. ĐẶC ĐIỂM\n1. Số đoàn viên: …… người\n")
    assert _title(text) == "Báo cáo thành tích hoạt động của Chi đoàn thôn Bắc Sơn năm 2026"


def test_a_form_squeezed_onto_one_numbered_line_is_named_by_the_capitals_leading_it():
    blanks = " ".join(f"Mục thứ {k}……………" for k in range(40))
    text = f"Xem mẫu\n\n1. PHIẾU ĐIỀU TRA HỘ KINH DOANH Tỉnh………… Xã………… {blanks}\n2. Ghi chú\n"
    assert _title(text) == "Phiếu điều tra hộ kinh doanh"


def test_a_download_pages_words_and_its_category_are_not_the_name():
    page = ("Mẫu biên bản kiểm kê tài sản mới, chuẩn file Word\n\nMẪU BIÊN BẢN KIỂM KÊ TÀI SẢN MỚI, CHUẨN FILE WORD\n"
            "XEM TRƯỚC MẪU\nTẢI FILE WORD\n1. Tên tài sản: ……\n")
    assert _title(page) == "Biên bản kiểm kê tài sản"
    news = "Thống kê\n\nSố liệu về tai nạn giao thông tháng 5/2026\n\n1. Số vụ tai nạn: …… vụ\n"
    assert _title(news) == "Số liệu về tai nạn giao thông tháng 5/2026"


def test_fifth_holdout_has_its_documents_each_with_source_and_gold():
    assert len(HOLDOUT5_DOCS) >= 14
    for p in HOLDOUT5_DOCS:
        assert p.read_text(encoding="utf-8").startswith("# nguồn: http")
        assert read_gold(p.with_suffix(".gold")).title


@pytest.mark.parametrize("path", HOLDOUT5_DOCS, ids=lambda p: p.stem[:3])
def test_fifth_holdout_document_is_scored_without_refusal(path: Path):
    assert not score_real(path, []).refused


def test_fifth_holdout_floor_holds():
    scores = [score_real(p, []) for p in HOLDOUT5_DOCS]
    typed, asks = sum(s.typed for s in scores), sum(s.asks for s in scores)
    assert typed >= max(FIRST_RUN, FLOOR), f"{typed}/{asks} asks right, floor {FLOOR}"
    assert sum(bool(s.junk) for s in scores) <= 1
