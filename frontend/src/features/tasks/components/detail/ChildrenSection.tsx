import { App, Button, Form, Input, Select, Typography } from "antd";
import { useMemo, useRef, useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { useAgencies } from "../../../../lib/directory";
import { foldAccents } from "../../../../lib/format";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useCascadeTask } from "../../api/writes";
import type { Share, Task } from "../../api/types";
import { subtreeOf } from "../../hooks/permissions";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { StatusTag } from "../StatusTag";
import { TaskPercent, TaskTitle } from "../list/TaskRowParts";
import { placeErrors } from "./form-problem";
import { Section } from "./Section";

interface CascadeValues {
  from_agency_id: string;
  title: string;
  result?: string;
  lead_agency_ids: string[];
  coordinator_agency_ids?: string[];
  deadline_text?: string;
  responsible_person?: string;
}

const agencyFilter = (input: string, option?: { label?: unknown }) =>
  foldAccents(String(option?.label ?? "")).includes(foldAccents(input));

function CascadeForm({ taskId, from, onDone }: { taskId: string; from: Share[]; onDone: () => void }) {
  const t = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<CascadeValues>();
  const cascade = useCascadeTask(taskId);
  const agencies = useAgencies();
  const key = useRef(newIdempotencyKey());
  const [problem, setProblem] = useState<unknown>(null);
  const giver = Form.useWatch("from_agency_id", form) ?? from[0]?.agency_id;
  const giverName = from.find((share) => share.agency_id === giver)?.agency_name ?? "";

  // the API takes the giver's own sub-agencies or any commune
  const options = useMemo(() => {
    const list = agencies.data ?? [];
    const under = subtreeOf(giver, list);
    return list
      .filter((agency) => agency.active && agency.id !== giver && (under.has(agency.id) || agency.kind === "commune"))
      .sort((a, b) => Number(b.kind !== "commune") - Number(a.kind !== "commune") || a.name.localeCompare(b.name, "vi"))
      .map((agency) => ({ value: agency.id, label: agency.name }));
  }, [agencies.data, giver]);

  async function send(values: CascadeValues) {
    setProblem(null);
    try {
      await cascade.mutateAsync({
        idempotencyKey: key.current,
        body: {
          from_agency_id: values.from_agency_id ?? from[0]?.agency_id,
          title: values.title.trim(),
          result: values.result?.trim() ?? "",
          lead_agency_ids: values.lead_agency_ids,
          coordinator_agency_ids: values.coordinator_agency_ids ?? [],
          deadline_text: values.deadline_text?.trim() ?? "",
          responsible_person: values.responsible_person?.trim() ?? "",
        },
      });
      key.current = newIdempotencyKey();
      void message.success(t("children.sent"));
      form.resetFields();
      onDone();
    } catch (error) {
      if (placeErrors(form, error)) setProblem(error);
    }
  }

  return (
    <Form<CascadeValues>
      form={form}
      layout="vertical"
      name="cascade"
      initialValues={{ from_agency_id: from[0]?.agency_id }}
      onFinish={(values) => void send(values)}
    >
      <Typography.Title level={3} style={{ fontSize: "1rem" }}>
        {t("children.formTitle")}
      </Typography.Title>
      {from.length > 1 && (
        <Form.Item name="from_agency_id" label={t("children.from")}>
          <Select options={from.map((share) => ({ value: share.agency_id, label: share.agency_name }))} />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t("children.name")}
        rules={[{ required: true, whitespace: true, min: 3, message: t("children.nameRequired") }]}
      >
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item
        name="lead_agency_ids"
        label={t("children.leads")}
        extra={t("children.leadsHint", { agency: giverName })}
        rules={[{ required: true, type: "array", min: 1, message: t("children.leadsRequired") }]}
      >
        <Select
          mode="multiple"
          options={options}
          loading={agencies.isPending}
          placeholder={t("children.pick")}
          showSearch={{ filterOption: agencyFilter }}
        />
      </Form.Item>
      <Form.Item name="coordinator_agency_ids" label={t("children.coordinators")}>
        <Select
          mode="multiple"
          options={options}
          placeholder={t("children.pick")}
          showSearch={{ filterOption: agencyFilter }}
        />
      </Form.Item>
      <Form.Item name="result" label={t("children.result")}>
        <Input maxLength={5000} />
      </Form.Item>
      <Form.Item name="deadline_text" label={t("children.deadline")} extra={t("children.deadlineHint")}>
        <Input maxLength={300} placeholder="Quý IV/2026" />
      </Form.Item>
      <Form.Item name="responsible_person" label={t("children.responsible")}>
        <Input maxLength={200} />
      </Form.Item>
      {problem ? <ProblemAlert error={problem} /> : null}
      <div className="task-actions" style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={cascade.isPending}>
          {t("children.send")}
        </Button>
        <Button onClick={onDone}>{t("children.cancel")}</Button>
      </div>
    </Form>
  );
}

interface ChildrenSectionProps {
  taskId: string;
  children: Task[];
  percent: number;
  cascadeFrom: Share[];
}

/** "Nhiệm vụ con": tasks given on to sub-agencies or communes; their progress rolls up into this one. */
export function ChildrenSection({ taskId, children, percent, cascadeFrom }: ChildrenSectionProps) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  if (children.length === 0 && cascadeFrom.length === 0) return null;

  return (
    <Section
      title={t("children.title")}
      testId="task-children"
      extra={
        cascadeFrom.length > 0 &&
        !open && (
          <Button onClick={() => setOpen(true)} aria-expanded={open}>
            {t("children.open")}
          </Button>
        )
      }
    >
      <div className="task-detail">
        {children.length > 0 ? (
          <>
            <Typography.Text type="secondary">{t("children.rollup", { percent })}</Typography.Text>
            <PlainList
              items={children}
              keyOf={(child) => child.id}
              render={(child) => (
                <div className="task-cell" style={{ width: "100%" }}>
                  <TaskTitle task={child} />
                  <span className="task-card__meta">
                    <StatusTag status={child.status} label={child.status_label} />
                    <span className="task-muted">{child.lead_text}</span>
                  </span>
                  <TaskPercent percent={child.percent} />
                </div>
              )}
            />
          </>
        ) : (
          <Typography.Text type="secondary">{t("children.empty")}</Typography.Text>
        )}
        {open && <CascadeForm taskId={taskId} from={cascadeFrom} onDone={() => setOpen(false)} />}
      </div>
    </Section>
  );
}
