import { Form, Modal } from "antd";
import { useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { useResetPassword } from "../../api/users";
import type { User } from "../../api/types";
import { useMessages } from "../../i18n";
import { generateTemporaryPassword } from "../../lib/password";
import { PasswordField } from "./PasswordField";

interface ResetPasswordModalProps {
  user: User;
  onClose: () => void;
  onDone: (password: string) => void;
}

/** "Đặt lại mật khẩu": the admin sets a temporary password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose, onDone }: ResetPasswordModalProps) {
  const m = useMessages();
  const [form] = Form.useForm<{ new_password: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const [initialPassword] = useState(generateTemporaryPassword);
  const reset = useResetPassword();

  const submit = async ({ new_password }: { new_password: string }) => {
    setFailure(null);
    try {
      await reset.mutateAsync({ id: user.id, newPassword: new_password });
      onDone(new_password);
    } catch (error) {
      if (applyApiErrors(form, error).length > 0 || !form.getFieldError("new_password").length) setFailure(error);
    }
  };

  return (
    <Modal
      open
      title={m("reset.title", { username: user.username })}
      onCancel={onClose}
      okText={m("user.reset")}
      cancelText={m("cancel")}
      okButtonProps={{ htmlType: "submit", form: "reset-form", loading: reset.isPending }}
      destroyOnHidden
    >
      <Form id="reset-form" form={form} layout="vertical" onFinish={submit} initialValues={{ new_password: initialPassword }}>
        <p>{m("reset.explain", { name: user.full_name })}</p>
        {failure !== null && <ProblemAlert error={failure} />}
        <Form.Item name="new_password" label={m("reset.password")} rules={[{ required: true, min: 10, message: m("password.tooShort") }]}>
          <PasswordField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
