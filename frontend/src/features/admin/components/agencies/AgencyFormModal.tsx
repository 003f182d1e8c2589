import { Form, Input, Modal, Select } from "antd";
import { useMemo, useState } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import { ProblemAlert } from "../../../../components/ProblemAlert";
import type { Agency } from "../../../../lib/directory";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useCreateAgency, useUpdateAgency } from "../../api/agencies";
import { AGENCY_KINDS, type AgencyKind, type AgencyUpdate } from "../../api/types";
import { useMessages } from "../../i18n";
import { useKindLabel } from "../labels";
import { subtreeIds } from "./tree";

interface Values {
  code: string;
  name: string;
  short_name: string;
  kind: AgencyKind;
  parent_id?: string;
  aliases: string[];
}

interface AgencyFormModalProps {
  /** The agency being edited; absent to add a new one. */
  agency?: Agency;
  agencies: readonly Agency[];
  /** Preselected parent for a new agency (the one open in the tree). */
  defaultParentId?: string;
  onClose: () => void;
  onSaved: (agency: Agency) => void;
}

function changedFields(agency: Agency, values: Values): AgencyUpdate {
  const body: AgencyUpdate = {};
  if (values.name !== agency.name) body.name = values.name;
  if (values.short_name !== agency.short_name) body.short_name = values.short_name;
  if (values.kind !== agency.kind) body.kind = values.kind;
  if ((values.parent_id ?? null) !== agency.parent_id) body.parent_id = values.parent_id ?? null;
  if (values.aliases.join("\n") !== agency.aliases.join("\n")) body.aliases = values.aliases;
  return body;
}

/** "Thêm đơn vị" and "Sửa thông tin đơn vị" (rename, move under another parent, aliases). */
export function AgencyFormModal({ agency, agencies, defaultParentId, onClose, onSaved }: AgencyFormModalProps) {
  const m = useMessages();
  const kindLabel = useKindLabel();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const editing = agency !== undefined;
  const excluded = useMemo(() => (agency ? subtreeIds(agencies, agency.id) : new Set<string>()), [agencies, agency]);
  const canBeParent = useMemo(() => (candidate: Agency) => candidate.active && !excluded.has(candidate.id), [excluded]);

  const submit = async (values: Values) => {
    setUnplaced(null);
    try {
      const saved = agency
        ? await update.mutateAsync({ id: agency.id, version: agency.version, body: changedFields(agency, values) })
        : await create.mutateAsync({
            idempotencyKey,
            body: { ...values, code: values.code.trim().toUpperCase(), parent_id: values.parent_id ?? null },
          });
      onSaved(saved);
    } catch (error) {
      const rest = applyApiErrors(form, error);
      const hasFieldErrors = form.getFieldsError().some((field) => field.errors.length > 0);
      if (rest.length > 0 || !hasFieldErrors) setUnplaced(error);
    }
  };

  return (
    <Modal
      open
      title={editing ? m("agency.editTitle", { name: agency.name }) : m("agency.createTitle")}
      onCancel={onClose}
      okText={editing ? m("save") : m("agency.create")}
      cancelText={m("cancel")}
      okButtonProps={{ htmlType: "submit", form: "agency-form", loading: create.isPending || update.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        id="agency-form"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          agency
            ? { ...agency, parent_id: agency.parent_id ?? undefined }
            : { aliases: [], kind: "department", parent_id: defaultParentId }
        }
      >
        {unplaced !== null && <ProblemAlert error={unplaced} />}
        {editing ? (
          <Form.Item label={m("agency.code")}>
            <Input value={agency.code} disabled />
          </Form.Item>
        ) : (
          <Form.Item
            name="code"
            label={m("agency.code")}
            extra={m("agency.codeHint")}
            rules={[{ required: true, message: m("required") }, { pattern: /^[A-Za-z0-9_]{2,50}$/, message: m("agency.codeFormat") }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={m("agency.name")}
          extra={editing ? m("agency.renameHint") : undefined}
          rules={[{ required: true, min: 2, message: m("agency.nameRequired") }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="short_name" label={m("agency.shortName")} rules={[{ required: true, min: 2, message: m("agency.nameRequired") }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={m("agency.kind")} rules={[{ required: true, message: m("required") }]}>
          <Select options={AGENCY_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))} />
        </Form.Item>
        <Form.Item name="parent_id" label={m("agency.parent")}>
          <AgencySelect only={canBeParent} placeholder={m("agency.pickParent")} />
        </Form.Item>
        <Form.Item name="aliases" label={m("agency.aliases")} extra={m("agency.aliasesHint")}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[";"]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
