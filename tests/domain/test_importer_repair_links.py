"""Text repair never touches an address, a file name or a slug: their words are no damage of a font map."""

from dialogs.importer.repair import repair_lines

DAMAGED = [
    "PHIU NG K TI NGHIN CU KHOA HC CP C S",  # vowels with marks dropped: a damaged text
    "Ngi ng k: ........ B phn: ........ Hc v: ........ Chc v: ........",
    "Thi gian nghin cu d kin: ........ thng; Kinh ph d kin: ........",
]


def test_a_file_name_or_slug_in_a_damaged_text_stays_as_written():
    for link in ("Tải về: Phu-luc-I----NCKH-cua-giang-vien.html",
                 "Xem tại http://truong.edu.vn/tin-tuc/thong-bao-dang-ky-de-tai-nckh",
                 "Gửi về hop-thu-khoa-hoc-cong-nghe-truong (thư điện tử)",
                 "Gửi tệp bao-cao-giang-vien.docx tới phongkhcn@truong.edu.vn"):
        out, report = repair_lines([*DAMAGED, link])
        assert report.damaged and report.repairs  # the damaged lines are repaired…
        for word in ("vien", "tuc", "hop", "giang", "cong", "truong", "phongkhcn"):
            if word in link:
                assert word in out[-1], (link, out[-1])  # …the address keeps its words
        assert not any("viên" in k.split(" → ")[1] and k.startswith("vien") for k in report.repairs), report.repairs


def test_plain_words_beside_an_address_are_still_repaired():
    out, _ = repair_lines([*DAMAGED, "Ni dung chnh: xem www.truong.edu.vn"])
    assert "chính" in out[-1] and out[-1].endswith("xem www.truong.edu.vn")


def test_the_horned_o_of_a_pdf_font_is_read_as_u_horn():
    out, report = repair_lines(["V/v kết quả công tác thƣơng binh xã hội", "Số ngƣời có công đƣợc thăm hỏi: …… ngƣời",
                                "NGƢỜI LẬP BIỂU"])
    assert out == ["V/v kết quả công tác thương binh xã hội", "Số người có công được thăm hỏi: …… người", "NGƯỜI LẬP BIỂU"]
    assert report.repairs["ƣ → ư"] == 5


def test_a_text_typed_without_marks_is_reported_never_guessed():
    for lines in (["PHIEU THONG TIN HO GIA DINH", "Dan toc: 01 Kinh 02 Tay 07 Nng 08 Mng 12 Ba Na",
                   "Ho va ten chu ho: ……", "Nghe nghiep chinh cua ho: ……", "So nhan khau trong ho: …… nguoi"],
                  ["BAO CAO KET QUA CONG TAC THANG", "1. So vu viec da giai quyet: …… vu",
                   "2. Kho khan, vuong mac va de xuat kien nghi: ……", "Ngay bao cao: …/…/…, nguoi lap bieu ky ten"]):
        out, report = repair_lines(lines)
        assert report.accentless and out == lines and not report.repairs


def test_a_marked_text_with_a_few_plain_words_is_not_accentless():
    _, report = repair_lines(["Báo cáo kết quả công tác tháng", "1. Số vụ việc đã giải quyết: …… vụ",
                              "2. Khó khăn, vướng mắc và đề xuất kiến nghị: ……", "Xem tại trang web: baocao online"])
    assert not report.accentless


def test_a_name_that_lost_every_vowel_is_reported_not_guessed():
    lines = [*DAMAGED, "Dn tc: Kinh, Ty, Nng, Mng; tnh Qung Ninh, Ging Thn"]
    out, report = repair_lines(lines)
    for name in ("Nng", "Mng", "Qung", "Ging"):
        assert name in out[-1], out[-1]  # 'Nùng' or 'Nông', 'Quảng' or 'Quang': never guessed
    assert report.damaged


def test_an_accentless_draft_says_what_to_type_instead():
    from dialogs.importer import import_document

    text = "\n".join(["PHIEU THONG TIN HO GIA DINH", "1. Ho va ten chu ho: ……", "2. Dan toc: ……",
                      "3. Nghe nghiep chinh cua ho: ……", "4. So nhan khau trong ho: …… nguoi",
                      "5. Dia chi noi o hien nay cua ho: ……"])
    res = import_document(text.encode(), "phieu.txt")
    msgs = [n["message"] for n in res.notes]
    assert any("không dấu" in m and "Họ và tên" in m for m in msgs), msgs
    assert "không dấu" in res.yaml and "Ho va ten chu ho" in res.yaml
