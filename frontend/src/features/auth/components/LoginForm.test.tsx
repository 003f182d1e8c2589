import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { tokenStore } from "../../../lib/api";
import { json, problem, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { LoginForm } from "./LoginForm";

async function submit(username: string, password: string) {
  const user = userEvent.setup();
  if (username) await user.type(screen.getByLabelText("Tên đăng nhập"), username);
  if (password) await user.type(screen.getByLabelText("Mật khẩu"), password);
  await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
}

describe("LoginForm", () => {
  it("shows the server's per-field messages beside their fields", async () => {
    stubFetch({
      "POST /api/v1/auth/login": () =>
        problem(422, "Dữ liệu không hợp lệ", "username: Không được dài quá 150 ký tự.", [
          { field: "username", message: "Không được dài quá 150 ký tự." },
        ]),
    });
    renderWithProviders(<LoginForm />);

    await submit("a-very-long-name", "secret");

    expect(await screen.findByText("Không được dài quá 150 ký tự.")).toBeInTheDocument();
    const username = screen.getByLabelText("Tên đăng nhập");
    expect(username).toHaveAttribute("aria-invalid", "true");
    expect(username).toHaveAccessibleDescription("Không được dài quá 150 ký tự.");
    expect(screen.getByRole("alert")).toHaveTextContent("Dữ liệu không hợp lệ");
  });

  it("shows the problem's detail when the credentials are refused", async () => {
    stubFetch({
      "POST /api/v1/auth/login": () =>
        problem(401, "Chưa xác thực", "Tên đăng nhập hoặc mật khẩu không đúng."),
    });
    renderWithProviders(<LoginForm />);

    await submit("coordinator", "wrong-password");

    expect(await screen.findByRole("alert")).toHaveTextContent("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(tokenStore.hasSession()).toBe(false);
  });

  it("asks for both fields before calling the server", async () => {
    const { fetchMock } = stubFetch({});
    renderWithProviders(<LoginForm />);

    await submit("", "");

    expect(screen.getByText("Vui lòng nhập tên đăng nhập.")).toBeInTheDocument();
    expect(screen.getByText("Vui lòng nhập mật khẩu.")).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("stores the session and reports success", async () => {
    const pair = {
      access_token: "access-1",
      refresh_token: "refresh-1",
      token_type: "bearer",
      expires_in: 900,
      must_change_password: true,
    };
    const { calls } = stubFetch({ "POST /api/v1/auth/login": () => json(pair) });
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);

    await submit("  coordinator ", "tiendo-demo");

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(calls[0]?.body).toEqual({ username: "coordinator", password: "tiendo-demo" });
    expect(tokenStore.getAccessToken()).toBe("access-1");
    expect(sessionStorage.getItem("tiendo.refresh_token")).toBe("refresh-1");
  });
});
