import { Button, Tag, theme, Typography } from "antd";
import { Link } from "react-router-dom";

import { formatDateTime } from "../../../lib/format";
import type { InboxItem } from "../api/inbox";
import { useMessages } from "../i18n";
import { itemPath } from "../utils/item-path";

const UNREAD_TINT = "#f2f7fc";

interface InboxItemRowProps {
  item: InboxItem;
  onMarkRead: (item: InboxItem) => void;
  marking: boolean;
}

/** One notice: what happened, when, where it leads; unread ones are bold with a dot. */
export function InboxItemRow({ item, onMarkRead, marking }: InboxItemRowProps) {
  const t = useMessages();
  const { token } = theme.useToken();
  const unread = item.read_at === null;
  return (
    <li
      data-testid={`inbox-item-${item.id}`}
      data-unread={unread}
      style={{
        listStyle: "none",
        padding: "12px 16px",
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        // a faint tint and an edge mark unread rows; secondary text keeps its contrast on it
        background: unread ? UNREAD_TINT : undefined,
        boxShadow: unread ? `inset 3px 0 0 ${token.colorPrimary}` : undefined,
        display: "flex",
        flexDirection: "column",
        gap: 4,
        minWidth: 0,
      }}
    >
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <Tag style={{ marginInlineEnd: 0, whiteSpace: "normal" }}>{item.event_label}</Tag>
        {item.urgent && (
          <Tag color="error" style={{ marginInlineEnd: 0 }}>
            {t("inbox.urgent")}
          </Tag>
        )}
        <Typography.Text type="secondary">
          <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
        </Typography.Text>
      </div>
      <div style={{ display: "flex", alignItems: "baseline", gap: 8, minWidth: 0 }}>
        {unread && (
          <>
            <span
              aria-hidden="true"
              style={{
                flex: "none",
                width: 8,
                height: 8,
                borderRadius: "50%",
                background: token.colorPrimary,
                transform: "translateY(-2px)",
              }}
            />
            <span className="visually-hidden">{t("inbox.unread")}</span>
          </>
        )}
        <Link
          to={itemPath(item)}
          onClick={() => unread && onMarkRead(item)}
          style={{ fontWeight: unread ? 700 : 400, overflowWrap: "anywhere", fontSize: 15 }}
        >
          {item.title}
        </Link>
      </div>
      {item.summary && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: 0, overflowWrap: "anywhere" }}
          ellipsis={{ rows: 3, expandable: "collapsible" }}
        >
          {item.summary}
        </Typography.Paragraph>
      )}
      {unread && (
        <div>
          <Button
            size="small"
            onClick={() => onMarkRead(item)}
            loading={marking}
            aria-label={t("inbox.markReadOf", { title: item.title })}
          >
            {t("inbox.markRead")}
          </Button>
        </div>
      )}
    </li>
  );
}
