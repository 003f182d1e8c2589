import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { json, stubFetch } from "../../../../test/fetch";
import { renderWithProviders } from "../../../../test/render";
import { agencyPage } from "../../test/fixtures";
import { AgenciesScreen } from "./AgenciesScreen";

async function search(text: string) {
  const user = userEvent.setup({ pointerEventsCheck: 0, delay: null });
  await user.click(screen.getByLabelText("Tìm đơn vị"));
  await user.paste(text);
  return user;
}

// antd renders slowly in jsdom on a busy machine: wait longer than the 1 s default.
configure({ asyncUtilTimeout: 15_000 });

describe("AgenciesScreen", { timeout: 90_000 }, () => {
  it("finds “Sở Tài chính” when typing “so tai chinh” without accents", async () => {
    stubFetch({ "GET /api/v1/agencies": () => json(agencyPage()) });
    renderWithProviders(<AgenciesScreen canManage={false} />);
    const tree = await screen.findByRole("tree", { name: "Cây cơ quan, đơn vị" });
    expect(within(tree).getByText("Sở Y tế")).toBeInTheDocument();

    await search("so tai chinh");

    expect(within(tree).getByText("Sở Tài chính")).toBeInTheDocument();
    expect(within(tree).queryByText("Sở Y tế")).not.toBeInTheDocument();
    expect(screen.getByText("Tìm thấy 1 đơn vị")).toBeInTheDocument();
  });

  it("keeps the path to a nested match and shows the chosen agency's details, read-only for non-admins", async () => {
    stubFetch({ "GET /api/v1/agencies": () => json(agencyPage()) });
    renderWithProviders(<AgenciesScreen canManage={false} />);
    const tree = await screen.findByRole("tree");

    const user = await search("chuyen doi so");
    await user.click(within(tree).getByText("Phòng Chuyển đổi số"));

    expect(within(tree).getByText("Sở Khoa học và Công nghệ")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Phòng Chuyển đổi số" })).toBeInTheDocument();
    expect(screen.getByText("Sở Khoa học và Công nghệ", { selector: ".ant-descriptions-item-content" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Hợp nhất" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Thêm đơn vị" })).not.toBeInTheDocument();
  });
});
