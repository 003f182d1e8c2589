import { App, Button, Card, Checkbox, Grid, Switch, Table, Typography } from "antd";
import { useState, type FormEvent } from "react";

import { PageHeader } from "../../../components/PageHeader";
import { ProblemAlert } from "../../../components/ProblemAlert";
import { QueryState } from "../../../components/QueryState";
import { paths } from "../../../config/paths";
import { usePreferences, useSavePreferences, type EventChoice, type Preferences } from "../api/preferences";
import { useMessages } from "../i18n";

type Channel = "inbox" | "email";

/** The page: which events reach the caller's inbox and e-mail, and the daily digest. */
export function NotificationPreferences() {
  const t = useMessages();
  const query = usePreferences();
  return (
    <>
      <PageHeader
        title={t("prefs.title")}
        subtitle={t("prefs.subtitle")}
        crumbs={[{ to: paths.notifications, label: t("inbox.title") }, { label: t("prefs.title") }]}
      />
      <QueryState query={query} skeletonRows={12}>
        {(saved) => <PreferencesForm saved={saved} />}
      </QueryState>
    </>
  );
}

function PreferencesForm({ saved }: { saved: Preferences }) {
  const t = useMessages();
  const { message } = App.useApp();
  const save = useSavePreferences();
  const [digest, setDigest] = useState(saved.digest ?? false);
  const [events, setEvents] = useState<EventChoice[]>(saved.events);

  const toggle = (eventType: string, channel: Channel, on: boolean) =>
    setEvents((current) => current.map((e) => (e.event_type === eventType ? { ...e, [channel]: on } : e)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { digest, events: events.map(({ event_type, label, inbox, email }) => ({ event_type, label, inbox, email })) },
      { onSuccess: () => void message.success(t("prefs.saved")) },
    );
  };

  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t("prefs.events")}
        </Typography.Title>
        <EventChoices events={events} onToggle={toggle} />
      </Card>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t("prefs.digestTitle")}
        </Typography.Title>
        <Checkbox checked={digest} onChange={(e) => setDigest(e.target.checked)}>
          {t("prefs.digest")}
        </Checkbox>
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
          {t("prefs.digestHint")}
        </Typography.Paragraph>
      </Card>
      {save.error && <ProblemAlert error={save.error} />}
      <div>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("prefs.save")}
        </Button>
      </div>
    </form>
  );
}

interface EventChoicesProps {
  events: EventChoice[];
  onToggle: (eventType: string, channel: Channel, on: boolean) => void;
}

/** A table on a wide screen, one card per event type on a phone; every switch names its event and channel. */
function EventChoices({ events, onToggle }: EventChoicesProps) {
  const t = useMessages();
  const wide = Grid.useBreakpoint().md ?? true;
  const channelLabel = { inbox: t("prefs.inbox"), email: t("prefs.email") };

  const renderSwitch = (choice: EventChoice, channel: Channel) => (
    <Switch
      checked={choice[channel] ?? true}
      onChange={(on) => onToggle(choice.event_type, channel, on)}
      aria-label={t("prefs.switch", { event: choice.label || choice.event_type, channel: channelLabel[channel] })}
      checkedChildren={t("prefs.on")}
      unCheckedChildren={t("prefs.off")}
      data-testid={`pref-${choice.event_type}-${channel}`}
    />
  );

  if (events.length === 0) return <Typography.Text type="secondary">{t("prefs.empty")}</Typography.Text>;

  if (!wide) {
    return (
      <ul style={{ margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 8 }}>
        {events.map((choice) => (
          <li key={choice.event_type} style={{ listStyle: "none" }}>
            <Card
              size="small"
              title={<span style={{ whiteSpace: "normal" }}>{choice.label || choice.event_type}</span>}
            >
              {(["inbox", "email"] as const).map((channel) => (
                <div
                  key={channel}
                  style={{ display: "flex", justifyContent: "space-between", alignItems: "center", padding: "4px 0" }}
                >
                  <span aria-hidden="true">{channelLabel[channel]}</span>
                  {renderSwitch(choice, channel)}
                </div>
              ))}
            </Card>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Table<EventChoice>
      rowKey="event_type"
      dataSource={events}
      pagination={false}
      size="middle"
      scroll={{ x: true }}
      columns={[
        { key: "label", title: t("prefs.event"), render: (_, choice) => choice.label || choice.event_type },
        ...(["inbox", "email"] as const).map((channel) => ({
          key: channel,
          title: channelLabel[channel],
          width: 140,
          align: "center" as const,
          render: (_: unknown, choice: EventChoice) => renderSwitch(choice, channel),
        })),
      ]}
    />
  );
}
