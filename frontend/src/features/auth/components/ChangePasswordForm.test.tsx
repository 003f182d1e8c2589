import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { tokenStore } from "../../../lib/api";
import { problem, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { ChangePasswordForm } from "./ChangePasswordForm";

async function fill(current: string, next: string, confirm: string) {
  const user = userEvent.setup();
  if (current) await user.type(screen.getByLabelText("Mật khẩu hiện tại"), current);
  if (next) await user.type(screen.getByLabelText("Mật khẩu mới"), next);
  if (confirm) await user.type(screen.getByLabelText("Nhập lại mật khẩu mới"), confirm);
  await user.click(screen.getByRole("button", { name: "Đổi mật khẩu" }));
}

describe("ChangePasswordForm", () => {
  it("refuses a short or mistyped new password before calling the server", async () => {
    const { fetchMock } = stubFetch({});
    renderWithProviders(<ChangePasswordForm forced />);

    await fill("old-password", "short", "shorter");

    expect(screen.getByText("Mật khẩu mới phải có ít nhất 10 ký tự.")).toBeInTheDocument();
    expect(screen.getByText("Mật khẩu nhập lại không khớp.")).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("puts the server's message on the current-password field", async () => {
    tokenStore.setSession({ accessToken: "access-1", refreshToken: "refresh-1" });
    stubFetch({
      "POST /api/v1/auth/change-password": () =>
        problem(400, "Yêu cầu không hợp lệ", "Mật khẩu hiện tại không đúng.", [
          { field: "current_password", message: "Mật khẩu hiện tại không đúng." },
        ]),
    });
    const onSuccess = vi.fn();
    renderWithProviders(<ChangePasswordForm onSuccess={onSuccess} />);

    await fill("not-my-password", "a-new-password-1", "a-new-password-1");

    const current = screen.getByLabelText("Mật khẩu hiện tại");
    await vi.waitFor(() => expect(current).toHaveAccessibleDescription("Mật khẩu hiện tại không đúng."));
    expect(screen.getByRole("alert")).toHaveTextContent("Yêu cầu không hợp lệ");
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
