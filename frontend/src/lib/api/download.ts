import { authFetch } from "./auth-fetch";
import { toApiError } from "./problem";

type QueryValue = string | number | boolean | string[] | null | undefined;

function contentDispositionName(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}

/**
 * Downloads a file the API serves behind the bearer token (XLSX exports, evidence): fetches it with
 * the session, then hands the browser a blob. A refusal throws the API's problem like any other call.
 */
export async function downloadFile(path: string, query: Record<string, QueryValue> = {}, fallbackName = "tep-tai-ve") {
  const url = new URL(path, globalThis.location.origin);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  const response = await authFetch(new Request(url));
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: the status alone explains it
    }
    throw toApiError(body, response);
  }
  const blob = await response.blob();
  const name = contentDispositionName(response.headers.get("Content-Disposition")) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
