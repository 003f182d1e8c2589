import { authFetch } from "../../../lib/api";
import { SseParser, type SseEvent } from "./sse-parser";

export interface EventStreamOptions {
  /** Path on this origin, e.g. `/api/v1/notifications/inbox/stream`. */
  path: string;
  onEvent: (event: SseEvent) => void;
  /** Called once per successful (200 text/event-stream) connection, before its first event. */
  onOpen?: () => void;
  /** No byte for this long (the server pings every 10 s) means a dead connection: reconnect. */
  idleTimeoutMs?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** Exponential backoff from `min` doubling to `max`, each delay jittered by ±20 % (never above `max`). */
export function backoffDelay(attempt: number, min: number, max: number, random: () => number = Math.random) {
  const base = Math.min(max, min * 2 ** attempt);
  return Math.round(Math.min(max, base * (0.8 + 0.4 * random())));
}

/** Reads a `text/event-stream` body as UTF-8 (a character may be split across chunks) into the parser. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  onEvent: (event: SseEvent) => void,
  { signal, onChunk }: { signal?: AbortSignal; onChunk?: () => void } = {},
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // aborting a fetch does not always end a body already handed over (a test double, some proxies)
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk?.();
      for (const event of parser.feed(decoder.decode(value, { stream: true }))) onEvent(event);
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
    reader.releaseLock();
  }
}

/**
 * A Server-Sent Events connection over fetch, so the bearer token (and its refresh) goes with it, which
 * EventSource cannot do. Reconnects with backoff after an error or a closed stream until `stop()`.
 */
export class EventStream {
  private readonly options: Required<Omit<EventStreamOptions, "onOpen">> & Pick<EventStreamOptions, "onOpen">;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private running = false;

  constructor(options: EventStreamOptions) {
    this.options = { idleTimeoutMs: 45_000, minDelayMs: 1_000, maxDelayMs: 30_000, random: Math.random, ...options };
  }

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.clearTimers();
    this.controller?.abort();
    this.controller = null;
  }

  /** Skips the remaining wait (the browser came back online). */
  reconnectNow(): void {
    if (!this.running || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    void this.connect();
  }

  private async connect(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const parser = new SseParser();
    try {
      const request = new Request(new URL(this.options.path, globalThis.location.origin), {
        headers: { Accept: "text/event-stream" },
        cache: "no-store",
        signal: controller.signal,
      });
      const response = await authFetch(request);
      if (controller.signal.aborted) {
        void response.body?.cancel().catch(() => undefined);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      this.options.onOpen?.();
      this.armIdle(controller);
      await readEventStream(
        response.body,
        parser,
        (event) => {
          if (controller.signal.aborted) {
        void response.body?.cancel().catch(() => undefined);
        return;
      }
          this.attempt = 0;
          this.options.onEvent(event);
        },
        { signal: controller.signal, onChunk: () => this.armIdle(controller) },
      );
    } catch {
      // network error, refused or aborted: decided below
    }
    if (this.controller === controller) this.scheduleReconnect();
  }

  private armIdle(controller: AbortController): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => controller.abort(), this.options.idleTimeoutMs);
  }

  private scheduleReconnect(): void {
    this.clearTimers();
    this.controller = null;
    if (!this.running) return;
    const { minDelayMs, maxDelayMs, random } = this.options;
    const delay = backoffDelay(this.attempt, minDelayMs, maxDelayMs, random);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.timer = null;
    this.idleTimer = null;
  }
}
