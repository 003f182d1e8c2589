import { vi } from "vitest";

export interface Call {
  method: string;
  path: string;
  /** The query string, parsed: `call.query.getAll("status")`. */
  query: URLSearchParams;
  headers: Headers;
  authorization: string | null;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function problem(status: number, title: string, detail?: string, errors?: { field: string; message: string }[]) {
  return new Response(JSON.stringify({ type: `https://tiendo.vn/problems/${status}`, title, status, detail, errors }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}

/** Replaces the global fetch for one test with a router over `METHOD /path` keys; records every call. */
export function stubFetch(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    const call: Call = {
      method: request.method,
      path: new URL(request.url).pathname,
      query: new URL(request.url).searchParams,
      headers: request.headers,
      authorization: request.headers.get("Authorization"),
      body: text && !request.headers.get("Content-Type")?.startsWith("multipart/") ? JSON.parse(text) : text || undefined,
    };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    if (!handler) throw new Error(`unexpected ${call.method} ${call.path}`);
    return handler(call);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}
