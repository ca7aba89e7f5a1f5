"""Damaged copies of real documents never make the importer fail (benchmarks/fuzz_importer.py runs the full fuzz:
every document of every set, six kinds of damage each; here a fixed sample keeps the suite fast)."""

from __future__ import annotations

import random

import pytest

from benchmarks import fuzz_importer as fz


def test_every_kind_of_damage_changes_the_text():
    text = "BÁO CÁO\nI. Kết quả\n1. Số hộ nghèo: …… hộ\n2. Tỷ lệ: …… %\n" * 3 + "Đã ký  ngày  tháng"
    for kind, damage in fz.VARIANTS.items():
        assert damage(text, random.Random(3)) != text, kind


def test_a_sample_of_damaged_real_documents_imports_cleanly():
    docs = fz.documents()
    assert len(docs) >= 200  # every set of tests/data/real and the five seeds
    sample = random.Random(24).sample(docs, 24)
    run = fz.run(sample, per_doc=2, seed=5)
    assert run.imports == 48
    assert run.failures == []


def test_the_fuzz_reports_a_build_that_fell_back_to_the_last_resort(monkeypatch: pytest.MonkeyPatch):
    def broken(doc, name):
        raise RuntimeError("a gap in the importer")

    monkeypatch.setattr("dialogs.importer.build", broken)
    problem = fz.check_variant("ĐỀ CƯƠNG BÁO CÁO\n1. Số cán bộ: …… người\n2. Đánh giá chung\n", "x.txt")
    assert problem is not None and problem.startswith("last-resort draft")


def test_an_empty_variant_may_be_refused_but_one_with_content_may_not():
    assert fz.check_variant("   \n\n", "rong.txt") is None
    assert fz.check_variant("Họ và tên: ……………\nĐịa chỉ: ……………\n", "phieu.txt") is None
