import { DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";

import { useSavedFilters } from "../../hooks/use-saved-filters";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { describeFilters } from "./filter-summary";

interface SavedFiltersProps {
  userId: string | undefined;
  /** The current filters as the list's address query. */
  search: string;
  onApply: (search: string) => void;
}

/** Name the current filters, re-apply them later; kept in this browser per user (localStorage). */
export function SavedFilters({ userId, search, onApply }: SavedFiltersProps) {
  const t = useMessages();
  const { message } = App.useApp();
  const { items, save, remove } = useSavedFilters(userId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  return (
    <>
      <Button icon={<SaveOutlined aria-hidden />} onClick={() => setOpen(true)} disabled={!userId}>
        {items.length > 0 ? t("saved.openCount", { count: items.length }) : t("saved.open")}
      </Button>
      <Modal
        open={open}
        title={t("saved.title")}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t("saved.close")}</Button>}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("saved.note")}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={({ name }) => {
            save(name, search);
            form.resetFields();
            void message.success(t("saved.saved", { name: name.trim() }));
          }}
        >
          <Form.Item
            name="name"
            label={t("saved.name")}
            rules={[{ required: true, whitespace: true, message: t("saved.nameRequired") }]}
          >
            <Input maxLength={80} placeholder={t("saved.namePlaceholder")} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("saved.save")}
          </Button>
        </Form>
        {items.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t("saved.empty")}
          </Typography.Paragraph>
        ) : (
          <PlainList
            className="task-saved-filters"
            items={items}
            keyOf={(item) => item.id}
            render={(item) => (
              <div className="task-review-row">
                <span className="task-cell">
                  <strong>{item.name}</strong>
                  <span className="task-muted">{describeFilters(item.search, t) || "—"}</span>
                </span>
                <span className="task-actions">
                  <Button
                      size="small"
                    aria-label={t("saved.applyLabel", { name: item.name })}
                    onClick={() => {
                      onApply(item.search);
                      setOpen(false);
                    }}
                  >
                    {t("saved.apply")}
                  </Button>
                  <Button
                      size="small"
                    danger
                    type="text"
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t("saved.delete", { name: item.name })}
                    onClick={() => remove(item.id)}
                  />
              </span>
            </div>
          )}
        />
        )}
      </Modal>
    </>
  );
}
