"""Made-up texts: a label of four words or more on its own line over a line of dots, naming no name nor address,
is a passage to write; a name asked anywhere in the label stays a line of text."""
from tests.support.importing import imp, prompts

TEXT = """ĐƠN ĐỀ NGHỊ SỬA CHỮA NHÀ Ở
I. THÔNG TIN
1. Người làm đơn
Quy trình vận hành thiết bị:
……………………………………………………
Cụ thể họ tên người phụ trách:
……………………………………………………
Nghề nghiệp:
……………………………………………………
"""


def test_long_label_over_dots_is_a_passage_and_a_name_stays_text():
    got = prompts(imp(TEXT))
    assert got["Quy trình vận hành thiết bị"][1] == "longtext"
    assert got["Cụ thể họ tên người phụ trách"][1] == "text"
    assert got["Nghề nghiệp"][1] == "text"
