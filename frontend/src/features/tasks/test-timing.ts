import { configure } from "@testing-library/react";
import { vi } from "vitest";

// Ant Design screens are heavy for jsdom, and the test machine is shared: wait longer than the defaults.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 60_000 });
