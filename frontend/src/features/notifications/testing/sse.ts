import { tokenStore } from "../../../lib/api";
import type { InboxItem } from "../api/inbox";

/** A `text/event-stream` response the test writes into as it goes (bytes, like the network gives them). */
export function sseResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream; charset=utf-8" } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    sendBytes: (bytes: Uint8Array) => controller.enqueue(bytes),
    close: () => controller.close(),
    get cancelled() {
      return cancelled;
    },
  };
}

export function signIn(): void {
  tokenStore.setSession({ accessToken: "access-1", refreshToken: "refresh-1" });
}

export function inboxItem(overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: 11,
    event_type: "task.assigned",
    event_label: "Được giao nhiệm vụ",
    subject_type: "task",
    subject_id: "e8b49f8e-07c3-4ae0-8f70-eb9289e44300",
    title: "Được giao nhiệm vụ: Triển khai kinh tế ban đêm",
    summary: "Phường Việt Trì được giao chủ trì thực hiện nhiệm vụ 106, thời hạn: Tháng 12/2025.",
    link: "/tasks/e8b49f8e-07c3-4ae0-8f70-eb9289e44300",
    reminder: false,
    urgent: false,
    created_at: "2026-11-23T23:20:58.365980Z",
    read_at: null,
    ...overrides,
  };
}

/** Lets the last listener's deferred close run, so the next test opens a fresh connection. */
export function settleStream(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
