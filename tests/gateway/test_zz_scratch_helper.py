from tests.conftest import assert_problem  # noqa
from common.pagination import encode_cursor


def test_explore(api, auth):
    a = auth("admin")
    out = []

    def show(label, r):
        out.append(f"== {label}: {r.status_code} {r.headers.get('content-type')}\n{r.text[:600]}")

    import httpx

    class W:
        def __getattr__(self, name):
            def call(*args, **kw):
                kw.setdefault("headers", {})
                kw["headers"] = {**kw["headers"], "Connection": "close"}
                try:
                    return getattr(api, name)(*args, **kw)
                except httpx.HTTPError as e:

                    class R:
                        status_code = repr(e)
                        headers = {}
                        text = ""

                    return R()

            return call

    api2 = W()
    show("audit cursor str", api2.get("/api/v1/audit", params={"cursor": encode_cursor(["abc"])}, headers=a))
    show("audit cursor list", api2.get("/api/v1/audit", params={"cursor": encode_cursor([[1]])}, headers=a))
    show("audit cursor huge", api2.get("/api/v1/audit", params={"cursor": encode_cursor([10**30])}, headers=a))
    show("agency cursor nul", api2.get("/api/v1/agencies", params={"cursor": encode_cursor(["a\x00b"])}, headers=a))
    show("agency q nul", api2.get("/api/v1/agencies", params={"q": "a\x00b"}, headers=a))
    show("users q nul", api2.get("/api/v1/users", params={"q": "a\x00b"}, headers=a))
    show(
        "events after huge", api2.get("/api/v1/identity/events", params={"after": "99999999999999999999-1"}, headers=a)
    )
    show("events after bad", api2.get("/api/v1/identity/events", params={"after": "x-y"}, headers=a))
    show(
        "login not json",
        api2.post("/api/v1/auth/login", content=b"{nope", headers={"content-type": "application/json"}),
    )
    show("login list", api2.post("/api/v1/auth/login", json=[1]))
    show("login empty", api2.post("/api/v1/auth/login"))
    show(
        "login text",
        api2.post(
            "/api/v1/auth/login", content=b'{"username":"a","password":"b"}', headers={"content-type": "text/plain"}
        ),
    )
    show("token json", api2.post("/api/v1/auth/token", json={"grant_type": "client_credentials"}))
    show("token none", api2.post("/api/v1/auth/token", data={}))
    show(
        "user bad email",
        api2.post(
            "/api/v1/users",
            json={
                "username": "abc",
                "full_name": "Ab",
                "email": "nope",
                "agency_id": "00000000-0000-0000-0000-000000000000",
                "roles": ["integration"],
                "initial_password": "x",
            },
            headers=a,
        ),
    )
    show("idem key long", api2.post("/api/v1/agencies", json={}, headers={**a, "Idempotency-Key": "k" * 201}))
    show(
        "agency user login with name",
        api2.post("/api/v1/agencies", content=b"\xff\xfe", headers={**a, "content-type": "application/json"}),
    )
    show("agency q long", api2.get("/api/v1/agencies", params={"q": "a" * 201}, headers=a))
    show("agency get badid", api2.get("/api/v1/agencies/xyz", headers=a))
    show(
        "agency patch unknown", api2.patch("/api/v1/agencies/00000000-0000-0000-0000-000000000000", json={}, headers=a)
    )
    show("events", api2.get("/api/v1/identity/events", params={"limit": 2}, headers=a))
    show("whoami", api2.get("/api/v1/tasks/whoami", headers=auth("syt.lanhdao")))
    show("audit user", api2.get("/api/v1/audit", params={"entity_type": "user", "limit": 2}, headers=a))
    show(
        "change pw",
        api2.post("/api/v1/auth/change-password", json={"current_password": "x", "new_password": "short"}, headers=a),
    )
    show("reset pw bad uuid", api2.post("/api/v1/users/abc/reset-password", json={"new_password": "short"}, headers=a))
    show("users limit", api2.get("/api/v1/users", params={"limit": "0"}, headers=a))
    show("if-match list", api2.get("/api/v1/agencies", params={"include_inactive": "maybe", "kind": "x"}, headers=a))
    open("/tmp/scratch/out.txt", "w").write("\n".join(out))
