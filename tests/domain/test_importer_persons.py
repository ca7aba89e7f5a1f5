"""Made-up forms asking the same fields of several persons: each repeated label gets its person."""
from dialogs.importer.person_blocks import person_blocks

BIRTH = [
    "Họ, chữ đệm, tên người mẹ: ……………………",
    "Năm sinh: (5)…………… Dân tộc:………… Quốc tịch: ……",
    "Nơi cư trú: ………………………",
    "Họ, chữ đệm, tên người cha: ……………………",
    "Năm sinh: (5)…………… Dân tộc:………… Quốc tịch: …",
    "Nơi cư trú: ………………………",
]


def test_each_person_block_names_its_repeated_labels() -> None:
    out = person_blocks(list(BIRTH))
    assert out[0] == BIRTH[0]  # the line naming the person stays as it is
    assert "Năm sinh (người mẹ):" in out[1] and "Dân tộc (người mẹ):" in out[1] and "Quốc tịch (người mẹ):" in out[1]
    assert out[2].startswith("Nơi cư trú (người mẹ):")
    assert "Dân tộc (người cha):" in out[4] and "Quốc tịch (người cha):" in out[4]
    assert out[5].startswith("Nơi cư trú (người cha):")


def test_bare_heads_naming_parties() -> None:
    lines = ["Bên A:", "Địa chỉ: ………………", "Điện thoại: ……………", "Bên B:", "Địa chỉ: ………………",
             "Điện thoại: ……………", "Mã số thuế: ……………"]
    out = person_blocks(lines)
    assert out[1] == "Địa chỉ (Bên A): ………………" and out[2] == "Điện thoại (Bên A): ……………"
    assert out[4] == "Địa chỉ (Bên B): ………………"
    assert out[6] == "Mã số thuế: ……………"  # asked once only: stays as it is


def test_person_heads_with_dashes() -> None:
    lines = ["- Người đi đăng ký:", "Số điện thoại: ........", "- Người được ủy quyền:", "Số điện thoại: ........"]
    out = person_blocks(lines)
    assert out[1] == "Số điện thoại (người đi đăng ký): ........"
    assert out[3] == "Số điện thoại (người được ủy quyền): ........"


def test_unnamed_block_after_a_lead_sentence_stays() -> None:
    lines = ["Họ, chữ đệm, tên người yêu cầu: ……………", "Nơi cư trú: ……………",
             "Đề nghị cơ quan cấp giấy cho người dưới đây:", "Nơi cư trú: ……………",
             "Họ, chữ đệm, tên người mẹ: ……………", "Nơi cư trú: ……………"]
    out = person_blocks(lines)
    assert out[1] == "Nơi cư trú (người yêu cầu): ……………"
    assert out[3] == "Nơi cư trú: ……………"
    assert out[5] == "Nơi cư trú (người mẹ): ……………"


def test_form_without_repetition_is_untouched() -> None:
    lines = ["Họ và tên người khai: ……………", "Ngày sinh: ……………", "Địa chỉ: ……………", "Số điện thoại: ……………"]
    assert person_blocks(list(lines)) == lines


def test_one_person_only_is_untouched() -> None:
    lines = ["Họ, chữ đệm, tên người mẹ: ……………", "Dân tộc: ……", "Dân tộc: ……"]
    assert person_blocks(list(lines)) == lines


def test_repeated_labels_without_person_heads_are_untouched() -> None:
    lines = ["1. Trường thứ nhất", "Địa chỉ: ……………", "2. Trường thứ hai", "Địa chỉ: ……………"]
    assert person_blocks(list(lines)) == lines
