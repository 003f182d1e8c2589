import { Button } from "antd";
import { useState, type Key, type ReactNode } from "react";

import { useMessages } from "../i18n";

interface PlainListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => Key;
  render: (item: T) => ReactNode;
  /** Show this many first, then a "Xem thêm" button for the rest. */
  pageSize?: number;
  className?: string;
  "aria-label"?: string;
}

/** A semantic <ul> (Ant Design's List is deprecated in v6); long lists reveal more on request. */
export function PlainList<T>({ items, keyOf, render, pageSize, className, ...aria }: PlainListProps<T>) {
  const t = useMessages();
  const [shown, setShown] = useState(pageSize ?? items.length);
  const visible = pageSize ? items.slice(0, shown) : items;
  return (
    <>
      <ul className={["task-plain-list", className].filter(Boolean).join(" ")} aria-label={aria["aria-label"]}>
        {visible.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {pageSize && items.length > shown && (
        <Button size="small" onClick={() => setShown((count) => count + pageSize)} style={{ marginTop: 8 }}>
          {t("list.moreOf", { count: items.length - shown })}
        </Button>
      )}
    </>
  );
}
