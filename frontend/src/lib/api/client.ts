import createClient from "openapi-fetch";

import { authFetch } from "./auth-fetch";
import type { paths } from "./schema";

/** The one typed client for the gateway; every feature's query and mutation hooks go through it. */
export const api = createClient<paths>({
  baseUrl: globalThis.location.origin,
  fetch: authFetch,
  headers: { Accept: "application/json" },
});
