"""Tell the heading rows of a Phụ lục I apart: part, milestone (the year targets are for), sector.

Pure functions, no I/O; matching is accent-insensitive, since OCR text may have lost its diacritics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from common.text import fold

from indicators.vocabulary import Sector

PartKind = Literal["trong_tam", "chu_yeu"]

_ROMAN_WITH_DOT = re.compile(r"[IVXLC]+\.")
# "Đến hết năm 2025", "Tầm nhìn đến năm 2045", "Từ năm 2026", "Năm 2026", "Mục tiêu đến hết 2025"
_MILESTONE = re.compile(
    r"^(?:muc tieu\s+)?(?:(?:tam nhin\s+)?den(?:\s+het)?\s+|(?P<from>tu)\s+)?(?:nam\s+)?(?P<year>(?:19|20)\d\d)\b"
)
# Folded keywords; when several occur, the one printed first names the sector.
_SECTOR_KEYWORDS = (
    ("cai cach hanh chinh", Sector.CAI_CACH_HANH_CHINH),
    ("giao duc", Sector.GIAO_DUC),
    ("y te", Sector.Y_TE),
    ("giao thong", Sector.GIAO_THONG),
    ("nong nghiep", Sector.NONG_NGHIEP_MOI_TRUONG),
    ("moi truong", Sector.NONG_NGHIEP_MOI_TRUONG),
    ("du lich", Sector.DU_LICH_VAN_HOA),
    ("van hoa", Sector.DU_LICH_VAN_HOA),
    ("ha tang", Sector.HA_TANG),
    ("nguon luc", Sector.NGUON_LUC),
    ("khoa hoc", Sector.KHOA_HOC_CONG_NGHE),
    ("cong nghe", Sector.KHOA_HOC_CONG_NGHE),
    ("doi moi sang tao", Sector.DOI_MOI_SANG_TAO),
    ("chuyen doi so", Sector.CHUYEN_DOI_SO),
    ("truyen thong", Sector.TRUYEN_THONG),
    ("doi ngoai", Sector.HOI_NHAP_QUOC_TE),
    ("hoi nhap quoc te", Sector.HOI_NHAP_QUOC_TE),
)


@dataclass(frozen=True)
class PartHeading:
    """ "I. Chỉ tiêu các nhiệm vụ có tính trọng tâm"."""

    label: str
    kind: PartKind | None


@dataclass(frozen=True)
class MilestoneHeading:
    """ "Đến hết năm 2025": the targets below are for that year (`from_year`: "Từ năm 2026", every year since)."""

    year: int
    label: str
    from_year: bool = False


@dataclass(frozen=True)
class SectorHeading:
    """ "Lĩnh vực cải cách hành chính", "Phát triển hạ tầng"."""

    sector: Sector
    label: str


Heading = PartHeading | MilestoneHeading | SectorHeading


def classify_heading(tt: str, text: str) -> Heading:
    """The kind of a heading row from its TT cell and its text."""
    label = " ".join(text.split())
    folded = fold(text)
    if _ROMAN_WITH_DOT.fullmatch(tt.strip()) and folded.startswith("chi tieu"):
        return PartHeading(label, _part_kind(folded))
    if milestone := _MILESTONE.match(folded):
        return MilestoneHeading(int(milestone.group("year")), label, milestone.group("from") is not None)
    return SectorHeading(sector_of(text), label)


def _part_kind(folded: str) -> PartKind | None:
    if "trong tam" in folded:
        return "trong_tam"
    if "chu yeu" in folded:
        return "chu_yeu"
    return None


def sector_of(text: str) -> Sector:
    """The sector a heading names, by keywords on the folded text; KHAC when none is found."""
    folded = fold(text)
    found = [(m.start(), sector) for key, sector in _SECTOR_KEYWORDS if (m := re.search(rf"\b{key}\b", folded))]
    return min(found, key=lambda hit: hit[0])[1] if found else Sector.KHAC
