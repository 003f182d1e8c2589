import { AutoComplete, DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import { ProblemAlert } from "../../../../components/ProblemAlert";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useCreateTaskPlan } from "../../api/imports";
import type { TaskPlan } from "../../api/types";
import { useMessages } from "../../i18n";

interface Values {
  kind: string;
  symbol?: string;
  issued_on?: Dayjs | null;
  issuer: string;
  standing_agency_id?: string;
  title: string;
}

const KINDS = ["Kế hoạch", "Chương trình hành động", "Nghị quyết", "Quyết định", "Chỉ thị", "Kết luận"];

/** "Thêm văn bản": the plan a task table belongs to, registered before its first import. */
export function TaskPlanFormModal({
  defaultStandingAgencyId,
  onClose,
  onCreated,
}: {
  defaultStandingAgencyId?: string;
  onClose: () => void;
  onCreated: (plan: TaskPlan) => void;
}) {
  const m = useMessages();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCreateTaskPlan();

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const plan = await create.mutateAsync({
        idempotencyKey,
        body: {
          kind: values.kind.trim(),
          symbol: values.symbol?.trim() ?? "",
          issued_on: values.issued_on ? values.issued_on.format("YYYY-MM-DD") : null,
          issuer: values.issuer.trim(),
          standing_agency_id: values.standing_agency_id ?? null,
          title: values.title.trim(),
        },
      });
      onCreated(plan);
    } catch (error) {
      const unplaced = applyApiErrors(form, error);
      if (unplaced.length > 0 || !form.getFieldsError().some((field) => field.errors.length > 0)) setFailure(error);
    }
  };

  return (
    <Modal
      open
      title={m("plan.createTitle")}
      onCancel={onClose}
      okText={m("plan.create")}
      cancelText={m("cancel")}
      okButtonProps={{ htmlType: "submit", form: "task-plan-form", loading: create.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        id="task-plan-form"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: "Kế hoạch", standing_agency_id: defaultStandingAgencyId }}
      >
        {failure !== null && <ProblemAlert error={failure} />}
        <Form.Item name="kind" label={m("plan.kind")} rules={[{ required: true, min: 2, message: m("required") }]}>
          <AutoComplete options={KINDS.map((kind) => ({ value: kind }))} />
        </Form.Item>
        <Form.Item name="symbol" label={m("plan.symbol")} extra={m("plan.symbolHint")}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="issued_on" label={m("plan.issuedOn")}>
          <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="issuer" label={m("plan.issuer")} rules={[{ required: true, min: 2, message: m("required") }]}>
          <Input placeholder={m("plan.issuerPlaceholder")} />
        </Form.Item>
        <Form.Item name="standing_agency_id" label={m("plan.standingAgency")}>
          <AgencySelect />
        </Form.Item>
        <Form.Item name="title" label={m("plan.title")} rules={[{ required: true, min: 3, message: m("plan.titleRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
