import { defineMessages } from "../../lib/i18n";

export const useMessages = defineMessages(
  {
    "bell.label": "Thông báo: {count} chưa đọc",
  },
  {
    "bell.label": "Notifications: {count} unread",
  },
);
