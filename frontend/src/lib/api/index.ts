export { refreshSession } from "./auth-fetch";
export { api } from "./client";
export { ApiError, toApiError, unwrap, type Problem } from "./problem";
export type { paths } from "./schema";
export { tokenStore } from "./tokens";
export { authFetch } from "./auth-fetch";
export { downloadFile } from "./download";
