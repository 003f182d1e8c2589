import { Button, Input, Space } from "antd";

import { generateTemporaryPassword } from "../../lib/password";
import { useMessages } from "../../i18n";

interface PasswordFieldProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}

/** A temporary password in clear (the admin has to pass it on), prefilled at random, with a "new one" button. */
export function PasswordField({ id, value, onChange }: PasswordFieldProps) {
  const m = useMessages();
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input id={id} value={value} onChange={(event) => onChange?.(event.target.value)} className="secret-value" autoComplete="off" />
      <Button onClick={() => onChange?.(generateTemporaryPassword())}>{m("password.regenerate")}</Button>
    </Space.Compact>
  );
}
