"""The delivery engine with real worker processes sharing one database: three at once deliver every reminder
exactly once; a worker killed mid-batch leaves claims that another worker delivers after the lease expires;
e-mail survives the SMTP server being down; a failing webhook is retried with backoff, then dead-lettered."""

from __future__ import annotations

import itertools
import json
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from common.clock import VIETNAM
from notifications.calendar.workdays import WorkCalendar
from notifications.channel.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify

from tests.conftest import free_port
from tests.mailbox import Mailbox, body_text
from tests.notifications.worker_support import WorkerWorld, shifted_today, wait_for, world


@pytest.fixture
def workers(new_database: Callable[[str], str], tmp_path: Path) -> Iterator[WorkerWorld]:
    yield from world(new_database, tmp_path)


@pytest.fixture
def smtp() -> Iterator[Mailbox]:
    box = Mailbox(free_port()).start()
    try:
        yield box
    finally:
        box.stop()


def due_in_three_working_days(workers: WorkerWorld):  # type: ignore[no-untyped-def]
    return WorkCalendar().add_working_days(shifted_today(workers.shift), 3)


class TestManyWorkers:
    def test_three_workers_deliver_every_reminder_exactly_once(self, workers: WorkerWorld, smtp: Mailbox) -> None:
        agencies = workers.people(150)
        workers.deadlines(agencies, due_in_three_working_days(workers))
        for n in range(3):
            workers.start_worker(
                f"worker-{n}", NOTIFICATIONS_SMTP_HOST="127.0.0.1", NOTIFICATIONS_SMTP_PORT=str(smtp.port)
            )

        assert wait_for(lambda: workers.counts().get("sent", 0) == 300, 90), workers.counts()

        assert workers.counts() == {"sent": 300}
        notices = workers.run("SELECT event_type, count(*) FROM notifications.notices GROUP BY 1")
        assert notices == [("task.due_soon", 150)]
        assert workers.run("SELECT max(attempts), min(attempts) FROM notifications.deliveries") == [(1, 1)]
        inbox = workers.run(
            "SELECT count(*), count(DISTINCT delivery_id), count(DISTINCT user_id) FROM notifications.inbox_items"
        )
        assert inbox == [(150, 150, 150)]
        mails = smtp.wait_for(150)
        assert len(mails) == 150
        assert len({m["Message-ID"] for m in mails}) == 150
        assert len({str(m["To"]) for m in mails}) == 150
        senders = workers.run("SELECT count(DISTINCT claimed_by) FROM notifications.deliveries")
        assert senders[0][0] >= 2, "the batch was not shared between the workers"

    def test_a_worker_killed_mid_batch_has_its_claims_delivered_by_another(self, workers: WorkerWorld) -> None:
        agencies = workers.people(400)
        workers.deadlines(agencies, due_in_three_working_days(workers))
        lease = {"NOTIFICATIONS_CLAIM_SECONDS": "3", "NOTIFICATIONS_BATCH_SIZE": "400"}
        doomed = workers.start_worker("doomed", **lease)

        def mid_batch() -> bool:
            rows = workers.run(
                "SELECT status, count(*) FROM notifications.deliveries WHERE claimed_by = 'doomed' GROUP BY 1"
            )
            state = dict(rows)
            return state.get("sent", 0) > 0 and state.get("sending", 0) > 0

        assert wait_for(mid_batch, 60)
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait()
        stranded = workers.run(
            "SELECT count(*) FROM notifications.deliveries WHERE claimed_by = 'doomed' AND status = 'sending'"
        )[0][0]
        assert stranded > 0
        workers.start_worker("rescuer", **lease)

        assert wait_for(lambda: workers.counts() == {"sent": 400}, 60), workers.counts()
        assert workers.run("SELECT count(*), count(DISTINCT delivery_id) FROM notifications.inbox_items") == [
            (400, 400)
        ]
        rescued = workers.run(
            "SELECT count(*) FROM notifications.deliveries WHERE claimed_by = 'rescuer' AND attempts = 2"
        )[0][0]
        assert rescued == stranded


class TestEmailOutage:
    def test_smtp_down_then_up_delivers_every_email_once(self, workers: WorkerWorld) -> None:
        agencies = workers.people(20)
        workers.deadlines(agencies, due_in_three_working_days(workers))
        port = free_port()  # nothing listens here yet: the SMTP server is down
        workers.start_worker(
            "mailer",
            NOTIFICATIONS_SMTP_HOST="127.0.0.1",
            NOTIFICATIONS_SMTP_PORT=str(port),
            NOTIFICATIONS_RETRY_BASE_SECONDS="1",
            NOTIFICATIONS_RETRY_CAP_SECONDS="2",
            NOTIFICATIONS_MAX_ATTEMPTS="50",
        )

        def retried() -> bool:
            rows = workers.run(
                "SELECT min(attempts) FROM notifications.deliveries WHERE channel = 'email' AND status = 'pending'"
            )
            return bool(rows[0][0] and rows[0][0] >= 2)

        assert wait_for(retried, 60), workers.counts()
        errors = workers.run("SELECT DISTINCT last_error FROM notifications.deliveries WHERE channel = 'email'")
        assert all(e[0] for e in errors), errors
        box = Mailbox(port).start()
        try:
            assert wait_for(lambda: workers.counts() == {"sent": 40}, 60), workers.counts()
            mails = box.wait_for(20)
            assert len(mails) == 20
            assert len({m["Message-ID"] for m in mails}) == 20
        finally:
            box.stop()


class Receiver(BaseHTTPRequestHandler):
    """Verifies each signed request; answers with the status its URL asks for (`/ok`, `/fail`, `/flaky`)."""

    secret = "bí-mật-thử-nghiệm"
    calls: list[tuple[str, float, bool, dict[str, object]]] = []
    flaky_left = 2

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        signed = verify(
            self.secret, self.headers[TIMESTAMP_HEADER], self.headers[SIGNATURE_HEADER], body, now=int(time.time())
        )
        Receiver.calls.append((self.path, time.monotonic(), signed, json.loads(body)))
        status = 200
        if self.path == "/fail" or (self.path == "/flaky" and Receiver.flaky_left > 0):
            Receiver.flaky_left -= self.path == "/flaky"
            status = 500
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class TestWebhooks:
    @pytest.fixture
    def receiver(self) -> Iterator[str]:
        Receiver.calls, Receiver.flaky_left = [], 2
        server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()

    def test_signed_retried_with_backoff_then_dead_lettered(self, workers: WorkerWorld, receiver: str) -> None:
        agencies = workers.people(3)
        for agency, path in zip(agencies, ("/ok", "/flaky", "/fail"), strict=True):
            workers.run(
                "INSERT INTO notifications.webhooks (id, agency_id, url, secret, event_types, description, active, "
                "created_by) VALUES (:id, :a, :url, :s, ARRAY[]::varchar[], '', true, 'thử')",
                {"id": uuid.uuid4(), "a": agency, "url": receiver + path, "s": Receiver.secret},
            )
        workers.deadlines(agencies, due_in_three_working_days(workers))
        workers.start_worker(
            "hooks",
            NOTIFICATIONS_RETRY_BASE_SECONDS="1",
            NOTIFICATIONS_RETRY_CAP_SECONDS="30",
            NOTIFICATIONS_MAX_ATTEMPTS="4",
        )

        def settled() -> bool:
            rows = workers.run("SELECT status FROM notifications.deliveries WHERE channel = 'webhook'")
            return sorted(r[0] for r in rows) == ["dead", "sent", "sent"]

        assert wait_for(settled, 60), workers.run("SELECT status, attempts, last_error FROM notifications.deliveries")
        assert all(signed for _, _, signed, _ in Receiver.calls)
        by_path = {p: [c for c in Receiver.calls if c[0] == p] for p in ("/ok", "/flaky", "/fail")}
        assert [len(by_path[p]) for p in ("/ok", "/flaky", "/fail")] == [1, 3, 4]
        gaps = [b[1] - a[1] for a, b in itertools.pairwise(by_path["/fail"])]
        assert gaps[0] >= 0.9 and gaps[1] >= 1.9 and gaps[2] >= 3.9, gaps  # 1 s, 2 s, 4 s
        dead = workers.run(
            "SELECT attempts, last_error FROM notifications.deliveries WHERE channel = 'webhook' AND status = 'dead'"
        )
        assert dead[0][0] == 4 and "500" in dead[0][1]
        payload = by_path["/ok"][0][3]
        assert payload["event_type"] == "task.due_soon" and payload["subject"]["type"] == "task"  # type: ignore[index]
        assert "sắp đến hạn" in str(payload["title"]).lower()


class TestIndicatorReports:
    def test_only_agencies_that_have_not_submitted_are_reminded(self, workers: WorkerWorld) -> None:
        due = WorkCalendar().add_working_days(shifted_today(workers.shift), 5)
        late_from = due + timedelta(days=1)
        period = str(late_from.year)
        plan, indicator, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        workers.run(
            "INSERT INTO notifications.report_plans (plan_id, plan_key, plan_symbol, schedule) "
            "VALUES (:p, 'thu-nghiem', '01/KH-THU', CAST(:s AS jsonb))",
            {"p": plan, "s": json.dumps({"year": {"month": late_from.month, "day": late_from.day}})},
        )
        late, done, partly = workers.people(3)
        for agency in (late, done, partly):
            for owed in (indicator, other):
                workers.run(
                    "INSERT INTO notifications.report_duties (indicator_id, agency_id, plan_id, periodicity, name) "
                    "VALUES (:i, :a, :p, 'year', 'Tỷ lệ hồ sơ trực tuyến')",
                    {"i": owed, "a": agency, "p": plan},
                )
        for agency, given in ((done, (indicator, other)), (partly, (indicator,))):
            for owed in given:
                workers.run(
                    "INSERT INTO notifications.report_submissions (indicator_id, agency_id, period) "
                    "VALUES (:i, :a, :p)",
                    {"i": owed, "a": agency, "p": period},
                )
        workers.start_worker("reports")

        assert wait_for(lambda: workers.counts().get("sent", 0) == 2, 60), workers.counts()
        notices = workers.run(
            "SELECT agency_id, event_type, context->>'missing_count', context->>'due_date', context->>'period_label' "
            "FROM notifications.notices ORDER BY context->>'missing_count'"
        )
        assert [(n[0], n[1], n[2]) for n in notices] == [
            (partly, "indicator.report_due", "1"),
            (late, "indicator.report_due", "2"),
        ]
        assert notices[0][3] == due.strftime("%d/%m/%Y") and notices[0][4] == f"Năm {period}"
        titles = workers.run("SELECT title, summary FROM notifications.inbox_items")
        assert len(titles) == 2 and all("chỉ tiêu" in (t + s).lower() for t, s in titles), titles


class TestInboxReminders:
    def test_a_newer_reminder_replaces_the_unread_one_for_the_same_task(self, workers: WorkerWorld) -> None:
        (agency,) = workers.people(1)
        workers.deadlines([agency], due_in_three_working_days(workers))
        workers.start_worker("reminders", NOTIFICATIONS_SCHEDULE_EVERY_SECONDS="0.3")
        assert wait_for(lambda: workers.counts() == {"sent": 1}, 60), workers.counts()
        tomorrow = WorkCalendar().add_working_days(shifted_today(workers.shift), 1)
        workers.run("UPDATE notifications.deadlines SET due_on = :d, updated_at = now()", {"d": tomorrow})

        assert wait_for(lambda: workers.counts() == {"sent": 2}, 60), workers.counts()
        items = workers.run(
            "SELECT n.occurrence, i.superseded_at IS NULL FROM notifications.inbox_items i "
            "JOIN notifications.deliveries d ON d.id = i.delivery_id "
            "JOIN notifications.notices n ON n.id = d.notice_id "
            "ORDER BY i.id"
        )
        assert [live for _, live in items] == [False, True]
        assert items[1][0].endswith(f"{tomorrow.isoformat()}:before:1")


class TestDigest:
    def test_one_morning_email_instead_of_one_per_reminder(self, workers: WorkerWorld, smtp: Mailbox) -> None:
        (agency,) = workers.people(1)
        workers.run(
            "INSERT INTO notifications.recipient_settings (user_id, digest, updated_at) "
            "SELECT id, true, now() FROM notifications.users"
        )
        workers.deadlines([agency], due_in_three_working_days(workers), per_agency=3)
        opening = (datetime.now(VIETNAM) + timedelta(seconds=workers.shift + 15)).time().replace(microsecond=0)
        workers.start_worker(
            "digest",
            NOTIFICATIONS_SMTP_HOST="127.0.0.1",
            NOTIFICATIONS_SMTP_PORT=str(smtp.port),
            NOTIFICATIONS_SEND_WINDOW_START=opening.isoformat(),  # the window opens in 15 s: the digest waits for it
            NOTIFICATIONS_SEND_WINDOW_END="23:59:00",
        )

        assert wait_for(lambda: workers.counts() == {"sent": 3, "pending": 3}, 30), workers.counts()
        assert smtp.messages() == []
        assert wait_for(lambda: workers.counts() == {"sent": 6}, 60), workers.counts()
        (mail,) = smtp.wait_for(1)
        assert "bản tin" in str(mail["Subject"]).lower(), mail["Subject"]
        text = body_text(mail, "plain")
        assert all(f"Cập nhật dữ liệu hộ tịch đợt {n}" in text for n in (1, 2, 3)), text
        channels = workers.run("SELECT channel, count(*) FROM notifications.deliveries GROUP BY 1 ORDER BY 1")
        assert channels == [("digest", 3), ("inbox", 3)]
