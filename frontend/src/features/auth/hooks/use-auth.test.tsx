import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { tokenStore } from "../../../lib/api";
import { json, problem, stubFetch } from "../../../test/fetch";
import { renderHookWithProviders } from "../../../test/render";
import { useAuth } from "./use-auth";

const me = {
  id: "0b6f1f0e-0000-4000-8000-000000000001",
  username: "coordinator",
  full_name: "Nguyễn Thị Điều Phối",
  email: "dieuphoi@example.vn",
  roles: ["coordinator"],
  must_change_password: false,
  agency: {
    id: "0b6f1f0e-0000-4000-8000-000000000002",
    code: "SKHCN",
    name: "Sở Khoa học và Công nghệ",
    short_name: "Sở KH&CN",
    kind: "department",
  },
};

function pair(n: number) {
  return {
    access_token: `access-${n}`,
    refresh_token: `refresh-${n}`,
    token_type: "bearer",
    expires_in: 900,
    must_change_password: false,
  };
}

describe("useAuth", () => {
  it("is anonymous without stored tokens and asks the server nothing", () => {
    const { fetchMock } = stubFetch({});
    const { result } = renderHookWithProviders(() => useAuth());

    expect(result.current.status).toBe("anonymous");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("restores a session after a reload from the refresh token, storing the rotated one", async () => {
    sessionStorage.setItem("tiendo.refresh_token", "refresh-0");
    const { calls } = stubFetch({
      "POST /api/v1/auth/refresh": () => json(pair(1)),
      "GET /api/v1/auth/me": ({ authorization }) =>
        authorization === "Bearer access-1" ? json(me) : problem(401, "Chưa xác thực"),
    });
    const { result } = renderHookWithProviders(() => useAuth());

    await waitFor(() => expect(result.current.status).toBe("authenticated"));
    if (result.current.status !== "authenticated") throw new Error("unreachable");
    expect(result.current.user.agency.name).toBe("Sở Khoa học và Công nghệ");
    expect(calls[0]).toMatchObject({ path: "/api/v1/auth/refresh", body: { refresh_token: "refresh-0" } });
    expect(sessionStorage.getItem("tiendo.refresh_token")).toBe("refresh-1");
  });

  it("refreshes once on a 401 and retries the call", async () => {
    tokenStore.setSession({ accessToken: "expired", refreshToken: "refresh-0" });
    const { calls } = stubFetch({
      "POST /api/v1/auth/refresh": () => json(pair(2)),
      "GET /api/v1/auth/me": ({ authorization }) =>
        authorization === "Bearer access-2" ? json(me) : problem(401, "Chưa xác thực"),
    });
    const { result } = renderHookWithProviders(() => useAuth());

    await waitFor(() => expect(result.current.status).toBe("authenticated"));
    expect(calls.map((c) => `${c.method} ${c.path} ${c.authorization ?? "-"}`)).toEqual([
      "GET /api/v1/auth/me Bearer expired",
      "POST /api/v1/auth/refresh -",
      "GET /api/v1/auth/me Bearer access-2",
    ]);
  });

  it("ends the session when the refresh token is refused", async () => {
    tokenStore.setSession({ accessToken: "expired", refreshToken: "revoked" });
    stubFetch({
      "POST /api/v1/auth/refresh": () => problem(401, "Chưa xác thực", "Phiên đăng nhập đã hết hạn."),
      "GET /api/v1/auth/me": () => problem(401, "Chưa xác thực"),
    });
    const { result } = renderHookWithProviders(() => useAuth());

    await waitFor(() => expect(result.current.status).toBe("anonymous"));
    expect(tokenStore.hasSession()).toBe(false);
    expect(sessionStorage.getItem("tiendo.refresh_token")).toBeNull();
  });

  it("logs out on the server and forgets the tokens", async () => {
    tokenStore.setSession({ accessToken: "access-1", refreshToken: "refresh-1" });
    const { calls } = stubFetch({
      "GET /api/v1/auth/me": () => json(me),
      "POST /api/v1/auth/logout": () => new Response(null, { status: 204 }),
    });
    const { result } = renderHookWithProviders(() => useAuth());
    await waitFor(() => expect(result.current.status).toBe("authenticated"));

    await act(() => result.current.logout());

    expect(result.current.status).toBe("anonymous");
    expect(calls.at(-1)).toMatchObject({ path: "/api/v1/auth/logout", body: { refresh_token: "refresh-1" } });
    expect(tokenStore.hasSession()).toBe(false);
  });
});
