import { CheckOutlined, SettingOutlined } from "@ant-design/icons";
import { App, Button, Card, Tabs } from "antd";
import { useNavigate, useSearchParams } from "react-router-dom";

import { PageHeader } from "../../../components/PageHeader";
import { ProblemAlert } from "../../../components/ProblemAlert";
import { QueryState } from "../../../components/QueryState";
import { paths } from "../../../config/paths";
import { useInbox, useMarkAllRead, useMarkRead, type InboxItem } from "../api/inbox";
import { useUnreadCount } from "../api/unread-count";
import { useMessages } from "../i18n";
import { InboxItemRow } from "./InboxItemRow";

/** The inbox page: newest first, all or unread only (`?unread=true`, the API's own parameter name). */
export function NotificationInbox() {
  const t = useMessages();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get("unread") === "true";
  const unread = useUnreadCount().data?.unread ?? 0;
  const markAll = useMarkAllRead();

  const onTab = (key: string) => {
    const next = new URLSearchParams(search);
    if (key === "unread") next.set("unread", "true");
    else next.delete("unread");
    setSearch(next, { replace: true });
  };

  const list = <InboxList unreadOnly={unreadOnly} />;
  return (
    <>
      <PageHeader
        title={t("inbox.title")}
        subtitle={t("inbox.subtitle")}
        actions={
          <>
            <Button
              icon={<CheckOutlined />}
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onSuccess: () => void message.success(t("inbox.markedAll")) })}
            >
              {t("inbox.markAllRead")}
            </Button>
            <Button
              href={paths.notificationPreferences}
              icon={<SettingOutlined />}
              onClick={(event) => {
                event.preventDefault();
                void navigate(paths.notificationPreferences);
              }}
            >
              {t("inbox.preferences")}
            </Button>
          </>
        }
      />
      {markAll.error && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={markAll.error} />
        </div>
      )}
      <Card styles={{ body: { padding: "0 0 8px" } }}>
        <Tabs
          activeKey={unreadOnly ? "unread" : "all"}
          onChange={onTab}
          destroyOnHidden
          tabBarStyle={{ padding: "0 16px", marginBottom: 0 }}
          items={[
            { key: "all", label: t("inbox.tab.all"), children: unreadOnly ? null : list },
            {
              key: "unread",
              label: unread > 0 ? t("inbox.tab.unreadCount", { count: unread }) : t("inbox.tab.unread"),
              children: unreadOnly ? list : null,
            },
          ]}
        />
      </Card>
    </>
  );
}

function InboxList({ unreadOnly }: { unreadOnly: boolean }) {
  const t = useMessages();
  const query = useInbox({ unread: unreadOnly });
  const markRead = useMarkRead();
  const onMarkRead = (item: InboxItem) => markRead.mutate(item.id);
  const items = query.data?.pages.flatMap((page) => page.items);

  return (
    <div style={{ padding: query.isPending || query.error ? 16 : 0 }}>
      <QueryState
        query={{ ...query, data: items, error: items ? null : query.error }}
        skeletonRows={8}
        isEmpty={(rows) => rows.length === 0}
        empty={unreadOnly ? t("inbox.emptyUnread") : t("inbox.empty")}
      >
        {(rows) => (
          <>
            {markRead.error && <ProblemAlert error={markRead.error} />}
            <ul aria-label={t("inbox.list")} style={{ margin: 0, padding: 0 }}>
              {rows.map((item) => (
                <InboxItemRow
                  key={item.id}
                  item={item}
                  onMarkRead={onMarkRead}
                  marking={markRead.isPending && markRead.variables === item.id}
                />
              ))}
            </ul>
            {query.hasNextPage && (
              <div style={{ display: "flex", justifyContent: "center", paddingTop: 12 }}>
                <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                  {t("inbox.loadMore")}
                </Button>
              </div>
            )}
            {query.error && (
              <ProblemAlert
                error={query.error}
                onRetry={() => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
