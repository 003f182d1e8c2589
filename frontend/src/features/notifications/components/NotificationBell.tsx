import { BellOutlined } from "@ant-design/icons";
import { Badge, Button } from "antd";
import { useNavigate } from "react-router-dom";

import { paths } from "../../../config/paths";
import { useUnreadCount } from "../api/unread-count";
import { useMessages } from "../i18n";

/** The header's bell: how many notices are unread, one click to the inbox. */
export function NotificationBell() {
  const t = useMessages();
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Badge count={unread} overflowCount={99} size="small" offset={[-6, 6]}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t("bell.label", { count: unread })}
        onClick={() => navigate(paths.notifications)}
      />
    </Badge>
  );
}
