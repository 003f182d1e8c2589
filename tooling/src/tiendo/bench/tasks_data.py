"""A province-sized dataset for the tasks benchmark: the demo directory grown to N agencies and N tasks.

Shaped like the real thing: departments with their divisions, 148 communes with their schools, health
stations and community digital-technology teams; tasks taken from the seed plans' own wording, led mostly by
departments and communes, cascaded to their units, with 0–3 coordinating agencies each, deadlines written
the way the plans write them, and statuses that fit the dates. Written with COPY, the secondary indexes
dropped first and rebuilt after, as any bulk load does; every derived column (search text, visibility,
6 rõ, parsed deadline) is computed by the service's own functions.
"""

from __future__ import annotations

import csv
import itertools
import json
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
from common.text import fold
from tasks.models import Task
from tasks.task.rules import ClarityFacts, Status, unclear
from tasks.task.service import apply_deadline

DIVISIONS = (
    "Văn phòng",
    "Thanh tra",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Tổ chức cán bộ",
    "Phòng Pháp chế",
    "Phòng Quản lý chuyên ngành",
    "Phòng Chuyển đổi số",
    "Trung tâm Thông tin",
    "Trung tâm Dịch vụ công",
    "Phòng Hợp tác quốc tế",
    "Phòng Quản lý đầu tư",
    "Chi cục Quản lý thị trường",
)
COMMUNE_UNITS = ("Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở", "Trạm Y tế", "Bộ phận Một cửa")
FIRST = "Thanh Phú Tân Hưng An Bình Sơn Lâm Minh Đồng Xuân Vĩnh Cẩm Hạ Yên Tam Kim Văn Hiền Quang Trung Lương Tiên"
SECOND = "Thủy Sơn Lộc Hòa Khê Lĩnh Cường Thịnh Xuyên Nông Hùng Dương Tiến Mỹ Lập Bảo Ninh Quý Đức Phong Lạc Hà"
COMMUNES = 148  # Phú Thọ's communes and wards after the 2025 merger
PEOPLE = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Quốc Hải", "Đỗ Thị Lan")


@dataclass
class Agency:
    id: uuid.UUID
    code: str
    name: str
    short_name: str
    kind: str
    parent_id: uuid.UUID | None
    weight: float = 1.0


@dataclass
class Directory:
    agencies: list[Agency] = field(default_factory=list)
    by_id: dict[uuid.UUID, Agency] = field(default_factory=dict)

    def add(self, agency: Agency) -> Agency:
        self.agencies.append(agency)
        self.by_id[agency.id] = agency
        return agency


async def grow_directory(conn: asyncpg.Connection, total: int, rng: random.Random) -> Directory:
    """Read the demo directory from the gateway's schema and add agencies until there are `total`."""
    directory = Directory()
    rows = await conn.fetch("SELECT id, code, name, short_name, kind, parent_id FROM identity.agencies")
    for r in rows:
        directory.add(Agency(r["id"], r["code"], r["name"], r["short_name"], r["kind"], r["parent_id"]))
    root = next(a for a in directory.agencies if a.parent_id is None)
    new: list[Agency] = []

    def make(code: str, name: str, short: str, kind: str, parent: Agency) -> Agency:
        agency = directory.add(Agency(uuid.uuid4(), code, name, short, kind, parent.id))
        new.append(agency)
        return agency

    departments = [a for a in directory.agencies if a.kind == "department"]
    for d in departments:
        for i, division in enumerate(DIVISIONS):
            make(f"B_{d.code}_{i:02d}", f"{division} — {d.name}", f"{division} ({d.short_name})", "division", d)
    names = [f"{a} {b}" for a in FIRST.split() for b in SECOND.split() if a != b]
    rng.shuffle(names)
    communes = [a for a in directory.agencies if a.kind == "commune"]
    taken = {a.name.split(" ", 1)[1] for a in communes}
    for n in (n for n in names if n not in taken):
        if len(communes) >= COMMUNES:
            break
        communes.append(make(f"B_XA_{len(communes):03d}", f"Xã {n}", f"X. {n}", "commune", root))
    per_commune, spare = divmod(max(0, total - len(directory.agencies)), len(communes))
    for c, commune in enumerate(communes):
        place = commune.name.split(" ", 1)[1]
        units = [f"{u} {place}" for u in COMMUNE_UNITS]
        wanted = per_commune + (1 if c < spare else 0)
        units += [f"Tổ công nghệ số cộng đồng khu dân cư số {k + 1}, {commune.name}" for k in range(wanted)]
        for k, unit in enumerate(units[:wanted]):
            make(f"B_{commune.code}_{k:03d}", unit, unit.split(",")[0], "other", commune)
    await conn.copy_records_to_table(
        "agencies",
        schema_name="identity",
        columns=[
            "id",
            "code",
            "name",
            "short_name",
            "kind",
            "parent_id",
            "active",
            "aliases",
            "search_text",
            "version",
        ],
        records=[
            (a.id, a.code, a.name, a.short_name, a.kind, a.parent_id, True, [], fold(f"{a.name} {a.short_name}"), 1)
            for a in new
        ],
    )
    # The tasks service's own copy, as its directory follower would write it.
    await conn.copy_records_to_table(
        "agencies",
        schema_name="tasks",
        columns=["id", "code", "name", "short_name", "kind", "parent_id", "aliases", "active"],
        records=[(a.id, a.code, a.name, a.short_name, a.kind, a.parent_id, [], True) for a in directory.agencies],
    )
    # Who leads how much: a department or a commune carries hundreds of tasks, a school or a team dozens.
    for a in directory.agencies:
        a.weight = {"department": 80.0, "commune": 20.0, "university": 20.0, "province": 0.0}.get(a.kind, 1.0)
    return directory


def seed_wording(plans_dir: Path) -> tuple[list[str], list[str]]:
    """Task titles and results as the seed plans write them."""
    titles: list[str] = []
    results: list[str] = []
    for path in sorted(plans_dir.glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if len(row["Tên nhiệm vụ"]) >= 30 and row["Cơ quan chủ trì"]:
                    titles.append(row["Tên nhiệm vụ"].strip())
                if row.get("Kết quả/sản phẩm"):
                    results.append(row["Kết quả/sản phẩm"].strip())
    return titles, results


def deadline_phrases(rng: random.Random) -> Iterator[str]:
    roman = ("I", "II", "III", "IV")
    while True:
        year, month, roll = rng.randint(2025, 2030), rng.randint(1, 12), rng.random()
        if roll < 0.40:
            yield f"Tháng {month}/{year}"
        elif roll < 0.60:
            yield f"Quý {roman[rng.randrange(4)]}/{year}"
        elif roll < 0.70:
            yield f"Trước ngày {rng.randint(1, 28):02d}/{month:02d}/{year}"
        elif roll < 0.78:
            yield "Giai đoạn 2026-2030"
        elif roll < 0.85:
            yield "Hằng năm"
        elif roll < 0.88:
            yield "Hằng quý"
        elif roll < 0.95:
            yield "Thường xuyên"
        elif roll < 0.98:
            yield "Sau khi có hướng dẫn của Trung ương"
        else:
            yield ""


TASK_COLUMNS = [
    "id", "plan_id", "section_id", "assigned_by_agency_id", "number", "position", "title", "result",
    "lead_text", "coordinator_text", "responsible_person", "is_priority", "deadline_text", "deadline_kind",
    "due_on", "window_start", "window_end", "recurrence", "condition", "deadline_needs_review", "extended",
    "status", "percent", "completed_on", "unclear", "visible_to", "search_text", "version", "created_at",
    "updated_at",
]  # fmt: skip
SHARE_COLUMNS = [
    "id", "task_id", "agency_id", "role", "status", "percent", "due_on", "submitted_on", "completed_on",
    "last_update_at", "version", "created_at", "updated_at",
]  # fmt: skip
OPEN_WEIGHTS = {"not_started": 35, "in_progress": 45, "submitted": 8, "returned": 2, "completed_on_time": 8}
PAST_WEIGHTS = {
    "completed_on_time": 45,
    "completed_late": 15,
    "completed_after_extension": 5,
    "in_progress": 20,
    "not_started": 10,
    "submitted": 3,
    "returned": 2,
}


def _status(rng: random.Random, kind: str, due: date | None, today: date) -> tuple[str, int, date | None]:
    if kind == "conditional":
        return Status.AWAITING_CONDITION.value, 0, None
    weights = PAST_WEIGHTS if due and due < today else OPEN_WEIGHTS
    status = rng.choices(list(weights), weights=list(weights.values()))[0]
    if status.startswith("completed"):
        base = due or today
        done = base + timedelta(days=rng.randint(1, 60)) if status != "completed_on_time" else base
        return status, 100, min(done - timedelta(days=rng.randint(0, 20)), today)
    percent = {"not_started": 0, "submitted": 100, "returned": 90}.get(status, rng.randint(10, 90))
    return status, percent, None


class TaskWriter:
    """Builds task and share rows in batches; the wording and deadline meanings are computed once each."""

    def __init__(self, directory: Directory, plans_dir: Path, today: date, rng: random.Random) -> None:
        self.directory, self.today, self.rng = directory, today, rng
        self.titles, self.results = seed_wording(plans_dir)
        self.folded: dict[str, str] = {}
        self.deadlines: dict[str, Task] = {}
        self.phrases = deadline_phrases(rng)
        self.leads = [a for a in directory.agencies if a.weight > 0]
        self.cumulative = list(itertools.accumulate(a.weight for a in self.leads))

    def fold(self, text: str) -> str:
        if text not in self.folded:
            self.folded[text] = fold(text)
        return self.folded[text]

    def deadline(self, text: str) -> Task:
        if text not in self.deadlines:
            probe = Task()
            apply_deadline(probe, text, self.today)
            self.deadlines[text] = probe
        return self.deadlines[text]

    def rows(
        self, plans: list[tuple[uuid.UUID, list[uuid.UUID]]], start: int, count: int
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        rng, by_id = self.rng, self.directory.by_id
        tasks: list[tuple[Any, ...]] = []
        shares: list[tuple[Any, ...]] = []
        leads = rng.choices(self.leads, cum_weights=self.cumulative, k=count)
        for n, lead in enumerate(leads, start):
            plan_id, sections = plans[n % len(plans)]
            parent = by_id.get(lead.parent_id) if lead.parent_id else None
            assigned_by = parent.id if parent and parent.kind != "province" else None
            picked = rng.choices(self.leads, cum_weights=self.cumulative, k=rng.randint(0, 3))
            coordinators = {a.id: a for a in picked}
            coordinators.pop(lead.id, None)
            base = rng.choice(self.titles)
            title = f"{base} tại {lead.name}" if lead.kind == "other" else base
            result = rng.choice(self.results)
            coordinator_text = "; ".join(a.name for a in coordinators.values())
            probe = self.deadline(next(self.phrases))
            status, percent, completed_on = _status(rng, probe.deadline_kind, probe.due_on, self.today)
            person = rng.choice(PEOPLE) if rng.random() < 0.3 else ""
            facts = ClarityFacts(
                responsible_person=person,
                title=title,
                deadline_kind=probe.deadline_kind,
                deadline_needs_review=probe.deadline_needs_review,
                has_due_date=probe.due_on is not None,
                lead_count=1,
                result=result,
                reviewer_known=assigned_by is not None,
            )
            number = str(n % 200 + 1)
            folded_title = self.fold(base) + (" tai " + self.fold(lead.name) if lead.kind == "other" else "")
            search = " | ".join(
                [number, folded_title, self.fold(result), self.fold(lead.name), self.fold(coordinator_text)]
            )
            created = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 900_000))
            task_id = uuid.uuid4()
            visible = {lead.id, *coordinators} | ({assigned_by} if assigned_by else set())
            tasks.append(
                (
                    task_id, plan_id, rng.choice(sections), assigned_by, number, n, title, result,
                    lead.name, coordinator_text, person, rng.random() < 0.2, probe.deadline_text,
                    probe.deadline_kind, probe.due_on, probe.window_start, probe.window_end,
                    json.dumps(probe.recurrence) if probe.recurrence else None, probe.condition,
                    probe.deadline_needs_review, status == "completed_after_extension", status, percent,
                    completed_on, unclear(facts), sorted(visible, key=str), search, 1, created, created,
                )
            )  # fmt: skip
            for agency, role in [(lead, "lead"), *((a, "coordinator") for a in coordinators.values())]:
                shares.append(
                    (
                        uuid.uuid4(), task_id, agency.id, role, status, percent, probe.due_on,
                        completed_on if status != "in_progress" else None, completed_on,
                        created, 1, created, created,
                    )
                )  # fmt: skip
        return tasks, shares


async def add_plans(
    conn: asyncpg.Connection, directory: Directory, count: int
) -> list[tuple[uuid.UUID, list[uuid.UUID]]]:
    """`count` plans issued by departments and communes, each with six sections."""
    standing = next((a.id for a in directory.agencies if a.code == "SKHCN"), None)
    issuers = [a for a in directory.agencies if a.kind in ("department", "commune")]
    plans: list[tuple[uuid.UUID, list[uuid.UUID]]] = []
    plan_rows, section_rows = [], []
    for i in range(count):
        issuer = issuers[i % len(issuers)]
        plan_id = uuid.uuid4()
        title = f"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của {issuer.name} (dữ liệu đo hiệu năng, số {i + 1})"
        plan_rows.append(
            (plan_id, f"bench-{i}", "Kế hoạch", f"{i + 1}/KH-BENCH", issuer.name, issuer.id, standing, title,
             fold(title), 1)
        )  # fmt: skip
        sections = []
        for s, roman in enumerate(("I", "II", "III", "IV", "V", "VI")):
            section_id = uuid.uuid4()
            sections.append(section_id)
            section_rows.append((section_id, plan_id, roman, f"Nhóm nhiệm vụ {roman}", f"{s + 1:04d}", 1, s == 0))
        plans.append((plan_id, sections))
    await conn.copy_records_to_table(
        "plans",
        schema_name="tasks",
        columns=["id", "key", "kind", "symbol", "issuer", "issuer_agency_id", "standing_agency_id", "title",
                 "search_text", "version"],
        records=plan_rows,
    )  # fmt: skip
    await conn.copy_records_to_table(
        "sections",
        schema_name="tasks",
        columns=["id", "plan_id", "number", "title", "path", "depth", "is_priority"],
        records=section_rows,
    )
    return plans


async def secondary_indexes(conn: asyncpg.Connection, tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, definition) of the indexes on these tasks tables that no constraint owns."""
    rows = await conn.fetch(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'tasks' AND i.tablename = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        list(tables),
    )
    return [(r["indexname"], r["indexdef"]) for r in rows]


async def load_tasks(
    conn: asyncpg.Connection, writer: TaskWriter, plans: list[tuple[uuid.UUID, list[uuid.UUID]]], total: int
) -> None:
    indexes = await secondary_indexes(conn, ("tasks", "assignments"))
    for name, _ in indexes:
        await conn.execute(f'DROP INDEX tasks."{name}"')
    # task_scope is written in one statement after the load, as the migration that created it does.
    await conn.execute("ALTER TABLE tasks.tasks DISABLE TRIGGER sync_task_scope")
    batch = 50_000
    for start in range(0, total, batch):
        tasks, shares = writer.rows(plans, start, min(batch, total - start))
        await conn.copy_records_to_table("tasks", schema_name="tasks", columns=TASK_COLUMNS, records=tasks)
        await conn.copy_records_to_table("assignments", schema_name="tasks", columns=SHARE_COLUMNS, records=shares)
        print(f"  {start + len(tasks):>9,} nhiệm vụ", flush=True)
    await conn.execute("ALTER TABLE tasks.tasks ENABLE TRIGGER sync_task_scope")
    await conn.execute(
        "INSERT INTO tasks.task_scope (agency_id, task_id, status, due_key) "
        "SELECT DISTINCT agency, t.id, t.status, coalesce(t.due_on, DATE 'infinity') "
        "FROM tasks.tasks t, unnest(t.visible_to) AS agency"
    )
    await conn.execute("SET maintenance_work_mem = '1GB'")
    for _, definition in indexes:
        await conn.execute(definition)
    await conn.execute("VACUUM ANALYZE tasks.tasks")
    await conn.execute("VACUUM ANALYZE tasks.assignments")
    await conn.execute("VACUUM ANALYZE tasks.task_scope")
    await conn.execute("ANALYZE tasks.agencies")
