/** One dispatched Server-Sent Event (WHATWG HTML "event stream interpretation"). */
export interface SseEvent {
  /** The `event:` field, or "message" when the frame named none. */
  event: string;
  /** Every `data:` line of the frame joined with "\n". */
  data: string;
  /** The last `id:` seen on the stream so far (it carries over to later frames). */
  lastEventId: string;
}

/**
 * Incremental parser for `text/event-stream`: feed it text as it arrives, in chunks cut anywhere, and it
 * returns the events completed by each chunk. Comments (`: ping`) and unknown fields are ignored; a frame
 * without data is not dispatched; an unterminated frame at the end of the stream is dropped (as browsers do).
 */
export class SseParser {
  private buffer = "";
  private started = false;
  private afterCR = false;
  private eventType = "";
  private dataLines: string[] = [];
  private lastId = "";
  /** The reconnection delay the server asked for with `retry:`, in milliseconds. */
  retry: number | null = null;

  feed(chunk: string): SseEvent[] {
    let text = chunk;
    // a CR that ended the last chunk was a line end already; a LF right after it belongs to it
    if (this.afterCR && text.startsWith("\n")) text = text.slice(1);
    this.afterCR = false;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith("\uFEFF")) text = text.slice(1);
    }
    text = this.buffer + text;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== "\n" && ch !== "\r") continue;
      const event = this.line(text.slice(start, i));
      if (event) events.push(event);
      if (ch === "\r") {
        if (i === text.length - 1) this.afterCR = true;
        else if (text[i + 1] === "\n") i++;
      }
      start = i + 1;
    }
    this.buffer = text.slice(start);
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.dataLines.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const event = this.eventType || "message";
    const data = this.dataLines;
    this.eventType = "";
    this.dataLines = [];
    if (data.length === 0) return null;
    return { event, data: data.join("\n"), lastEventId: this.lastId };
  }
}
