import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Modal, Space } from "antd";
import { useId } from "react";

import { useMessages } from "../i18n";

interface SecretLineProps {
  label: string;
  value: string;
}

/** One value to copy: a read-only field (selectable by hand) and a button that copies it. */
function SecretLine({ label, value }: SecretLineProps) {
  const m = useMessages();
  const id = useId();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await globalThis.navigator.clipboard.writeText(value);
      void message.success(m("copy.done"));
    } catch {
      void message.error(m("copy.failed"));
    }
  };
  return (
    <div className="secret-line">
      <label htmlFor={id}>{label}</label>
      <Space.Compact style={{ width: "100%" }}>
        <Input id={id} readOnly value={value} className="secret-value" onFocus={(event) => event.target.select()} />
        <Button icon={<CopyOutlined aria-hidden />} onClick={copy} aria-label={m("copy.label", { what: label })}>
          {m("copy")}
        </Button>
      </Space.Compact>
    </div>
  );
}

interface ShownOnceModalProps {
  title: string;
  /** Why it is shown only now, and what to do with it. */
  warning: string;
  lines: SecretLineProps[];
  onClose: () => void;
}

/**
 * A password or secret the server will never show again. The parent drops the value when this closes,
 * so it is gone from the page (and from memory) once the admin confirms it is saved.
 */
export function ShownOnceModal({ title, warning, lines, onClose }: ShownOnceModalProps) {
  const m = useMessages();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {m("secret.close")}
        </Button>
      }
    >
      <div className="stack" data-testid="shown-once">
        <Alert type="warning" showIcon title={warning} />
        {lines.map((line) => (
          <SecretLine key={line.label} {...line} />
        ))}
      </div>
    </Modal>
  );
}
