"""The rule editor through the gateway and straight at the service: administrators see and edit every rule, an
agency's head the overrides of its own agencies (and reads the defaults); another agency's rule is not found,
read-only callers never write, parameters are checked field by field in Vietnamese, a retried create makes one
rule, and an update or removal needs the current ETag."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from notifications.rule.firing import RULE_LABELS, RuleKey
from tiendo.stack import Stack

from tests.gateway.identity_support import Auth, agency_by_code, assert_vietnamese_problem
from tests.tasks.task_support import REPLAYED, key

RULES = "/api/v1/notifications/rules"
# An agency under Sở Y tế: its head (syt.lanhdao) manages it; nothing the other tests follow lives there.
HOSPITAL = "SYT_BVDK_PHU_THO"


@pytest.fixture(scope="module")
def direct(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("notifications"), timeout=20) as client:
        yield client


@pytest.fixture(scope="module")
def agencies(api: httpx.Client, auth: Auth) -> dict[str, str]:
    return {code: agency_by_code(api, auth, code)["id"] for code in ("SYT", HOSPITAL, "STC")}


@pytest.fixture(scope="module")
def created(api: httpx.Client, auth: Auth) -> Iterator[list[str]]:
    """Ids of the overrides the tests make; removed at the end so the worker's rules are as they were."""
    ids: list[str] = []
    yield ids
    for rule_id in ids:
        api.delete(f"{RULES}/{rule_id}", headers=auth("admin") | {"If-Match": "*"})


def create(
    api: httpx.Client, auth: Auth, created: list[str], user: str, body: dict[str, Any], **headers: str
) -> httpx.Response:
    response = api.post(RULES, json=body, headers=auth(user) | headers)
    if response.status_code == 201:
        created.append(response.json()["id"])
    return response


@pytest.fixture(scope="module")
def hospital_rule(api: httpx.Client, auth: Auth, agencies: dict[str, str], created: list[str]) -> dict[str, Any]:
    body = {
        "key": "task.due",
        "agency_id": agencies[HOSPITAL],
        "enabled": True,
        "params": {"before": [2, 5], "on_day": True, "overdue": True, "overdue_every": 2},
    }
    response = create(api, auth, created, "syt.lanhdao", body)
    assert response.status_code == 201, response.text
    assert response.headers["ETag"] == '"1"'
    rule: dict[str, Any] = response.json()
    return rule


@pytest.fixture(scope="module")
def other_rule(api: httpx.Client, auth: Auth, agencies: dict[str, str], created: list[str]) -> dict[str, Any]:
    """An override of an agency outside Sở Y tế (Sở Tài chính), set by the standing agency."""
    body = {"key": "task.commented", "agency_id": agencies["STC"], "enabled": True, "params": {}}
    response = create(api, auth, created, "coordinator", body)
    assert response.status_code == 201, response.text
    rule: dict[str, Any] = response.json()
    return rule


def rules(api: httpx.Client, auth: Auth, user: str, **params: str) -> list[dict[str, Any]]:
    response = api.get(RULES, params=params, headers=auth(user))
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


def default_rule(api: httpx.Client, auth: Auth, rule_key: str) -> dict[str, Any]:
    return next(r for r in rules(api, auth, "admin", key=rule_key) if r["scope"] == "default")


class TestListRules:
    def test_administrators_see_one_default_per_kind_with_its_vietnamese_label(
        self, api: httpx.Client, auth: Auth
    ) -> None:
        for user in ("admin", "coordinator"):
            defaults = [r for r in rules(api, auth, user) if r["scope"] == "default"]
            assert sorted(r["key"] for r in defaults) == sorted(k.value for k in RuleKey)
            for rule in defaults:
                assert rule["label"] == RULE_LABELS[RuleKey(rule["key"])]
                assert rule["plan_id"] is None and rule["agency_id"] is None
                assert rule["version"] >= 1 and rule["updated_by"] and rule["updated_at"]
        due = default_rule(api, auth, "task.due")
        assert due["params"]["before"] == [7, 3, 1] and due["enabled"] is True

    def test_agency_head_sees_the_defaults_and_the_overrides_of_its_own_agencies_only(
        self, api: httpx.Client, auth: Auth, hospital_rule: dict[str, Any], other_rule: dict[str, Any]
    ) -> None:
        seen = {r["id"]: r for r in rules(api, auth, "syt.lanhdao")}
        assert hospital_rule["id"] in seen and other_rule["id"] not in seen
        assert {r["scope"] for r in seen.values()} == {"default", "agency"}
        assert len([r for r in seen.values() if r["scope"] == "default"]) == len(RuleKey)
        assert seen[hospital_rule["id"]]["agency_name"]
        assert hospital_rule["id"] not in {r["id"] for r in rules(api, auth, "vietri.lanhdao")}
        everything = {r["id"] for r in rules(api, auth, "admin")}
        assert {hospital_rule["id"], other_rule["id"]} <= everything

    def test_officers_viewers_and_leaders_are_refused_at_the_gateway_and_at_the_service(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, hospital_rule: dict[str, Any]
    ) -> None:
        for http in (api, direct):
            for user in ("syt.canbo", "viewer", "leader"):
                assert_vietnamese_problem(http.get(RULES, headers=auth(user)), 403)
                assert_vietnamese_problem(http.get(f"{RULES}/{hospital_rule['id']}", headers=auth(user)), 403)
                assert_vietnamese_problem(http.get(f"{RULES}/kinds", headers=auth(user)), 403)

    def test_one_rule_carries_its_etag_and_another_agencys_rule_is_not_found(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, hospital_rule: dict[str, Any]
    ) -> None:
        mine = api.get(f"{RULES}/{hospital_rule['id']}", headers=auth("syt.lanhdao"))
        assert mine.status_code == 200, mine.text
        assert mine.headers["ETag"] == f'"{mine.json()["version"]}"'
        for http in (api, direct):
            assert_vietnamese_problem(http.get(f"{RULES}/{hospital_rule['id']}", headers=auth("vietri.lanhdao")), 404)

    def test_the_editor_lists_each_kind_with_its_defaults_and_parameter_schema(
        self, api: httpx.Client, auth: Auth
    ) -> None:
        response = api.get(f"{RULES}/kinds", headers=auth("syt.lanhdao"))
        assert response.status_code == 200, response.text
        kinds = {k["key"]: k for k in response.json()}
        assert set(kinds) == {k.value for k in RuleKey}
        assert kinds["task.escalation"]["defaults"]["levels"][0] == {"after": 5, "to": "managers"}
        assert "before" in kinds["task.due"]["params_schema"]["properties"]


class TestCreateOverride:
    def test_agency_head_sets_a_rule_for_an_agency_under_it(self, hospital_rule: dict[str, Any]) -> None:
        assert hospital_rule["scope"] == "agency" and hospital_rule["key"] == "task.due"
        assert hospital_rule["label"] == RULE_LABELS[RuleKey.TASK_DUE]
        assert hospital_rule["params"]["before"] == [5, 2]  # normalised: counting down to the deadline
        assert hospital_rule["version"] == 1 and hospital_rule["updated_by"] == "syt.lanhdao"

    def test_another_agencys_head_is_refused_at_the_gateway_and_at_the_service(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, agencies: dict[str, str]
    ) -> None:
        body = {"key": "task.assigned", "agency_id": agencies[HOSPITAL], "params": {}}
        for http in (api, direct):
            response = http.post(RULES, json=body, headers=auth("vietri.lanhdao") | {"Idempotency-Key": key()})
            assert_vietnamese_problem(response, 403)
        assert not [r for r in rules(api, auth, "admin", key="task.assigned") if r["agency_id"]]

    def test_read_only_roles_and_officers_are_refused(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, agencies: dict[str, str]
    ) -> None:
        body = {"key": "task.assigned", "agency_id": agencies["SYT"], "params": {}}
        for http in (api, direct):
            for user in ("viewer", "syt.canbo", "leader"):
                assert_vietnamese_problem(http.post(RULES, json=body, headers=auth(user)), 403)

    def test_plan_rules_belong_to_the_administrators(self, api: httpx.Client, auth: Auth) -> None:
        body = {"key": "task.due", "plan_id": str(uuid.uuid4()), "params": {"before": [3]}}
        assert_vietnamese_problem(api.post(RULES, json=body, headers=auth("syt.lanhdao")), 403)

    @pytest.mark.parametrize(
        ("rule_key", "params", "field"),
        [
            ("task.due", {"before": [0, 3]}, "params.before"),
            ("task.due", {"before": "ba ngày"}, "params.before"),
            ("task.due", {"overdue_every": 99}, "params.overdue_every"),
            ("task.due", {"nhac_lai": True}, "params.nhac_lai"),
            ("task.escalation", {"levels": [{"after": 5, "to": "everyone"}]}, "params.levels.0.to"),
            ("task.escalation", {}, "params.levels"),
            ("task.commented", {"before": [1]}, "params.before"),
        ],
    )
    def test_bad_parameters_name_the_field_in_vietnamese(
        self, api: httpx.Client, auth: Auth, agencies: dict[str, str], rule_key: str, params: Any, field: str
    ) -> None:
        body = {"key": rule_key, "agency_id": agencies[HOSPITAL], "params": params}
        assert_vietnamese_problem(api.post(RULES, json=body, headers=auth("syt.lanhdao")), 422, field)

    def test_scope_key_and_agency_are_checked(self, api: httpx.Client, auth: Auth, agencies: dict[str, str]) -> None:
        both = {"key": "task.due", "agency_id": agencies["SYT"], "plan_id": str(uuid.uuid4())}
        assert_vietnamese_problem(api.post(RULES, json=both, headers=auth("admin")), 422, "plan_id")
        assert_vietnamese_problem(api.post(RULES, json={"key": "task.due"}, headers=auth("admin")), 422, "agency_id")
        unknown_key = {"key": "task.khong_co", "agency_id": agencies["SYT"]}
        assert_vietnamese_problem(api.post(RULES, json=unknown_key, headers=auth("admin")), 422, "key")
        nowhere = {"key": "task.due", "agency_id": str(uuid.uuid4())}
        assert_vietnamese_problem(api.post(RULES, json=nowhere, headers=auth("admin")), 422, "agency_id")

    def test_a_second_rule_for_the_same_scope_conflicts(
        self, api: httpx.Client, auth: Auth, hospital_rule: dict[str, Any], created: list[str]
    ) -> None:
        again = {"key": "task.due", "agency_id": hospital_rule["agency_id"], "params": {"before": [1]}}
        assert_vietnamese_problem(create(api, auth, created, "admin", again), 409)

    def test_a_retried_create_makes_one_rule(self, api: httpx.Client, auth: Auth, created: list[str]) -> None:
        plan_id = str(uuid.uuid4())
        body = {"key": "indicator.report", "plan_id": plan_id, "params": {"before": [10, 3], "open_before": 20}}
        idem = key()
        first = create(api, auth, created, "coordinator", body, **{"Idempotency-Key": idem})
        second = api.post(RULES, json=body, headers=auth("coordinator") | {"Idempotency-Key": idem})
        assert first.status_code == second.status_code == 201, second.text
        assert second.headers.get(REPLAYED) == "true"
        assert second.json() == first.json()
        assert first.json()["scope"] == "plan" and first.json()["params"]["open_before"] == 20
        assert [r["id"] for r in rules(api, auth, "admin", plan_id=plan_id)] == [first.json()["id"]]


class TestUpdateRule:
    def test_an_update_needs_the_current_etag_and_bumps_the_version(
        self, api: httpx.Client, auth: Auth, hospital_rule: dict[str, Any]
    ) -> None:
        url = f"{RULES}/{hospital_rule['id']}"
        current = api.get(url, headers=auth("syt.lanhdao"))
        body = {"enabled": True, "params": {"before": [4], "overdue_every": 0}}
        assert_vietnamese_problem(api.put(url, json=body, headers=auth("syt.lanhdao")), 428)
        stale = {"If-Match": f'"{current.json()["version"] + 7}"'}
        assert_vietnamese_problem(api.put(url, json=body, headers=auth("syt.lanhdao") | stale), 412)
        updated = api.put(url, json=body, headers=auth("syt.lanhdao") | {"If-Match": current.headers["ETag"]})
        assert updated.status_code == 200, updated.text
        rule = updated.json()
        assert rule["version"] == current.json()["version"] + 1
        assert updated.headers["ETag"] == f'"{rule["version"]}"'
        assert rule["params"]["before"] == [4] and rule["params"]["overdue_every"] == 0
        assert rule["updated_by"] == "syt.lanhdao"

    def test_bad_parameters_leave_the_rule_unchanged(
        self, api: httpx.Client, auth: Auth, hospital_rule: dict[str, Any]
    ) -> None:
        url = f"{RULES}/{hospital_rule['id']}"
        current = api.get(url, headers=auth("admin"))
        body = {"enabled": True, "params": {"before": [500]}}
        response = api.put(url, json=body, headers=auth("admin") | {"If-Match": current.headers["ETag"]})
        assert_vietnamese_problem(response, 422, "params.before")
        assert api.get(url, headers=auth("admin")).json() == current.json()

    def test_another_agency_cannot_update_and_read_only_roles_are_refused(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, hospital_rule: dict[str, Any]
    ) -> None:
        url = f"{RULES}/{hospital_rule['id']}"
        body = {"enabled": False, "params": {}}
        for http in (api, direct):
            assert_vietnamese_problem(http.put(url, json=body, headers=auth("vietri.lanhdao") | {"If-Match": "*"}), 404)
            for user in ("viewer", "syt.canbo"):
                assert_vietnamese_problem(http.put(url, json=body, headers=auth(user) | {"If-Match": "*"}), 403)
        assert api.get(url, headers=auth("admin")).json()["enabled"] is True

    def test_the_defaults_are_edited_by_administrators_only(self, api: httpx.Client, auth: Auth) -> None:
        rule = default_rule(api, auth, "task.commented")
        url = f"{RULES}/{rule['id']}"
        same = {"enabled": True, "params": {}}
        etag = {"If-Match": f'"{rule["version"]}"'}
        assert_vietnamese_problem(api.put(url, json=same, headers=auth("syt.lanhdao") | etag), 403)
        updated = api.put(url, json=same, headers=auth("coordinator") | etag)
        assert updated.status_code == 200, updated.text
        assert updated.json()["version"] == rule["version"] + 1 and updated.json()["updated_by"] == "coordinator"


class TestDeleteRule:
    def test_an_override_is_removed_with_its_etag(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, agencies: dict[str, str], created: list[str]
    ) -> None:
        body = {"key": "task.returned", "agency_id": agencies[HOSPITAL], "params": {}}
        rule = create(api, auth, created, "syt.lanhdao", body).json()
        url = f"{RULES}/{rule['id']}"
        for http in (api, direct):
            assert_vietnamese_problem(http.delete(url, headers=auth("vietri.lanhdao") | {"If-Match": '"1"'}), 404)
            assert_vietnamese_problem(http.delete(url, headers=auth("viewer") | {"If-Match": '"1"'}), 403)
        assert_vietnamese_problem(api.delete(url, headers=auth("syt.lanhdao")), 428)
        assert_vietnamese_problem(api.delete(url, headers=auth("syt.lanhdao") | {"If-Match": '"2"'}), 412)
        removed = api.delete(url, headers=auth("syt.lanhdao") | {"If-Match": '"1"'})
        assert removed.status_code == 204, removed.text
        assert_vietnamese_problem(api.get(url, headers=auth("admin")), 404)

    def test_a_default_is_never_removed(self, api: httpx.Client, auth: Auth) -> None:
        rule = default_rule(api, auth, "task.due")
        url = f"{RULES}/{rule['id']}"
        body = assert_vietnamese_problem(api.delete(url, headers=auth("admin") | {"If-Match": "*"}), 409)
        assert "mặc định" in str(body["detail"])
        assert_vietnamese_problem(api.delete(url, headers=auth("syt.lanhdao") | {"If-Match": "*"}), 403)
        assert api.get(url, headers=auth("admin")).status_code == 200
