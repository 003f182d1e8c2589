import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Grid, Modal, Table, Tag, type TableColumnsType } from "antd";
import { useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { QueryState } from "../../../../components/QueryState";
import { useAgencyNames } from "../../../../lib/directory";
import { formatDateTime } from "../../../../lib/format";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useClients, useRotateSecret } from "../../api/clients";
import type { Client, ClientWithSecret } from "../../api/types";
import { useMessages } from "../../i18n";
import { SectionHead } from "../AdminLayout";
import { useScopeLabel } from "../labels";
import { ShownOnceModal } from "../OneTimeSecret";
import { ClientFormModal } from "./ClientFormModal";

type Dialog = { kind: "create" } | { kind: "edit"; client: Client } | null;

function Status({ client }: { client: Client }) {
  const m = useMessages();
  return client.active ? <Tag color="green">{m("client.active")}</Tag> : <Tag color="red">{m("client.disabled")}</Tag>;
}

/** "Ứng dụng tích hợp": register, narrow, disable and re-key the applications that read the API. */
export function ClientsScreen() {
  const m = useMessages();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const scopeLabel = useScopeLabel();
  const agencies = useAgencyNames();
  const clients = useClients();
  const rotate = useRotateSecret();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<ClientWithSecret | null>(null);
  const [rotateError, setRotateError] = useState<unknown>(null);
  const [rotating, setRotating] = useState<Client | null>(null);
  const [rotateKey, setRotateKey] = useState(newIdempotencyKey);

  const confirmRotate = async () => {
    if (!rotating) return;
    setRotateError(null);
    try {
      setSecret(await rotate.mutateAsync({ id: rotating.id, idempotencyKey: rotateKey }));
      setRotateKey(newIdempotencyKey());
    } catch (error) {
      setRotateError(error);
    } finally {
      setRotating(null);
    }
  };

  const actions = (client: Client) => (
    <span className="admin-card__actions">
      <Button size="small" onClick={() => setDialog({ kind: "edit", client })} aria-label={m("client.editFor", { name: client.client_id })}>
        {m("edit")}
      </Button>
      <Button size="small" onClick={() => setRotating(client)} aria-label={m("client.rotateFor", { name: client.client_id })}>
        {m("client.rotate")}
      </Button>
    </span>
  );
  const scopes = (client: Client) => (
    <span className="agency-node">
      {client.scopes.map((scope) => (
        <Tag key={scope}>{scopeLabel(scope)}</Tag>
      ))}
    </span>
  );
  const columns: TableColumnsType<Client> = [
    { key: "name", title: m("client.name"), dataIndex: "name" },
    { key: "id", title: m("client.clientId"), dataIndex: "client_id" },
    { key: "agency", title: m("client.agency"), render: (_, client) => agencies.get(client.agency_id)?.name ?? "" },
    { key: "scopes", title: m("client.scopes"), render: (_, client) => scopes(client) },
    { key: "status", title: m("client.status"), render: (_, client) => <Status client={client} /> },
    { key: "used", title: m("client.lastUsed"), render: (_, client) => formatDateTime(client.last_used_at) || m("client.neverUsed") },
    { key: "actions", title: m("actions"), render: (_, client) => actions(client) },
  ];

  return (
    <section aria-labelledby="admin-clients-title">
      <SectionHead
        title={m("tab.clients")}
        id="admin-clients-title"
        actions={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: "create" })}>
            {m("client.create")}
          </Button>
        }
      />
      {rotateError !== null && <ProblemAlert error={rotateError} />}
      <Card size="small">
        <QueryState query={clients} skeletonRows={6} isEmpty={(data) => data.length === 0} empty={m("client.empty")}>
          {(data) =>
            screens.md ? (
              <Table<Client> rowKey="id" columns={columns} dataSource={data} pagination={false} scroll={{ x: true }} />
            ) : (
              <ul className="admin-cards" aria-label={m("tab.clients")}>
                {data.map((client) => (
                  <li key={client.id} className="admin-card">
                    <span className="admin-card__title">{client.name}</span>
                    <span className="admin-card__meta">{client.client_id}</span>
                    <span>{agencies.get(client.agency_id)?.name}</span>
                    {scopes(client)}
                    <Status client={client} />
                    <span className="admin-card__meta">
                      {m("client.lastUsed")}: {formatDateTime(client.last_used_at) || m("client.neverUsed")}
                    </span>
                    {actions(client)}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </Card>
      {dialog && (
        <ClientFormModal
          client={dialog.kind === "edit" ? dialog.client : undefined}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            setDialog(null);
            setSecret(created);
          }}
          onSaved={() => {
            setDialog(null);
            void message.success(m("client.saved"));
          }}
        />
      )}
      {rotating && (
        <Modal
          open
          title={m("client.rotateTitle", { name: rotating.name })}
          okText={m("client.rotate")}
          okButtonProps={{ danger: true, loading: rotate.isPending }}
          cancelText={m("cancel")}
          onOk={() => void confirmRotate()}
          onCancel={() => setRotating(null)}
        >
          <p>{m("client.rotateExplain")}</p>
        </Modal>
      )}
      {secret && (
        <ShownOnceModal
          title={m("client.secretTitle", { name: secret.name })}
          warning={m("client.secretWarning")}
          lines={[
            { label: m("client.clientId"), value: secret.client_id },
            { label: m("client.secret"), value: secret.client_secret },
          ]}
          onClose={() => setSecret(null)}
        />
      )}
    </section>
  );
}
