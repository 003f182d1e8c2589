import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { indicatorKeys } from "./keys";
import type { ReviewBody, ValueRead } from "./types";
import { invalidateIndicator, valueEtag } from "./values";

type QueuePage = { items: ValueRead[]; next_cursor?: string | null };

/** Values waiting for the caller's review (the monitoring agency's leaders; the standing agency sees all). */
export function useReviewQueue({ enabled = true, limit = 50 }: { enabled?: boolean; limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: indicatorKeys.reviewQueue(),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET("/api/v1/indicators/review-queue", { params: { query: { limit, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
  });
}

export interface ReviewInput {
  value: ValueRead;
  body: ReviewBody;
  idempotencyKey: string;
}

export function useReviewValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ value, body, idempotencyKey }: ReviewInput) =>
      unwrap(
        await api.POST("/api/v1/indicators/values/{value_id}/review", {
          params: {
            path: { value_id: value.id },
            header: { "if-match": valueEtag(value), "idempotency-key": idempotencyKey },
          },
          body,
        }),
      ) as ValueRead,
    onSuccess: async (_read, { value }) => {
      // The item leaves the queue at once; the refetch that follows confirms it.
      queryClient.setQueryData<InfiniteData<QueuePage>>(indicatorKeys.reviewQueue(), (data) =>
        data
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== value.id) })) }
          : data,
      );
      await invalidateIndicator(queryClient, value.indicator_id, value.id);
    },
  });
}
