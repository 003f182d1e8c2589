"""classify_heading on every heading row of 002's Phụ lục I, and the milestone forms of 001, 003 and 004."""

from __future__ import annotations

from typing import Any

import pytest
from indicators.importer.headings import (
    Heading,
    MilestoneHeading,
    PartHeading,
    SectorHeading,
    classify_heading,
    sector_of,
)
from indicators.vocabulary import Sector


def row(key: str, tt: str, text: str, heading: Heading) -> Any:
    return pytest.param(tt, text, heading, id=key)


def milestone(year: int, label: str, *, from_year: bool = False) -> MilestoneHeading:
    return MilestoneHeading(year, label, from_year)


def sector(code: Sector, label: str) -> SectorHeading:
    return SectorHeading(code, label)


PART_I_SECTORS = [
    ("Lĩnh vực cải cách hành chính", Sector.CAI_CACH_HANH_CHINH),
    ("Lĩnh vực Giáo dục và Đào tạo", Sector.GIAO_DUC),
    ("Lĩnh vực Y tế", Sector.Y_TE),
]
PART_II_SECTORS = [
    ("Phát triển hạ tầng", Sector.HA_TANG),
    ("Phát triển nguồn lực", Sector.NGUON_LUC),
    ("Phát triển khoa học, công nghệ", Sector.KHOA_HOC_CONG_NGHE),
    ("Phát triển hệ sinh thái đổi mới sáng tạo", Sector.DOI_MOI_SANG_TAO),
    ("Phát triển chuyển đổi số", Sector.CHUYEN_DOI_SO),
]

# Every heading row of 002's Phụ lục I in document order; key: part - milestone year - TT.
HEADINGS_002 = [
    row("I", "I.", "Chỉ tiêu các nhiệm vụ có tính trọng tâm",
        PartHeading("Chỉ tiêu các nhiệm vụ có tính trọng tâm", "trong_tam")),
    row("I-2025", "I", "Đến hết năm 2025  ", milestone(2025, "Đến hết năm 2025")),
    *(row(f"I-2025-{i}", str(i), text, sector(code, text)) for i, (text, code) in enumerate(PART_I_SECTORS, 1)),
    row("I-2025-4", "4", "Lĩnh vực Giao thông", sector(Sector.GIAO_THONG, "Lĩnh vực Giao thông")),
    row("I-2025-5", "5", "Lĩnh vực Nông nghiệp và Môi trường",
        sector(Sector.NONG_NGHIEP_MOI_TRUONG, "Lĩnh vực Nông nghiệp và Môi trường")),
    row("I-2030", "II", "Đến hết năm 2030", milestone(2030, "Đến hết năm 2030")),
    *(row(f"I-2030-{i}", str(i), text, sector(code, text)) for i, (text, code) in enumerate(PART_I_SECTORS, 1)),
    row("I-2030-4", "4", "Lĩnh vực Du lịch - Văn hoá", sector(Sector.DU_LICH_VAN_HOA, "Lĩnh vực Du lịch - Văn hoá")),
    row("I-2030-5", "5", "Lĩnh vực Giao thông", sector(Sector.GIAO_THONG, "Lĩnh vực Giao thông")),
    row("I-2030-6", "6", "Lĩnh vực Nông nghiệp và Môi trường",
        sector(Sector.NONG_NGHIEP_MOI_TRUONG, "Lĩnh vực Nông nghiệp và Môi trường")),
    row("I-2030-7", "7", "Chương trình phát triển khoa học trọng điểm giai đoạn 2026 - 2030 ",
        sector(Sector.KHOA_HOC_CONG_NGHE, "Chương trình phát triển khoa học trọng điểm giai đoạn 2026 - 2030")),
    row("I-2045", "III", "Đến hết năm 2045", milestone(2045, "Đến hết năm 2045")),
    *(row(f"I-2045-{i}", str(i), text, sector(code, text)) for i, (text, code) in enumerate(PART_I_SECTORS, 1)),
    row("I-2045-4", "4", "Lĩnh vực Du lịch-Văn hoá", sector(Sector.DU_LICH_VAN_HOA, "Lĩnh vực Du lịch-Văn hoá")),
    row("I-2045-5", "5", "Lĩnh vực Giao thông", sector(Sector.GIAO_THONG, "Lĩnh vực Giao thông")),
    row("I-2045-6", "6", "Lĩnh vực Nông nghiệp và Môi trường",
        sector(Sector.NONG_NGHIEP_MOI_TRUONG, "Lĩnh vực Nông nghiệp và Môi trường")),
    row("II", "II.", "Chỉ tiêu thực hiện các nhiệm vụ chủ yếu ",
        PartHeading("Chỉ tiêu thực hiện các nhiệm vụ chủ yếu", "chu_yeu")),
    row("II-2025", "I", "Đến hết năm 2025  ", milestone(2025, "Đến hết năm 2025")),
    *(row(f"II-2025-{i}", str(i), text, sector(code, text)) for i, (text, code) in enumerate(PART_II_SECTORS, 1)),
    row("II-2030", "II", "Đến hết năm 2030  ", milestone(2030, "Đến hết năm 2030")),
    *(row(f"II-2030-{i}", str(i), text, sector(code, text)) for i, (text, code) in enumerate(PART_II_SECTORS, 1)),
    row("II-2045", "III", "Đến hết năm 2045  ", milestone(2045, "Đến hết năm 2045")),
    *(row(f"II-2045-{i}", str(i), text, sector(code, text)) for i, (text, code) in enumerate(PART_II_SECTORS, 1)),
]  # fmt: skip


@pytest.mark.parametrize(("tt", "text", "heading"), HEADINGS_002)
def test_every_heading_of_002(tt: str, text: str, heading: Heading) -> None:
    assert classify_heading(tt, text) == heading


def test_the_002_table_holds_every_heading() -> None:
    assert len(HEADINGS_002) == 2 + 6 + 3 + 5 + 7 + 3 * 6


@pytest.mark.parametrize(
    ("tt", "text", "heading"),
    [
        row("den-het-nam", "", "Đến hết năm 2025", milestone(2025, "Đến hết năm 2025")),
        row("den-nam", "", "Đến năm 2030", milestone(2030, "Đến năm 2030")),
        row("den-het-no-nam", "", "Đến hết 2025", milestone(2025, "Đến hết 2025")),
        row("tam-nhin", "2.", "Tầm nhìn đến năm 2045", milestone(2045, "Tầm nhìn đến năm 2045")),
        row("tu-nam", "a)", "Từ năm 2026", milestone(2026, "Từ năm 2026", from_year=True)),
        row("nam", "", "Năm 2026", milestone(2026, "Năm 2026")),
        row("muc-tieu-den-het", "2.1.", "Mục tiêu đến hết 2025", milestone(2025, "Mục tiêu đến hết 2025")),
        row("muc-tieu-den-nam", "2.2.", "Mục tiêu đến năm 2030", milestone(2030, "Mục tiêu đến năm 2030")),
        row("ocr-no-accents", "", "Muc tieu den het 2025", milestone(2025, "Muc tieu den het 2025")),
        row("ocr-tam-nhin", "", "Tam nhin den nam 2045", milestone(2045, "Tam nhin den nam 2045")),
        row("ocr-tu-nam", "", "Tu nam 2026", milestone(2026, "Tu nam 2026", from_year=True)),
        row("part-no-kind", "III.", "Chỉ tiêu khác", PartHeading("Chỉ tiêu khác", None)),
        row("part-ocr", "I.", "Chi tieu cac nhiem vu co tinh trong tam", PartHeading(
            "Chi tieu cac nhiem vu co tinh trong tam", "trong_tam")),
        row("roman-without-dot-is-not-a-part", "I", "Chỉ tiêu khác", sector(Sector.KHAC, "Chỉ tiêu khác")),
        row("arabic-tt-is-not-a-part", "1.", "Chỉ tiêu các nhiệm vụ có tính trọng tâm",
            sector(Sector.KHAC, "Chỉ tiêu các nhiệm vụ có tính trọng tâm")),
        row("a-year-inside-is-not-a-milestone", "7",
            "Chương trình phát triển khoa học trọng điểm giai đoạn 2026 - 2030",
            sector(Sector.KHOA_HOC_CONG_NGHE, "Chương trình phát triển khoa học trọng điểm giai đoạn 2026 - 2030")),
    ],
)  # fmt: skip
def test_heading_forms(tt: str, text: str, heading: Heading) -> None:
    assert classify_heading(tt, text) == heading


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("Lĩnh vực cải cách hành chính", Sector.CAI_CACH_HANH_CHINH, id="cchc"),
        pytest.param("LINH VUC CAI CACH HANH CHINH", Sector.CAI_CACH_HANH_CHINH, id="cchc-ocr-upper"),
        pytest.param("Giáo dục và Đào tạo", Sector.GIAO_DUC, id="giao-duc"),
        pytest.param("Lĩnh vực Y tế", Sector.Y_TE, id="y-te"),
        pytest.param("Giao thông", Sector.GIAO_THONG, id="giao-thong"),
        pytest.param("Nông nghiệp và Môi trường", Sector.NONG_NGHIEP_MOI_TRUONG, id="nong-nghiep"),
        pytest.param("Du lịch - Văn hoá", Sector.DU_LICH_VAN_HOA, id="du-lich"),
        pytest.param("Văn hóa", Sector.DU_LICH_VAN_HOA, id="van-hoa"),
        pytest.param("Phát triển hạ tầng", Sector.HA_TANG, id="ha-tang"),
        pytest.param("Phát triển nguồn lực", Sector.NGUON_LUC, id="nguon-luc"),
        pytest.param("Phát triển khoa học, công nghệ", Sector.KHOA_HOC_CONG_NGHE, id="khcn"),
        pytest.param(
            "Chương trình phát triển khoa học trọng điểm", Sector.KHOA_HOC_CONG_NGHE, id="chuong-trinh-khoa-hoc"
        ),
        pytest.param("Phát triển hệ sinh thái đổi mới sáng tạo", Sector.DOI_MOI_SANG_TAO, id="dmst"),
        pytest.param("Phát triển chuyển đổi số", Sector.CHUYEN_DOI_SO, id="cds"),
        pytest.param("Đẩy mạnh truyền thông", Sector.TRUYEN_THONG, id="truyen-thong"),
        pytest.param("Thông tin đối ngoại", Sector.HOI_NHAP_QUOC_TE, id="doi-ngoai"),
        pytest.param("Hội nhập quốc tế", Sector.HOI_NHAP_QUOC_TE, id="hoi-nhap"),
        pytest.param("Nhiệm vụ khác", Sector.KHAC, id="khac"),
        pytest.param("Truyền thông về chuyển đổi số", Sector.TRUYEN_THONG, id="first-keyword-wins"),
    ],
)
def test_sector_of(text: str, code: Sector) -> None:
    assert sector_of(text) == code
