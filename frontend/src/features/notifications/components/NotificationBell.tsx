import { BellOutlined } from "@ant-design/icons";
import { App, Badge, Button } from "antd";
import { useCallback, useRef, useState, type MouseEvent } from "react";
import { useNavigate } from "react-router-dom";

import { paths } from "../../../config/paths";
import { useMarkRead, type InboxItem } from "../api/inbox";
import { useUnreadCount } from "../api/unread-count";
import { useInboxStream } from "../hooks/use-inbox-stream";
import { useMessages } from "../i18n";
import { itemPath } from "../utils/item-path";

const TOAST_SECONDS = 8;

/** The header's bell: the unread count, kept live by the inbox stream; a toast for each new item. */
export function NotificationBell() {
  const t = useMessages();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const { mutate: markItemRead } = useMarkRead();
  const unread = useUnreadCount().data?.unread ?? 0;
  const [announcement, setAnnouncement] = useState("");
  const shown = useRef(new Set<number>());

  const announce = useCallback(
    (item: InboxItem) => {
      if (item.read_at || shown.current.has(item.id)) return;
      shown.current.add(item.id);
      const key = `inbox-${item.id}`;
      const to = itemPath(item);
      // the toast lives outside the router (antd's holder), so links navigate by hand
      const follow = (event: MouseEvent<HTMLAnchorElement>, target: string, read: boolean) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        notification.destroy(key);
        if (read) markItemRead(item.id);
        void navigate(target);
      };
      setAnnouncement(t("toast.announce", { title: item.title }));
      notification.open({
        key,
        role: "status",
        duration: TOAST_SECONDS,
        title: item.event_label || t("toast.title"),
        description: (
          <a href={to} onClick={(event) => follow(event, to, true)} data-testid="notification-toast-link">
            {item.title}
          </a>
        ),
        actions: (
          <a href={paths.notifications} onClick={(event) => follow(event, paths.notifications, false)}>
            {t("toast.inbox")}
          </a>
        ),
        // the bell's own live region announces it once; the toast would repeat it
        props: { "data-testid": "notification-toast", "aria-live": "off" },
      });
    },
    [markItemRead, navigate, notification, t],
  );
  useInboxStream(announce);

  return (
    <>
      <Badge count={unread} overflowCount={99} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t("bell.label", { count: unread })}
          data-testid="notification-bell"
          onClick={() => void navigate(paths.notifications)}
        />
      </Badge>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid="notification-live">
        {announcement}
      </span>
    </>
  );
}
