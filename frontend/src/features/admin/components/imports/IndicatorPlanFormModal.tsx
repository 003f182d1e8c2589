import { Form, Input, Modal } from "antd";
import { useState } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import { ProblemAlert } from "../../../../components/ProblemAlert";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useCreateIndicatorPlan } from "../../api/imports";
import type { IndicatorPlanCreate } from "../../api/types";
import { useMessages } from "../../i18n";

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$/;

/** "Đăng ký kế hoạch": a plan with indicators, registered before its Phụ lục I is imported. */
export function IndicatorPlanFormModal({
  defaultStandingAgencyId,
  onClose,
  onCreated,
}: {
  defaultStandingAgencyId?: string;
  onClose: () => void;
  onCreated: (key: string) => void;
}) {
  const m = useMessages();
  const [form] = Form.useForm<IndicatorPlanCreate>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCreateIndicatorPlan();

  const submit = async (values: IndicatorPlanCreate) => {
    setFailure(null);
    try {
      onCreated(await create.mutateAsync({ idempotencyKey, body: values }));
    } catch (error) {
      const unplaced = applyApiErrors(form, error);
      if (unplaced.length > 0 || !form.getFieldsError().some((field) => field.errors.length > 0)) setFailure(error);
    }
  };

  return (
    <Modal
      open
      title={m("iplan.createTitle")}
      onCancel={onClose}
      okText={m("iplan.create")}
      cancelText={m("cancel")}
      okButtonProps={{ htmlType: "submit", form: "indicator-plan-form", loading: create.isPending }}
      destroyOnHidden
    >
      <Form<IndicatorPlanCreate>
        id="indicator-plan-form"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ standing_agency_id: defaultStandingAgencyId }}
      >
        {failure !== null && <ProblemAlert error={failure} />}
        <Form.Item
          name="key"
          label={m("iplan.key")}
          extra={m("iplan.keyHint")}
          rules={[{ required: true, message: m("required") }, { pattern: KEY, message: m("iplan.keyFormat") }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="symbol" label={m("plan.symbol")} rules={[{ required: true, message: m("required") }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="title" label={m("plan.title")} rules={[{ required: true, min: 3, message: m("plan.titleRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item
          name="standing_agency_id"
          label={m("plan.standingAgency")}
          extra={m("iplan.standingHint")}
          rules={[{ required: true, message: m("iplan.standingRequired") }]}
        >
          <AgencySelect allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
