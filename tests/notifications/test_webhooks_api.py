"""Webhooks through the gateway and straight at the service: an agency's head registers one for an agency under
it and gets the signing secret once; another agency's head neither registers one there nor sees or deletes it;
read-only callers are refused; a retried registration makes one webhook; bad input names the field; deleting
turns the webhook off."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tiendo.stack import Stack

from tests.gateway.identity_support import Auth, agency_by_code, assert_vietnamese_problem
from tests.tasks.task_support import REPLAYED, key

WEBHOOKS = "/api/v1/notifications/webhooks"
HOSPITAL = "SYT_BVDK_PHU_THO"
# Only this event, which no other test sends to the hospital: the worker has nothing to post to these addresses.
QUIET = ["indicator.value_accepted"]


@pytest.fixture(scope="module")
def direct(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("notifications"), timeout=20) as client:
        yield client


@pytest.fixture(scope="module")
def hospital(api: httpx.Client, auth: Auth) -> str:
    return str(agency_by_code(api, auth, HOSPITAL)["id"])


@pytest.fixture(scope="module")
def created(api: httpx.Client, auth: Auth) -> Iterator[list[str]]:
    ids: list[str] = []
    yield ids
    for webhook_id in ids:
        api.delete(f"{WEBHOOKS}/{webhook_id}", headers=auth("admin"))


def register(api: httpx.Client, auth: Auth, created: list[str], user: str, body: dict[str, Any]) -> httpx.Response:
    response = api.post(WEBHOOKS, json=body, headers=auth(user) | {"Idempotency-Key": key()})
    if response.status_code == 201:
        created.append(response.json()["id"])
    return response


@pytest.fixture(scope="module")
def hook(api: httpx.Client, auth: Auth, hospital: str, created: list[str]) -> dict[str, Any]:
    body = {
        "agency_id": hospital,
        "url": "http://127.0.0.1:9/tiendo/hook",
        "event_types": QUIET,
        "description": "Hệ thống điều hành của bệnh viện",
    }
    response = register(api, auth, created, "syt.lanhdao", body)
    assert response.status_code == 201, response.text
    registered: dict[str, Any] = response.json()
    return registered


def listed(api: httpx.Client, auth: Auth, user: str, **params: Any) -> list[dict[str, Any]]:
    response = api.get(WEBHOOKS, params=params, headers=auth(user))
    assert response.status_code == 200, response.text
    assert "secret" not in response.text
    found: list[dict[str, Any]] = response.json()
    return found


class TestRegisterWebhook:
    def test_agency_head_registers_one_for_an_agency_under_it_and_gets_the_secret_once(
        self, api: httpx.Client, auth: Auth, hook: dict[str, Any], hospital: str
    ) -> None:
        assert hook["agency_id"] == hospital and hook["agency_name"]
        assert hook["active"] is True and hook["created_by"] == "syt.lanhdao"
        assert hook["event_types"] == QUIET and hook["event_labels"] == ["Số liệu chỉ tiêu được chấp nhận"]
        assert len(hook["secret"]) >= 40
        mine = [h for h in listed(api, auth, "syt.lanhdao") if h["id"] == hook["id"]]
        assert len(mine) == 1 and "secret" not in mine[0]
        assert hook["secret"] not in api.get(WEBHOOKS, headers=auth("admin")).text

    def test_every_event_when_none_is_named(
        self, api: httpx.Client, auth: Auth, hospital: str, created: list[str]
    ) -> None:
        body = {"agency_id": hospital, "url": "https://127.0.0.1:9/all"}
        response = register(api, auth, created, "admin", body)
        assert response.status_code == 201, response.text
        assert response.json()["event_types"] == [] and response.json()["description"] == ""
        api.delete(f"{WEBHOOKS}/{response.json()['id']}", headers=auth("admin"))

    def test_a_retried_registration_makes_one_webhook_with_one_secret(
        self, api: httpx.Client, auth: Auth, hospital: str, created: list[str]
    ) -> None:
        body = {"agency_id": hospital, "url": "http://127.0.0.1:9/retry", "event_types": QUIET}
        idem = {"Idempotency-Key": key()}
        first = api.post(WEBHOOKS, json=body, headers=auth("syt.lanhdao") | idem)
        assert first.status_code == 201, first.text
        created.append(first.json()["id"])
        again = api.post(WEBHOOKS, json=body, headers=auth("syt.lanhdao") | idem)
        assert again.status_code == 201 and again.headers.get(REPLAYED) == "true"
        assert again.json() == first.json()
        same_url = [h for h in listed(api, auth, "admin", agency_id=hospital) if h["url"] == body["url"]]
        assert len(same_url) == 1

    def test_another_agencys_head_is_refused_at_the_gateway_and_at_the_service(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, hospital: str
    ) -> None:
        body = {"agency_id": hospital, "url": "http://127.0.0.1:9/viettri", "event_types": QUIET}
        for http in (api, direct):
            response = http.post(WEBHOOKS, json=body, headers=auth("vietri.lanhdao") | {"Idempotency-Key": key()})
            assert_vietnamese_problem(response, 403)
        assert not [h for h in listed(api, auth, "admin", include_inactive=True) if h["url"] == body["url"]]

    def test_officers_viewers_and_leaders_are_refused(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, hospital: str
    ) -> None:
        body = {"agency_id": hospital, "url": "http://127.0.0.1:9/x", "event_types": QUIET}
        for http in (api, direct):
            for user in ("viewer", "syt.canbo", "leader"):
                assert_vietnamese_problem(http.post(WEBHOOKS, json=body, headers=auth(user)), 403)

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"url": "ftp://127.0.0.1/hook"}, "url"),
            ({"url": "http://nguoi:matkhau@127.0.0.1/hook"}, "url"),
            ({"url": "http:///hook"}, "url"),
            ({"url": ""}, "url"),
            ({"event_types": ["task.khong_co"]}, "event_types"),
            ({"event_types": ["task.overdue", "task.overdue"]}, "event_types"),
            ({"agency_id": "khong-phai-ma"}, "agency_id"),
            ({"description": "d" * 301}, "description"),
        ],
    )
    def test_bad_input_names_the_field_in_vietnamese(
        self, api: httpx.Client, auth: Auth, hospital: str, change: dict[str, Any], field: str
    ) -> None:
        body = {"agency_id": hospital, "url": "http://127.0.0.1:9/ok", "event_types": QUIET} | change
        assert_vietnamese_problem(api.post(WEBHOOKS, json=body, headers=auth("syt.lanhdao")), 422, field)

    def test_an_agency_that_does_not_exist_is_named(self, api: httpx.Client, auth: Auth) -> None:
        body = {"agency_id": "00000000-0000-4000-8000-000000000000", "url": "http://127.0.0.1:9/x"}
        assert_vietnamese_problem(api.post(WEBHOOKS, json=body, headers=auth("admin")), 422, "agency_id")


class TestListWebhooks:
    def test_each_sees_the_webhooks_of_its_own_agencies(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, hook: dict[str, Any]
    ) -> None:
        assert hook["id"] in {h["id"] for h in listed(api, auth, "admin")}
        assert hook["id"] in {h["id"] for h in listed(api, auth, "coordinator")}
        assert hook["id"] in {h["id"] for h in listed(api, auth, "syt.lanhdao", agency_id=hook["agency_id"])}
        assert hook["id"] not in {h["id"] for h in listed(api, auth, "vietri.lanhdao")}
        for http in (api, direct):
            mine = http.get(WEBHOOKS, headers=auth("vietri.lanhdao"))
            assert mine.status_code == 200 and hook["id"] not in mine.text
            for user in ("viewer", "syt.canbo", "leader"):
                assert_vietnamese_problem(http.get(WEBHOOKS, headers=auth(user)), 403)


class TestDeleteWebhook:
    def test_deleting_turns_it_off_and_another_agency_cannot(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, hospital: str, created: list[str]
    ) -> None:
        body = {"agency_id": hospital, "url": "http://127.0.0.1:9/bo", "event_types": QUIET}
        hook = register(api, auth, created, "syt.lanhdao", body).json()
        url = f"{WEBHOOKS}/{hook['id']}"
        for http in (api, direct):
            assert_vietnamese_problem(http.delete(url, headers=auth("vietri.lanhdao")), 404)
            for user in ("viewer", "syt.canbo"):
                assert_vietnamese_problem(http.delete(url, headers=auth(user)), 403)
        assert hook["id"] in {h["id"] for h in listed(api, auth, "admin")}

        assert api.delete(url, headers=auth("syt.lanhdao")).status_code == 204
        assert hook["id"] not in {h["id"] for h in listed(api, auth, "syt.lanhdao")}
        off = [h for h in listed(api, auth, "syt.lanhdao", include_inactive=True) if h["id"] == hook["id"]]
        assert len(off) == 1 and off[0]["active"] is False
        assert api.delete(url, headers=auth("syt.lanhdao")).status_code == 204  # already off: still done
        assert_vietnamese_problem(api.delete(f"{WEBHOOKS}/khong-phai-ma", headers=auth("admin")), 422, "webhook_id")
