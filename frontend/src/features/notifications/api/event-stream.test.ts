import { afterEach, describe, expect, it, vi } from "vitest";

import { problem, stubFetch } from "../../../test/fetch";
import { signIn, sseResponse } from "../testing/sse";
import { backoffDelay, EventStream, readEventStream } from "./event-stream";
import { SseParser, type SseEvent } from "./sse-parser";

const PATH = "/api/v1/notifications/inbox/stream";

afterEach(() => {
  vi.useRealTimers();
});

describe("backoffDelay", () => {
  it("starts at 1 s, doubles, and stops at 30 s", () => {
    const middle = () => 0.5; // no jitter
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, 1000, 30_000, middle))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("jitters each delay by ±20 % and never goes past the cap", () => {
    expect(backoffDelay(0, 1000, 30_000, () => 0)).toBe(800);
    expect(backoffDelay(0, 1000, 30_000, () => 0.999999)).toBe(1200);
    expect(backoffDelay(8, 1000, 30_000, () => 0.999999)).toBe(30_000);
    expect(backoffDelay(8, 1000, 30_000, () => 0)).toBe(24_000);
  });
});

describe("readEventStream", () => {
  it("decodes UTF-8 characters split between network chunks", async () => {
    const sse = sseResponse();
    const bytes = new TextEncoder().encode('event: inbox\ndata: {"title": "Quá hạn"}\n\n');
    const split = bytes.indexOf(0xc3) + 1; // inside the two bytes of "á"
    sse.sendBytes(bytes.slice(0, split));
    sse.sendBytes(bytes.slice(split));
    sse.close();
    const events: SseEvent[] = [];
    await readEventStream(sse.response.body!, new SseParser(), (event) => events.push(event));
    expect(events).toEqual([{ event: "inbox", data: '{"title": "Quá hạn"}', lastEventId: "" }]);
  });
});

describe("EventStream", () => {
  it("sends the bearer token and delivers each event as it arrives", async () => {
    signIn();
    const sse = sseResponse();
    const { calls } = stubFetch({ [`GET ${PATH}`]: () => sse.response });
    const events: SseEvent[] = [];
    const stream = new EventStream({ path: PATH, onEvent: (event) => events.push(event) });
    stream.start();

    sse.send('event: unread\ndata: {"unread": 2}\n\n');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(calls[0]?.authorization).toBe("Bearer access-1");
    expect(calls[0]?.headers.get("Accept")).toBe("text/event-stream");

    stream.stop();
    await vi.waitFor(() => expect(sse.cancelled).toBe(true));
  });

  it("reconnects with growing delays after failures, and from 1 s again once events flow", async () => {
    vi.useFakeTimers();
    signIn();
    const streams: ReturnType<typeof sseResponse>[] = [];
    const { calls } = stubFetch({
      [`GET ${PATH}`]: () => {
        // the first two attempts fail, the third connects
        if (calls.length <= 2) return problem(503, "Dịch vụ tạm thời không sẵn sàng");
        const sse = sseResponse();
        streams.push(sse);
        return sse.response;
      },
    });
    const stream = new EventStream({ path: PATH, onEvent: () => undefined, random: () => 0.5 });
    stream.start();

    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2); // after 1 s
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3); // after 2 more s

    streams[0]?.send('event: unread\ndata: {"unread": 0}\n\n');
    streams[0]?.close(); // the server went away after a good connection
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(4); // back to 1 s

    stream.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4);
  });

  it("gives up on a silent connection and opens a new one", async () => {
    vi.useFakeTimers();
    signIn();
    const streams: ReturnType<typeof sseResponse>[] = [];
    const { calls } = stubFetch({
      [`GET ${PATH}`]: () => {
        const sse = sseResponse();
        streams.push(sse);
        return sse.response;
      },
    });
    const stream = new EventStream({ path: PATH, onEvent: () => undefined, idleTimeoutMs: 45_000, random: () => 0.5 });
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    streams[0]?.send(": ping\n\n");
    await vi.advanceTimersByTimeAsync(44_000);
    expect(streams[0]?.cancelled).toBe(false); // the ping counted as life
    await vi.advanceTimersByTimeAsync(2_000);
    expect(streams[0]?.cancelled).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    stream.stop();
  });
});
