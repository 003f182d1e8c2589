import { Empty, Skeleton } from "antd";
import type { ReactNode } from "react";

import { ProblemAlert } from "./ProblemAlert";

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** Shown instead of the content when the answer has nothing in it. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  /** Rows of the skeleton: roughly the height of the content, so nothing jumps when it arrives. */
  skeletonRows?: number;
  children: (data: T) => ReactNode;
}

/** Loading, error, empty and content for one query, the same way on every screen. */
export function QueryState<T>({ query, empty, isEmpty, skeletonRows = 4, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <div role="status" aria-busy="true">
        <Skeleton active paragraph={{ rows: skeletonRows }} title={false} />
      </div>
    );
  }
  if (query.error || query.data === undefined) {
    return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  }
  return <>{children(query.data)}</>;
}
