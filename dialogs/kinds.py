"""Kinds of unit (loại đơn vị) known to the system, with their Vietnamese names."""

UNIT_KINDS: dict[str, str] = {
    "chinh_phu": "Chính phủ",
    "bo": "Bộ",
    "co_quan_ngang_bo": "Cơ quan ngang bộ",
    "tinh": "Tỉnh",
    "thanh_pho": "Thành phố trực thuộc Trung ương",
    "so_nganh": "Sở, ban, ngành",
    "tinh_uy": "Tỉnh ủy, Thành ủy",
    "dang_uy": "Đảng ủy",
    "co_quan_dang": "Cơ quan tham mưu, giúp việc cấp ủy",
    "mttq": "Mặt trận Tổ quốc, đoàn thể",
    "xa": "Xã",
    "phuong": "Phường",
    "dac_khu": "Đặc khu",
    "khac": "Đơn vị khác",
}

# Accepted spellings in imports (folded, no diacritics) → canonical kind.
KIND_ALIASES: dict[str, str] = {
    "bo/nganh": "bo",
    "bo nganh": "bo",
    "co quan ngang bo": "co_quan_ngang_bo",
    "chinh phu": "chinh_phu",
    "tinh": "tinh",
    "thanh pho": "thanh_pho",
    "so": "so_nganh",
    "so/ban/nganh": "so_nganh",
    "so, ban, nganh": "so_nganh",
    "so ban nganh": "so_nganh",
    "tinh uy": "tinh_uy",
    "thanh uy": "tinh_uy",
    "dang uy": "dang_uy",
    "xa": "xa",
    "phuong": "phuong",
    "dac khu": "dac_khu",
    "mat tran": "mttq",
}

LOCAL_KINDS = ("xa", "phuong", "dac_khu")
PROVINCE_KINDS = ("tinh", "thanh_pho")
MINISTRY_KINDS = ("bo", "co_quan_ngang_bo")
