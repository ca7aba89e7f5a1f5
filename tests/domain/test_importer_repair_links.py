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
