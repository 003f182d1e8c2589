"""The working-day calendar through the gateway and straight at the service: everyone reads it, with the
national holidays named in Vietnamese; only the province's administrators add or remove extra days off and
make-up working days, which then show in the calendar; a retried add acts once; bad input names the field."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from notifications.calendar.workdays import WorkCalendar
from tiendo.stack import Stack

from tests.gateway.identity_support import Auth, assert_vietnamese_problem
from tests.tasks.task_support import REPLAYED, key

CALENDAR = "/api/v1/notifications/calendar"
DAYS = f"{CALENDAR}/days"
# Far from any deadline the other tests follow: an extra day here moves no reminder of theirs.
FAR = date(2030, 3, 1)


@pytest.fixture(scope="module")
def direct(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("notifications"), timeout=20) as client:
        yield client


def working_days(count: int, start: date = FAR) -> list[date]:
    """National working days (Monday–Friday, not a holiday) from `start`."""
    national = WorkCalendar(around=start.year)
    found: list[date] = []
    day = start
    while len(found) < count:
        if national.is_working_day(day):
            found.append(day)
        day += timedelta(days=1)
    return found


def calendar(api: httpx.Client, auth: Auth, start: date, end: date, user: str = "syt.canbo") -> dict[date, Any]:
    response = api.get(CALENDAR, params={"from": start.isoformat(), "to": end.isoformat()}, headers=auth(user))
    assert response.status_code == 200, response.text
    return {date.fromisoformat(d["date"]): d for d in response.json()}


@pytest.fixture
def cleanup(api: httpx.Client, auth: Auth) -> Iterator[list[date]]:
    days: list[date] = []
    yield days
    for day in days:
        api.delete(f"{DAYS}/{day.isoformat()}", headers=auth("admin"))


class TestReadCalendar:
    def test_tet_2026_is_nine_days_off_with_the_holidays_named_in_vietnamese(
        self, api: httpx.Client, auth: Auth
    ) -> None:
        days = calendar(api, auth, date(2026, 2, 14), date(2026, 2, 22))
        assert list(days) == [date(2026, 2, 14) + timedelta(days=n) for n in range(9)]
        assert not any(d["working"] for d in days.values())
        tet = [days[date(2026, 2, n)] for n in range(16, 21)]
        assert all(d["holiday"] and "Tết Nguyên Đán" in d["holiday"] for d in tet), tet
        assert days[date(2026, 2, 17)]["holiday"] == "Tết Nguyên Đán"
        assert days[date(2026, 2, 14)]["holiday"] is None  # a Saturday, off but no holiday
        assert [days[date(2026, 2, n)]["weekday"] for n in (14, 15, 16)] == ["Thứ Bảy", "Chủ nhật", "Thứ Hai"]
        assert all(d["extra"] is None and d["note"] == "" for d in days.values())
        after = calendar(api, auth, date(2026, 2, 23), date(2026, 2, 23))
        assert after[date(2026, 2, 23)]["working"] is True

    def test_every_person_reads_it_at_the_gateway_and_at_the_service(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth
    ) -> None:
        params = {"from": "2026-09-01", "to": "2026-09-03"}
        for http in (api, direct):
            for user in ("viewer", "vietri.canbo", "leader", "admin"):
                response = http.get(CALENDAR, params=params, headers=auth(user))
                assert response.status_code == 200, response.text
                assert response.json()[1]["holiday"] == "Quốc khánh"
            assert_vietnamese_problem(http.get(CALENDAR, params=params), 401)

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"from": "2026-03-10", "to": "2026-03-01"}, "to"),
            ({"from": "2026-01-01", "to": "2027-02-05"}, "to"),
            ({"from": "10/03/2026", "to": "2026-03-20"}, "from"),
            ({"from": "2026-03-10"}, "to"),
        ],
    )
    def test_a_bad_range_names_the_field(
        self, api: httpx.Client, auth: Auth, params: dict[str, str], field: str
    ) -> None:
        assert_vietnamese_problem(api.get(CALENDAR, params=params, headers=auth("viewer")), 422, field)

    def test_four_hundred_days_is_the_most_at_once(self, api: httpx.Client, auth: Auth) -> None:
        start = date(2026, 1, 1)
        days = calendar(api, auth, start, start + timedelta(days=399))
        assert len(days) == 400


class TestExtraDays:
    def test_an_extra_day_off_shows_in_the_calendar_until_removed(
        self, api: httpx.Client, auth: Auth, cleanup: list[date]
    ) -> None:
        day = working_days(1)[0]
        cleanup.append(day)
        body = {"day": day.isoformat(), "kind": "off", "note": "Nghỉ bù kỷ niệm ngày thành lập tỉnh"}
        added = api.post(DAYS, json=body, headers=auth("coordinator"))
        assert added.status_code == 201, added.text
        assert added.json()["kind_label"] == "Ngày nghỉ thêm" and added.json()["created_by"] == "coordinator"
        shown = calendar(api, auth, day, day, user="viewer")[day]
        assert (shown["working"], shown["extra"], shown["note"]) == (False, "off", body["note"])
        listed = api.get(DAYS, params={"year": day.year}, headers=auth("syt.canbo"))
        assert [d["day"] for d in listed.json()] == [day.isoformat()]

        removed = api.delete(f"{DAYS}/{day.isoformat()}", headers=auth("coordinator"))
        assert removed.status_code == 204, removed.text
        again = calendar(api, auth, day, day)[day]
        assert (again["working"], again["extra"]) == (True, None)
        assert_vietnamese_problem(api.delete(f"{DAYS}/{day.isoformat()}", headers=auth("coordinator")), 404)

    def test_a_make_up_saturday_becomes_a_working_day(self, api: httpx.Client, auth: Auth, cleanup: list[date]) -> None:
        saturday = FAR + timedelta(days=(5 - FAR.weekday()) % 7 + 14)
        cleanup.append(saturday)
        added = api.post(DAYS, json={"day": saturday.isoformat(), "kind": "work"}, headers=auth("admin"))
        assert added.status_code == 201, added.text
        shown = calendar(api, auth, saturday, saturday)[saturday]
        assert (shown["weekday"], shown["working"], shown["extra"]) == ("Thứ Bảy", True, "work")

    def test_a_day_already_set_conflicts_and_a_retry_acts_once(
        self, api: httpx.Client, auth: Auth, cleanup: list[date]
    ) -> None:
        day = working_days(3)[2]
        cleanup.append(day)
        body = {"day": day.isoformat(), "kind": "off", "note": "Lần đầu"}
        idem = {"Idempotency-Key": key()}
        first = api.post(DAYS, json=body, headers=auth("admin") | idem)
        retried = api.post(DAYS, json=body, headers=auth("admin") | idem)
        assert first.status_code == retried.status_code == 201, retried.text
        assert retried.headers.get(REPLAYED) == "true" and retried.json() == first.json()
        other = {"day": day.isoformat(), "kind": "off", "note": "Lần hai"}
        assert_vietnamese_problem(api.post(DAYS, json=other, headers=auth("admin")), 409)
        listed = api.get(DAYS, params={"year": day.year}, headers=auth("admin")).json()
        assert [d["note"] for d in listed if d["day"] == day.isoformat()] == ["Lần đầu"]

    def test_only_the_province_administrators_change_the_calendar(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, cleanup: list[date]
    ) -> None:
        day = working_days(2)[1]
        body = {"day": day.isoformat(), "kind": "off"}
        for http in (api, direct):
            for user in ("syt.lanhdao", "vietri.canbo", "viewer", "leader"):
                assert_vietnamese_problem(
                    http.post(DAYS, json=body, headers=auth(user) | {"Idempotency-Key": key()}), 403
                )
        assert day.isoformat() not in [d["day"] for d in api.get(DAYS, headers=auth("admin")).json()]
        cleanup.append(day)
        assert api.post(DAYS, json=body, headers=auth("admin")).status_code == 201
        for http in (api, direct):
            for user in ("syt.lanhdao", "viewer"):
                assert_vietnamese_problem(http.delete(f"{DAYS}/{day.isoformat()}", headers=auth(user)), 403)
        assert calendar(api, auth, day, day)[day]["extra"] == "off"

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"kind": "nghi"}, "kind"),
            ({"day": "31/12/2030"}, "day"),
            ({"note": "x" * 301}, "note"),
            ({"kind": "work"}, "day"),  # a weekday already works
            ({"day": "2030-03-02"}, "day"),  # a Saturday is already off
        ],
    )
    def test_bad_input_names_the_field(self, api: httpx.Client, auth: Auth, change: dict[str, str], field: str) -> None:
        body = {"day": working_days(4)[3].isoformat(), "kind": "off", "note": ""} | change
        assert_vietnamese_problem(api.post(DAYS, json=body, headers=auth("admin")), 422, field)
