import { describe, expect, it } from "vitest";

import { generateTemporaryPassword } from "./password";

describe("generateTemporaryPassword", () => {
  it("is long and varied enough for the API's policy, and different each time", () => {
    const first = generateTemporaryPassword();
    expect(first).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(new Set(first).size).toBeGreaterThanOrEqual(5);
    expect(generateTemporaryPassword()).not.toBe(first);
  });
});
