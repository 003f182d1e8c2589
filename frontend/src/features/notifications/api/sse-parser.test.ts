import { describe, expect, it } from "vitest";

import { SseParser, type SseEvent } from "./sse-parser";

function parseAll(chunks: string[]): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.feed(chunk));
}

// what the notifications service really sends (checked with curl -N against the running gateway)
const REAL =
  'retry: 5000\nevent: unread\ndata: {"unread": 3}\n\n' +
  ": ping\n\n" +
  'event: inbox\ndata: {"unread": 4, "item": {"id": 11, "title": "Được giao nhiệm vụ: Kinh tế ban đêm"}}\n\n';

describe("SseParser", () => {
  it("reads the service's frames: event names, JSON data, the retry hint, pings ignored", () => {
    const parser = new SseParser();
    const events = parser.feed(REAL);
    expect(events).toEqual([
      { event: "unread", data: '{"unread": 3}', lastEventId: "" },
      {
        event: "inbox",
        data: '{"unread": 4, "item": {"id": 11, "title": "Được giao nhiệm vụ: Kinh tế ban đêm"}}',
        lastEventId: "",
      },
    ]);
    expect(parser.retry).toBe(5000);
  });

  it("gives the same events however the text is cut into chunks", () => {
    const whole = parseAll([REAL]);
    for (let cut = 1; cut < REAL.length; cut++) {
      expect(parseAll([REAL.slice(0, cut), REAL.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
    expect(parseAll([...REAL])).toEqual(whole); // one character at a time
  });

  it("returns nothing until the blank line that ends a frame arrives", () => {
    const parser = new SseParser();
    expect(parser.feed("event: unread\n")).toEqual([]);
    expect(parser.feed('data: {"unread": 1}\n')).toEqual([]);
    expect(parser.feed("\n")).toEqual([{ event: "unread", data: '{"unread": 1}', lastEventId: "" }]);
  });

  it("joins multi-line data with newlines and drops only the final newline", () => {
    expect(parseAll(["data: first\ndata: second\ndata:\ndata: fourth\n\n"])).toEqual([
      { event: "message", data: "first\nsecond\n\nfourth", lastEventId: "" },
    ]);
  });

  it("names an event 'message' when it has no event field, and resets the name after each frame", () => {
    expect(parseAll(["event: unread\ndata: 1\n\ndata: 2\n\n"]).map((e) => e.event)).toEqual(["unread", "message"]);
  });

  it("ignores comments anywhere, even inside a frame", () => {
    expect(parseAll([": ping\n\n: hello\nevent: inbox\n: in between\ndata: x\n\n:\n\n"])).toEqual([
      { event: "inbox", data: "x", lastEventId: "" },
    ]);
  });

  it("does not dispatch a frame without data (its event name is forgotten)", () => {
    expect(parseAll(["event: unread\n\ndata: later\n\n"])).toEqual([{ event: "message", data: "later", lastEventId: "" }]);
  });

  it("strips exactly one space after the colon and keeps colons inside the value", () => {
    expect(parseAll(["data:no-space\n\n", "data:  two spaces\n\n", 'data: {"a": "b:c"}\n\n']).map((e) => e.data)).toEqual([
      "no-space",
      " two spaces",
      '{"a": "b:c"}',
    ]);
  });

  it("treats a line without a colon as a field with an empty value", () => {
    expect(parseAll(["data\ndata\n\n"])).toEqual([{ event: "message", data: "\n", lastEventId: "" }]);
  });

  it("accepts CRLF and lone CR line endings, including a CRLF split across chunks", () => {
    const expected = [{ event: "unread", data: "1", lastEventId: "" }];
    expect(parseAll(["event: unread\r\ndata: 1\r\n\r\n"])).toEqual(expected);
    expect(parseAll(["event: unread\rdata: 1\r\r"])).toEqual(expected);
    expect(parseAll(["event: unread\r", "\ndata: 1\r", "\n\r", "\n"])).toEqual(expected);
  });

  it("keeps the last event id across frames and ignores ids containing NUL", () => {
    const events = parseAll(["id: 7\ndata: a\n\n", "data: b\n\n", "id: bad\0id\ndata: c\n\n", "id\ndata: d\n\n"]);
    expect(events.map((e) => e.lastEventId)).toEqual(["7", "7", "7", ""]);
  });

  it("takes retry only when it is all digits", () => {
    const parser = new SseParser();
    parser.feed("retry: 3000\n\nretry: soon\n\nretry: 12a\n\n");
    expect(parser.retry).toBe(3000);
  });

  it("ignores unknown fields and a leading byte-order mark", () => {
    expect(parseAll(["\uFEFFfoo: bar\nevent: inbox\ndata: x\n\n"])).toEqual([{ event: "inbox", data: "x", lastEventId: "" }]);
  });

  it("drops an unterminated frame when the stream ends", () => {
    const parser = new SseParser();
    expect(parser.feed("event: inbox\ndata: half")).toEqual([]);
  });

  it("keeps Vietnamese text intact", () => {
    const [event] = parseAll(['data: {"title": "Nhiệm vụ quá hạn — Sở Y tế"}\n\n']);
    expect(JSON.parse(event?.data ?? "{}")).toEqual({ title: "Nhiệm vụ quá hạn — Sở Y tế" });
  });
});
