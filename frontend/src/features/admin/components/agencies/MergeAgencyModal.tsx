import { Alert, Checkbox, Form, Modal } from "antd";
import { useMemo, useState } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import { ProblemAlert } from "../../../../components/ProblemAlert";
import type { Agency } from "../../../../lib/directory";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useMergeAgency } from "../../api/agencies";
import { useMessages } from "../../i18n";
import { subtreeIds } from "./tree";

interface MergeAgencyModalProps {
  agency: Agency;
  agencies: readonly Agency[];
  onClose: () => void;
  onMerged: (intoId: string) => void;
}

/** "Hợp nhất": the confirmation says what happens before anything does. */
export function MergeAgencyModal({ agency, agencies, onClose, onMerged }: MergeAgencyModalProps) {
  const m = useMessages();
  const [form] = Form.useForm<{ into_id?: string }>();
  const intoId = Form.useWatch("into_id", form);
  const [understood, setUnderstood] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<unknown>(null);
  const merge = useMergeAgency();
  const excluded = useMemo(() => subtreeIds(agencies, agency.id), [agencies, agency.id]);
  const canReceive = useMemo(() => (candidate: Agency) => candidate.active && !excluded.has(candidate.id), [excluded]);
  const target = agencies.find((candidate) => candidate.id === intoId);

  const submit = async ({ into_id }: { into_id?: string }) => {
    if (!into_id) return;
    setFailure(null);
    try {
      await merge.mutateAsync({ id: agency.id, version: agency.version, intoId: into_id, idempotencyKey });
      onMerged(into_id);
    } catch (error) {
      if (applyApiErrors(form, error, { id: "into_id" }).length > 0 || !form.getFieldError("into_id").length) {
        setFailure(error);
      }
    }
  };

  return (
    <Modal
      open
      title={m("merge.title", { name: agency.name })}
      onCancel={onClose}
      okText={m("merge.submit")}
      cancelText={m("cancel")}
      okButtonProps={{ danger: true, htmlType: "submit", form: "merge-form", disabled: !understood || !intoId, loading: merge.isPending }}
      destroyOnHidden
    >
      <Form id="merge-form" form={form} layout="vertical" onFinish={submit}>
        {failure !== null && <ProblemAlert error={failure} />}
        <Form.Item name="into_id" label={m("merge.into")} rules={[{ required: true, message: m("merge.intoRequired") }]}>
          <AgencySelect only={canReceive} placeholder={m("merge.intoPlaceholder")} />
        </Form.Item>
        <Alert
          type="warning"
          showIcon
          title={m("merge.explainTitle")}
          description={
            <ul className="problem-reasons">
              <li>{m("merge.explainInactive", { name: agency.name, target: target?.name ?? m("merge.target") })}</li>
              <li>{m("merge.explainHistory")}</li>
              <li>{m("merge.explainMove")}</li>
              <li>{m("merge.explainFinal")}</li>
            </ul>
          }
        />
        <Checkbox checked={understood} onChange={(event) => setUnderstood(event.target.checked)} style={{ marginTop: 12 }}>
          {m("merge.understood")}
        </Checkbox>
      </Form>
    </Modal>
  );
}
