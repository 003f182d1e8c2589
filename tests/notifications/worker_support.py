"""Worker processes over a database of their own: the copied deadlines and people are written straight into the
notifications schema (what the feeds would have copied), then real `python -m notifications work` processes run."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from common.clock import VIETNAM
from common.migrations import migrate
from common.settings import async_database_url
from notifications.calendar.workdays import SendWindow, WorkCalendar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine


def working_morning_shift() -> float:
    """Seconds to add to the clock so that a worker stands on a working day inside the sending window, whatever
    day and hour the tests run (reminders fire on working days only, e-mail goes inside the window)."""
    now = datetime.now(VIETNAM)
    calendar, window = WorkCalendar(), SendWindow()
    if calendar.in_window(now, window) and now.hour < 15:
        return 0.0
    opening = calendar.next_window_open(now + timedelta(hours=3), window)
    return (opening + timedelta(hours=1) - now).total_seconds()


def shifted_today(shift: float) -> date:
    return (datetime.now(VIETNAM) + timedelta(seconds=shift)).date()


class WorkerWorld:
    """A notifications schema with `agencies` agencies of one officer each and their deadlines."""

    def __init__(self, url: str, log_dir: Path) -> None:
        self.url, self.log_dir = async_database_url(url), log_dir
        self.shift = working_morning_shift()
        self.processes: list[subprocess.Popen[bytes]] = []

    def run(self, statement: str, params: dict[str, Any] | None = None) -> list[Any]:
        async def go() -> list[Any]:
            engine = create_async_engine(self.url)
            try:
                async with engine.begin() as conn:
                    result = await conn.execute(text(statement), params or {})
                    return list(result.all()) if result.returns_rows else []
            finally:
                await engine.dispose()

        return asyncio.run(go())

    def migrate(self) -> None:
        asyncio.run(migrate(self.url, "notifications", "notifications"))

    def people(self, count: int) -> list[uuid.UUID]:
        """`count` agencies, each with one officer who has an e-mail address; returns the agency ids."""
        agencies = [uuid.uuid4() for _ in range(count)]
        for n, agency in enumerate(agencies):
            self.run(
                "INSERT INTO notifications.users (id, username, full_name, email, agency_id, roles, active) "
                "VALUES (:id, :u, :n, :e, :a, ARRAY['agency_officer'], true)",
                {"id": uuid.uuid4(), "u": f"canbo{n}", "n": f"Cán bộ số {n}", "e": f"canbo{n}@xa.vn", "a": agency},
            )
        return agencies

    def deadlines(self, agencies: list[uuid.UUID], due: date, per_agency: int = 1) -> None:
        plan = uuid.uuid4()
        for agency in agencies:
            for n in range(per_agency):
                self.run(
                    "INSERT INTO notifications.deadlines (task_id, agency_id, plan_id, plan_symbol, number, title, "
                    "deadline_text, periodic, due_on, open, updated_at) "
                    "VALUES (:t, :a, :p, '99/KH-UBND', :num, :title, "
                    ":text, false, :due, true, now())",
                    {
                        "t": uuid.uuid4(),
                        "a": agency,
                        "p": plan,
                        "num": str(n + 1),
                        "title": f"Cập nhật dữ liệu hộ tịch đợt {n + 1}",
                        "text": f"Ngày {due:%d/%m/%Y}",
                        "due": due,
                    },
                )

    def start_worker(self, name: str, **env: str) -> subprocess.Popen[bytes]:
        settings = {
            "DATABASE_URL": self.url,
            "TIENDO_DEMO_MODE": "true",
            "TIENDO_LOG_LEVEL": "WARNING",
            "NOTIFICATIONS_WORKER_ID": name,
            "NOTIFICATIONS_CLOCK_SHIFT_SECONDS": str(self.shift),
            "NOTIFICATIONS_SCHEDULE_EVERY_SECONDS": "0.5",
            "NOTIFICATIONS_IDLE_SECONDS": "0.1",
            "NOTIFICATIONS_BATCH_SIZE": "20",
        } | env
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFICATIONS_", "DATABASE_URL"))}
        log = (self.log_dir / f"{name}.log").open("ab")
        process = subprocess.Popen(
            [sys.executable, "-m", "notifications", "work"], env=environment | settings, stdout=log, stderr=log
        )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()

    def counts(self) -> dict[str, int]:
        rows = self.run("SELECT status, count(*) FROM notifications.deliveries GROUP BY status")
        return {status: count for status, count in rows}


def wait_for(check: Callable[[], bool], timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def world(new_database: Callable[[str], str], log_dir: Path) -> Iterator[WorkerWorld]:
    found = WorkerWorld(new_database("workers"), log_dir)
    found.migrate()
    try:
        yield found
    finally:
        found.stop()
