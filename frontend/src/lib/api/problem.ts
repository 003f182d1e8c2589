/** An RFC 9457 problem body as every Tiến Độ service returns it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string | null;
  instance?: string | null;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** Per-field messages keyed by the API's field name (`new_password`, `agency.code`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.problem?.errors ?? []) out[field] ??= message;
    return out;
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Problem).title === "string" &&
    typeof (value as Problem).status === "number"
  );
}

/** Turns an openapi-fetch `{ error, response }` pair into a thrown-able ApiError. */
export function toApiError(error: unknown, response: Response): ApiError {
  return new ApiError(response.status, isProblem(error) ? error : null);
}

/** Unwraps an openapi-fetch result: the data on success, an ApiError thrown otherwise. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}
