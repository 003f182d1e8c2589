"""The words of the indicator domain, shared by the parser, the computations and the API.

Codes are English and stable (they are stored and sent); every code has the Vietnamese label users read.
"""

from __future__ import annotations

from enum import StrEnum


class Comparator(StrEnum):
    GTE = "gte"  # ≥, tối thiểu, từ ... trở lên, đạt (a level to reach)
    LTE = "lte"  # ≤, tối đa, không quá, Top N (a level to stay under)
    EQ = "eq"  # exactly
    RANGE = "range"  # từ 55-60%
    QUALITATIVE = "qualitative"  # no number: a reviewed manual status with evidence


COMPARATOR_LABELS = {
    Comparator.GTE: "≥",
    Comparator.LTE: "≤",
    Comparator.EQ: "=",
    Comparator.RANGE: "khoảng",
    Comparator.QUALITATIVE: "định tính",
}


class Unit(StrEnum):
    PERCENT = "percent"  # % of something countable (thủ tục, cơ sở, người dân); 0–100
    PERCENT_GRDP = "percent_grdp"  # % GRDP
    PERCENT_BUDGET = "percent_budget"  # % of the local budget
    INDEX = "index"  # an index from 0 to 1 (chỉ số chuyển đổi số, HDI)
    PER_10K = "per_10k"  # people per 10,000 inhabitants (người trên 01 vạn dân)
    COUNT = "count"  # a number of things (bài báo, mô hình, doanh nghiệp, học viên)
    VISITORS = "visitors"  # lượt khách
    BILLION_VND = "billion_vnd"  # tỷ đồng
    GBPS = "gbps"
    RANK = "rank"  # a position in a ranking (Top 5): lower is better


UNIT_LABELS = {
    Unit.PERCENT: "%",
    Unit.PERCENT_GRDP: "% GRDP",
    Unit.PERCENT_BUDGET: "% tổng chi ngân sách",
    Unit.INDEX: "chỉ số (0–1)",
    Unit.PER_10K: "người/vạn dân",
    Unit.COUNT: "số lượng",
    Unit.VISITORS: "lượt khách",
    Unit.BILLION_VND: "tỷ đồng",
    Unit.GBPS: "Gbps",
    Unit.RANK: "thứ hạng",
}

# Units whose values live between 0 and 100 (or 0 and 1 for an index): a value outside is refused,
# and attainment never passes 100%.
BOUNDED_UNITS = {Unit.PERCENT: 100, Unit.PERCENT_GRDP: 100, Unit.PERCENT_BUDGET: 100, Unit.INDEX: 1}


class Sector(StrEnum):
    CAI_CACH_HANH_CHINH = "cai_cach_hanh_chinh"
    GIAO_DUC = "giao_duc"
    Y_TE = "y_te"
    GIAO_THONG = "giao_thong"
    NONG_NGHIEP_MOI_TRUONG = "nong_nghiep_moi_truong"
    DU_LICH_VAN_HOA = "du_lich_van_hoa"
    HA_TANG = "ha_tang"
    NGUON_LUC = "nguon_luc"
    KHOA_HOC_CONG_NGHE = "khoa_hoc_cong_nghe"
    DOI_MOI_SANG_TAO = "doi_moi_sang_tao"
    CHUYEN_DOI_SO = "chuyen_doi_so"
    TRUYEN_THONG = "truyen_thong"
    HOI_NHAP_QUOC_TE = "hoi_nhap_quoc_te"
    KHAC = "khac"


SECTOR_LABELS = {
    Sector.CAI_CACH_HANH_CHINH: "Cải cách hành chính",
    Sector.GIAO_DUC: "Giáo dục và Đào tạo",
    Sector.Y_TE: "Y tế",
    Sector.GIAO_THONG: "Giao thông",
    Sector.NONG_NGHIEP_MOI_TRUONG: "Nông nghiệp và Môi trường",
    Sector.DU_LICH_VAN_HOA: "Du lịch - Văn hóa",
    Sector.HA_TANG: "Hạ tầng",
    Sector.NGUON_LUC: "Nguồn lực",
    Sector.KHOA_HOC_CONG_NGHE: "Khoa học, công nghệ",
    Sector.DOI_MOI_SANG_TAO: "Đổi mới sáng tạo",
    Sector.CHUYEN_DOI_SO: "Chuyển đổi số",
    Sector.TRUYEN_THONG: "Truyền thông",
    Sector.HOI_NHAP_QUOC_TE: "Hội nhập quốc tế, đối ngoại",
    Sector.KHAC: "Khác",
}


class Periodicity(StrEnum):
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"


PERIODICITY_LABELS = {Periodicity.QUARTER: "Quý", Periodicity.HALF_YEAR: "6 tháng", Periodicity.YEAR: "Năm"}


class Aggregation(StrEnum):
    SUM = "sum"
    MEAN = "mean"
    WEIGHTED_MEAN = "weighted_mean"
    RATIO = "ratio"  # Σ numerators / Σ denominators
    MAX = "max"
    MIN = "min"
    MANUAL = "manual"  # the province value is reported directly


AGGREGATION_LABELS = {
    Aggregation.SUM: "Tổng",
    Aggregation.MEAN: "Trung bình",
    Aggregation.WEIGHTED_MEAN: "Trung bình có trọng số",
    Aggregation.RATIO: "Tỷ lệ",
    Aggregation.MAX: "Lớn nhất",
    Aggregation.MIN: "Nhỏ nhất",
    Aggregation.MANUAL: "Nhập tay",
}


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    AT_RISK = "at_risk"
    NO_DATA = "no_data"


STATUS_LABELS = {
    Status.ACHIEVED: "Đã đạt",
    Status.ON_TRACK: "Đúng tiến độ",
    Status.NEEDS_ACCELERATION: "Cần đẩy nhanh",
    Status.AT_RISK: "Có nguy cơ không đạt",
    Status.NO_DATA: "Chưa có số liệu",
}
