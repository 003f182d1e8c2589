import { meKey } from "../../../lib/me";

export const authKeys = {
  all: ["auth"] as const,
  me: () => meKey,
};
