import { tokenStore } from "../../../lib/api";
import { EventStream } from "./event-stream";
import type { InboxItem } from "./inbox";
import type { SseEvent } from "./sse-parser";

export const INBOX_STREAM_PATH = "/api/v1/notifications/inbox/stream";

export type InboxStreamEvent =
  | { type: "unread"; unread: number }
  | { type: "inbox"; unread: number; item: InboxItem | null };

type Listener = (event: InboxStreamEvent) => void;

/** The stream's frames as typed events; anything malformed or unknown is ignored. */
export function toInboxEvent(frame: SseEvent): InboxStreamEvent | null {
  if (frame.event !== "unread" && frame.event !== "inbox") return null;
  let data: unknown;
  try {
    data = JSON.parse(frame.data);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { unread, item } = data as { unread?: unknown; item?: unknown };
  if (typeof unread !== "number") return null;
  if (frame.event === "unread") return { type: "unread", unread };
  const valid = typeof item === "object" && item !== null && typeof (item as InboxItem).id === "number";
  return { type: "inbox", unread, item: valid ? (item as InboxItem) : null };
}

// One connection per tab, shared by every subscriber, open only while someone listens and a session exists.
const listeners = new Set<Listener>();
let stream: EventStream | null = null;
let closeTimer: ReturnType<typeof setTimeout> | null = null;
let stopWatchingSession: (() => void) | null = null;

function dispatch(frame: SseEvent): void {
  const event = toInboxEvent(frame);
  if (!event) return;
  for (const listener of [...listeners]) listener(event);
}

function followSession(): void {
  if (!stream) return;
  if (tokenStore.hasSession()) stream.start();
  else stream.stop();
}

function onOnline(): void {
  stream?.reconnectNow();
}

function open(): void {
  if (!stream) {
    stream = new EventStream({ path: INBOX_STREAM_PATH, onEvent: dispatch });
    stopWatchingSession = tokenStore.subscribe(followSession);
    globalThis.addEventListener?.("online", onOnline);
  }
  followSession();
}

function close(): void {
  closeTimer = null;
  if (listeners.size > 0 || !stream) return;
  stream.stop();
  stream = null;
  stopWatchingSession?.();
  stopWatchingSession = null;
  globalThis.removeEventListener?.("online", onOnline);
}

/**
 * Listens to the caller's live inbox. The connection closes a tick after the last listener leaves, so
 * React StrictMode's unmount-and-remount (or a quick re-render of the header) keeps the same connection.
 */
export function subscribeInboxStream(listener: Listener): () => void {
  listeners.add(listener);
  if (closeTimer) clearTimeout(closeTimer);
  closeTimer = null;
  open();
  return () => {
    if (!listeners.delete(listener)) return;
    if (listeners.size === 0 && !closeTimer) closeTimer = setTimeout(close, 0);
  };
}

/** Whether a connection is open or being retried (for tests and diagnostics). */
export function inboxStreamActive(): boolean {
  return stream?.active ?? false;
}
