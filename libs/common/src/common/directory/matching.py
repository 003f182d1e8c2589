"""Agency names as plans write them → agencies of the directory, ignoring accents, case, punctuation and the
common abbreviations ("Sở KH&CN", "VP UBND tỉnh"), and group phrases ("UBND cấp xã") → their member agencies."""

from __future__ import annotations

import difflib
import json
import re
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from typing import Any

from common.text import fold

ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "vp": "van phong",
    "khcn": "khoa hoc va cong nghe",
    "kh": "khoa hoc",
    "cn": "cong nghe",
    "gddt": "giao duc va dao tao",
    "gd": "giao duc",
    "dt": "dao tao",
    "vhttdl": "van hoa the thao va du lich",
    "nnmt": "nong nghiep va moi truong",
    "bchqs": "bo chi huy quan su",
    "bql": "ban quan ly",
    "kcn": "khu cong nghiep",
    "cntt": "cong nghe thong tin",
    "cds": "chuyen doi so",
    "dmst": "doi moi sang tao",
    "mttq": "mat tran to quoc",
    "btv": "ban thuong vu",
    "bcd": "ban chi dao",
}
# Trailing words that only repeat where the agency is: "Công an tỉnh Phú Thọ" is "Công an tỉnh" is "Công an".
_PLACE_SUFFIXES = (" tinh phu tho", " phu tho", " cua tinh", " thuoc tinh", " tinh")
_NOT_WORD = re.compile(r"[^\w\s]")
_SEPARATORS = re.compile(r"[;\n]+")


def name_key(text: str) -> str:
    words = _NOT_WORD.sub(" ", fold(text).replace("&", " va ")).split()
    key = " ".join(ABBREVIATIONS.get(w, w) for w in words)
    for suffix in _PLACE_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
    return key


def split_agencies(cell: str) -> list[str]:
    """A cell lists agencies separated by ";" or line breaks; each keeps its printed name."""
    return [part.strip(" .,") for part in _SEPARATORS.split(cell or "") if part.strip(" .,")]


class Match(StrEnum):
    AGENCY = "agency"  # one named agency
    GROUP = "group"  # a group phrase fanned out to its members
    MENTION = "mention"  # named in the plan but outside the directory or too vague to assign ("các ngân hàng")
    UNMATCHED = "unmatched"


@dataclass(frozen=True)
class Resolved:
    written: str
    match: Match
    agency_ids: tuple[uuid.UUID, ...] = ()
    group: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class DirectoryAgency:
    id: uuid.UUID
    code: str
    name: str
    short_name: str
    kind: str
    parent_id: uuid.UUID | None
    aliases: tuple[str, ...] = ()
    active: bool = True
    merged_into_id: uuid.UUID | None = None


# Group categories whose members are agencies of one kind; "all" and "outside" are kept as mentions only,
# because fanning "các cơ quan, đơn vị liên quan" out to every agency would assign work to nobody in particular.
_KIND_OF_CATEGORY = {"departments": "department", "communes": "commune", "universities": "university"}


def group_phrases() -> list[dict[str, Any]]:
    text = resources.files("common.directory").joinpath("groups.json").read_text(encoding="utf-8")
    data: list[dict[str, Any]] = json.loads(text)
    return data


@dataclass
class AgencyMatcher:
    agencies: list[DirectoryAgency]
    groups: list[dict[str, Any]] = field(default_factory=group_phrases)

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.agencies}
        self._by_code = {a.code: a for a in self.agencies}
        self._names: dict[str, list[DirectoryAgency]] = {}
        for agency in self.agencies:
            for key in {name_key(w) for w in (agency.name, agency.short_name, *agency.aliases)}:
                self._names.setdefault(key, []).append(agency)
        self._groups = {name_key(g["phrase"]): g for g in self.groups}
        self._suggestions: dict[str, str] = {}
        for agency in self.agencies:
            if agency.active:
                for written in (agency.name, agency.short_name, *agency.aliases):
                    self._suggestions.setdefault(name_key(written), agency.name)
        for group in self.groups:
            self._suggestions.setdefault(name_key(group["phrase"]), group["phrase"])

    def current(self, agency: DirectoryAgency) -> DirectoryAgency:
        """Follow merges: work for an agency merged away goes to the agency it was merged into."""
        seen: set[uuid.UUID] = set()
        while agency.merged_into_id is not None and agency.merged_into_id in self._by_id and agency.id not in seen:
            seen.add(agency.id)
            agency = self._by_id[agency.merged_into_id]
        return agency

    def members(self, category: str | list[str], owner: uuid.UUID | None) -> tuple[uuid.UUID, ...]:
        if isinstance(category, list):
            found = [self.current(self._by_code[c]) for c in category if c in self._by_code]
        elif category == "divisions":
            found = [a for a in self.agencies if owner is not None and a.parent_id == owner and a.kind == "division"]
        elif category in _KIND_OF_CATEGORY:
            found = [a for a in self.agencies if a.kind == _KIND_OF_CATEGORY[category]]
        else:
            return ()
        return tuple(sorted({a.id for a in found if a.active}, key=str))

    def resolve(self, written: str, owner: uuid.UUID | None = None) -> Resolved:
        """`owner` is the agency whose plan this is: "các phòng thuộc Sở" are its divisions."""
        key = name_key(written)
        if (agency := self._pick(self._names.get(key, []), owner)) is not None:
            return Resolved(written, Match.AGENCY, (self.current(agency).id,))
        if (group := self._groups.get(key)) is not None:
            ids = self.members(group["members"], owner)
            return Resolved(written, Match.GROUP if ids else Match.MENTION, ids, group=group["phrase"])
        return Resolved(written, Match.UNMATCHED, suggestion=self.suggest(key))

    def _pick(self, named: list[DirectoryAgency], owner: uuid.UUID | None) -> DirectoryAgency | None:
        """One name, several agencies ("Văn phòng Sở"): the one inside the plan's own agency, else the only
        active one. Still ambiguous means unmatched: a person chooses, the importer never guesses."""
        if len(named) <= 1:
            return named[0] if named else None
        for candidates in ([a for a in named if owner in (a.id, a.parent_id)], [a for a in named if a.active]):
            if len(candidates) == 1:
                return candidates[0]
        return None

    def resolve_cell(self, cell: str, owner: uuid.UUID | None = None) -> list[Resolved]:
        return [self.resolve(name, owner) for name in split_agencies(cell)]

    def suggest(self, key: str) -> str | None:
        """The closest known name, offered to the person fixing the file; never applied by itself."""
        best = difflib.get_close_matches(key, list(self._suggestions), n=1, cutoff=0.75)
        return self._suggestions[best[0]] if best else None
