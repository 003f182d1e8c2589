import { EditOutlined, StopOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { ApiError } from "../../../../lib/api";
import type { LoadedTask } from "../../api/detail";
import { useCancelTask, useUpdateTask } from "../../api/writes";
import type { TaskUpdateInput } from "../../api/types";
import { useMessages } from "../../i18n";
import { placeErrors } from "./form-problem";

interface EditValues {
  responsible_person: string;
  deadline_text?: string;
  due_on?: Dayjs | null;
  is_priority?: boolean;
  reason?: string;
}

/** A stale If-Match (412) means someone else saved first: the page reloads the task and says so. */
function isStale(error: unknown) {
  return error instanceof ApiError && (error.status === 412 || error.status === 428);
}

function EditDialog({ loaded, full, onClose }: { loaded: LoadedTask; full: boolean; onClose: () => void }) {
  const t = useMessages();
  const { message } = App.useApp();
  const { task, etag } = loaded;
  const update = useUpdateTask(task.id);
  const [form] = Form.useForm<EditValues>();
  const [problem, setProblem] = useState<unknown>(null);

  async function send(values: EditValues) {
    setProblem(null);
    const body: TaskUpdateInput = { responsible_person: values.responsible_person.trim(), reason: "" };
    if (full) {
      if ((values.deadline_text ?? "") !== task.deadline.text) body.deadline_text = values.deadline_text ?? "";
      const due = values.due_on?.format("YYYY-MM-DD");
      if (due && due !== task.deadline.due_on) body.due_on = due;
      if (values.is_priority !== task.is_priority) body.is_priority = values.is_priority ?? false;
      body.reason = values.reason?.trim() ?? "";
    }
    try {
      await update.mutateAsync({ body, etag });
      void message.success(t("manage.saved"));
      onClose();
    } catch (error) {
      if (isStale(error)) void message.warning(t("manage.stale"));
      if (placeErrors(form, error)) setProblem(error);
    }
  }

  return (
    <Modal
      open
      title={full ? t("manage.editTitle") : t("manage.editResponsible")}
      okText={t("manage.save")}
      cancelText={t("manage.close")}
      okButtonProps={{ loading: update.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        name="task-edit"
        onFinish={(values) => void send(values)}
        initialValues={{
          responsible_person: task.responsible_person,
          deadline_text: task.deadline.text,
          due_on: task.deadline.due_on ? dayjs(task.deadline.due_on) : null,
          is_priority: task.is_priority,
        }}
      >
        <Form.Item name="responsible_person" label={t("manage.responsible")}>
          <Input maxLength={200} />
        </Form.Item>
        {full && (
          <>
            <Form.Item name="deadline_text" label={t("manage.deadlineText")}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="due_on" label={t("manage.dueOn")} extra={t("manage.dueOnHint")}>
              <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="is_priority" valuePropName="checked">
              <Checkbox>{t("manage.priority")}</Checkbox>
            </Form.Item>
            <Form.Item name="reason" label={t("manage.reason")}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </>
        )}
        {problem ? <ProblemAlert error={problem} /> : null}
      </Form>
    </Modal>
  );
}

function CancelDialog({ loaded, onClose }: { loaded: LoadedTask; onClose: () => void }) {
  const t = useMessages();
  const { message } = App.useApp();
  const cancel = useCancelTask(loaded.task.id);
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<unknown>(null);

  async function send({ reason }: { reason: string }) {
    setProblem(null);
    try {
      await cancel.mutateAsync({ reason: reason.trim(), etag: loaded.etag });
      void message.success(t("manage.cancelled"));
      onClose();
    } catch (error) {
      if (isStale(error)) void message.warning(t("manage.stale"));
      if (placeErrors(form, error)) setProblem(error);
    }
  }

  return (
    <Modal
      open
      title={t("manage.cancelTitle")}
      okText={t("manage.cancelOk")}
      cancelText={t("manage.close")}
      okButtonProps={{ danger: true, loading: cancel.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="task-cancel" onFinish={(values) => void send(values)}>
        <Form.Item
          name="reason"
          label={t("manage.cancelReason")}
          rules={[{ required: true, whitespace: true, min: 5, message: t("manage.cancelReasonRequired") }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {problem ? <ProblemAlert error={problem} /> : null}
      </Form>
    </Modal>
  );
}

interface ManageTaskProps {
  loaded: LoadedTask;
  canAssign: boolean;
  canSetResponsible: boolean;
}

/** The assigning level edits or cancels (with If-Match); a lead agency may only set the person in charge. */
export function ManageTask({ loaded, canAssign, canSetResponsible }: ManageTaskProps) {
  const t = useMessages();
  const [dialog, setDialog] = useState<"edit" | "cancel" | null>(null);
  const cancelled = loaded.task.status === "cancelled";
  if (cancelled || (!canAssign && !canSetResponsible)) return null;
  return (
    <>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog("edit")}>
        {canAssign ? t("manage.edit") : t("manage.editResponsible")}
      </Button>
      {canAssign && (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("cancel")}>
          {t("manage.cancelTask")}
        </Button>
      )}
      {dialog === "edit" && <EditDialog loaded={loaded} full={canAssign} onClose={() => setDialog(null)} />}
      {dialog === "cancel" && <CancelDialog loaded={loaded} onClose={() => setDialog(null)} />}
    </>
  );
}
