import { Checkbox, Form, Input, Modal, Switch } from "antd";
import { useState } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import { ProblemAlert } from "../../../../components/ProblemAlert";
import type { Agency } from "../../../../lib/directory";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useCreateClient, useUpdateClient } from "../../api/clients";
import { SCOPES, type Client, type ClientUpdate, type ClientWithSecret, type Scope } from "../../api/types";
import { useMessages } from "../../i18n";
import { useScopeLabel } from "../labels";

interface Values {
  client_id: string;
  name: string;
  scopes: Scope[];
  agency_id?: string;
  active: boolean;
}

interface ClientFormModalProps {
  client?: Client;
  onClose: () => void;
  onCreated: (client: ClientWithSecret) => void;
  onSaved: (client: Client) => void;
}

const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const onlyActive = (agency: Agency) => agency.active;

function changedFields(client: Client, values: Values): ClientUpdate {
  const body: ClientUpdate = {};
  if (values.name !== client.name) body.name = values.name;
  if ([...values.scopes].sort().join() !== [...client.scopes].sort().join()) body.scopes = values.scopes;
  if (values.agency_id && values.agency_id !== client.agency_id) body.agency_id = values.agency_id;
  if (values.active !== client.active) body.active = values.active;
  return body;
}

/** "Đăng ký ứng dụng" and "Sửa ứng dụng": name, data scope (an agency and its subtree), permissions, on/off. */
export function ClientFormModal({ client, onClose, onCreated, onSaved }: ClientFormModalProps) {
  const m = useMessages();
  const scopeLabel = useScopeLabel();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCreateClient();
  const update = useUpdateClient();
  const editing = client !== undefined;

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      if (client) {
        onSaved(await update.mutateAsync({ id: client.id, version: client.version, body: changedFields(client, values) }));
      } else {
        const { active: _active, ...body } = values;
        onCreated(await create.mutateAsync({ idempotencyKey, body: { ...body, agency_id: body.agency_id ?? "" } }));
      }
    } catch (error) {
      const unplaced = applyApiErrors(form, error);
      if (unplaced.length > 0 || !form.getFieldsError().some((field) => field.errors.length > 0)) setFailure(error);
    }
  };

  return (
    <Modal
      open
      title={editing ? m("client.editTitle", { name: client.name }) : m("client.createTitle")}
      onCancel={onClose}
      okText={editing ? m("save") : m("client.create")}
      cancelText={m("cancel")}
      okButtonProps={{ htmlType: "submit", form: "client-form", loading: create.isPending || update.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        id="client-form"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={client ? { ...client, scopes: client.scopes as Scope[] } : { scopes: ["tasks.read", "indicators.read"], active: true }}
      >
        {failure !== null && <ProblemAlert error={failure} />}
        <Form.Item
          name="client_id"
          label={m("client.clientId")}
          extra={editing ? undefined : m("client.clientIdHint")}
          rules={editing ? [] : [{ required: true, message: m("required") }, { pattern: CLIENT_ID, message: m("client.clientIdFormat") }]}
        >
          <Input autoComplete="off" disabled={editing} />
        </Form.Item>
        <Form.Item name="name" label={m("client.name")} rules={[{ required: true, min: 2, message: m("client.nameRequired") }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="agency_id" label={m("client.agency")} extra={m("client.agencyHint")} rules={[{ required: true, message: m("client.agencyRequired") }]}>
          <AgencySelect only={onlyActive} allowClear={false} />
        </Form.Item>
        <Form.Item name="scopes" label={m("client.scopes")} rules={[{ required: true, type: "array", min: 1, message: m("client.scopesRequired") }]}>
          <Checkbox.Group
            style={{ display: "grid", gap: 4 }}
            options={SCOPES.map((scope) => ({ value: scope, label: `${scopeLabel(scope)} (${scope})` }))}
          />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={m("client.enabled")} valuePropName="checked" extra={m("client.enabledHint")}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
