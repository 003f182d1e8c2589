import type { InfiniteData } from "@tanstack/react-query";
import { cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { tokenStore } from "../../../lib/api";
import { stubFetch } from "../../../test/fetch";
import { renderHookWithProviders, renderWithProviders } from "../../../test/render";
import type { InboxPage } from "../api/inbox";
import { INBOX_STREAM_PATH, inboxStreamActive } from "../api/inbox-stream";
import { notificationKeys } from "../api/keys";
import { inboxItem, settleStream, signIn, sseResponse } from "../testing/sse";
import { useInboxStream } from "./use-inbox-stream";

afterEach(async () => {
  cleanup();
  await settleStream();
});

function stubStream() {
  const sse = sseResponse();
  const stub = stubFetch({ [`GET ${INBOX_STREAM_PATH}`]: () => sse.response });
  return { sse, ...stub };
}

const cachedList = (items: InboxPage["items"]): InfiniteData<InboxPage, string | null> => ({
  pages: [{ items, next_cursor: null }],
  pageParams: [null],
});

describe("useInboxStream", () => {
  it("puts the unread count from an `unread` event into the query cache", async () => {
    signIn();
    const { sse } = stubStream();
    const { queryClient } = renderHookWithProviders(() => useInboxStream());

    sse.send('retry: 5000\nevent: unread\ndata: {"unread": 3}\n\n');

    await vi.waitFor(() => expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ unread: 3 }));
  });

  it("on an `inbox` event sets the count, puts the item on top of the cached list once, and reports it", async () => {
    signIn();
    const { sse } = stubStream();
    const onNewItem = vi.fn();
    const { queryClient } = renderHookWithProviders(() => useInboxStream(onNewItem));
    const older = inboxItem({ id: 5, title: "Nhiệm vụ sắp đến hạn", read_at: "2026-11-20T02:00:00Z" });
    queryClient.setQueryData(notificationKeys.inboxList({ unread: false }), cachedList([older]));
    const item = inboxItem({ id: 12, title: "Ý kiến chỉ đạo mới" });

    const frame = `event: inbox\ndata: ${JSON.stringify({ unread: 4, item })}\n\n`;
    sse.send(frame.slice(0, 20)); // a frame cut across two chunks
    sse.send(frame.slice(20) + ": ping\n\n" + frame); // and sent twice

    await vi.waitFor(() => expect(onNewItem).toHaveBeenCalledTimes(2));
    expect(onNewItem).toHaveBeenCalledWith(item);
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ unread: 4 });
    const list = queryClient.getQueryData<InfiniteData<InboxPage>>(notificationKeys.inboxList({ unread: false }));
    expect(list?.pages[0]?.items.map((i) => i.id)).toEqual([12, 5]);
  });

  it("keeps one connection per tab, under StrictMode and with several listeners", async () => {
    signIn();
    const { sse, fetchMock } = stubStream();
    function Listener() {
      useInboxStream();
      return null;
    }
    // StrictMode at the root: nested below the providers React 19 does not replay the effects
    const { queryClient } = renderWithProviders(
      <>
        <Listener />
        <Listener />
      </>,
      { reactStrictMode: true },
    );
    sse.send('event: unread\ndata: {"unread": 1}\n\n');
    await vi.waitFor(() => expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ unread: 1 }));
    await settleStream();
    // counted where fetch is called: a request aborted at once never reaches the recorded calls
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("closes the stream when the component unmounts", async () => {
    signIn();
    const { sse } = stubStream();
    const { unmount } = renderHookWithProviders(() => useInboxStream());
    await vi.waitFor(() => expect(inboxStreamActive()).toBe(true));

    unmount();

    await vi.waitFor(() => expect(sse.cancelled).toBe(true));
    expect(inboxStreamActive()).toBe(false);
  });

  it("stops when the session ends and does not connect without one", async () => {
    const { sse, calls } = stubStream();
    renderHookWithProviders(() => useInboxStream());
    await settleStream();
    expect(calls).toHaveLength(0);

    signIn();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    tokenStore.clear();
    await vi.waitFor(() => expect(sse.cancelled).toBe(true));
    expect(inboxStreamActive()).toBe(false);
  });
});
