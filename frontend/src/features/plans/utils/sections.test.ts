import { describe, expect, it } from "vitest";

import { section } from "../test/fixtures";
import { buildSectionTree, sectionTitle } from "./sections";

describe("section tree", () => {
  it("nests sections and counts the tasks under each", () => {
    const tree = buildSectionTree([
      section("s1", null, "1.", "Nhóm nhiệm vụ trọng tâm", 1),
      section("s11", "s1", "I", "Chuyển đổi số lĩnh vực cải cách hành chính", 10),
      section("s12", "s1", "II", "Chuyển đổi số ngành Y tế", 14),
      section("s2", null, "2.", "Nhiệm vụ chủ yếu", 0),
    ]);

    expect(tree.map((node) => [node.section.id, node.total, node.children.length])).toEqual([
      ["s1", 25, 2],
      ["s2", 0, 0],
    ]);
    expect(sectionTitle(tree[0]?.children[1]?.section ?? section("x", null, "", "", 0))).toBe(
      "II Chuyển đổi số ngành Y tế",
    );
  });
});
