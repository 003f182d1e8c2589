import { Form, Input, Modal, Select, Switch } from "antd";
import { useState } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import { ProblemAlert } from "../../../../components/ProblemAlert";
import { ApiError } from "../../../../lib/api";
import type { Agency } from "../../../../lib/directory";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useCreateUser, useUpdateUser } from "../../api/users";
import { ROLES, type Role, type User, type UserUpdate } from "../../api/types";
import { useMessages } from "../../i18n";
import { generateTemporaryPassword } from "../../lib/password";
import { useRoleLabel } from "../labels";
import { PasswordField } from "./PasswordField";

interface Values {
  username: string;
  full_name: string;
  email: string;
  agency_id?: string;
  roles: Role[];
  initial_password: string;
  active: boolean;
}

interface UserFormModalProps {
  /** The account being edited; absent to create one. */
  user?: User;
  defaultAgencyId?: string;
  onClose: () => void;
  /** After creation the password is passed on, to be shown once. */
  onSaved: (user: User, initialPassword?: string) => void;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const onlyActive = (agency: Agency) => agency.active;

function changedFields(user: User, values: Values): UserUpdate {
  const body: UserUpdate = {};
  if (values.full_name !== user.full_name) body.full_name = values.full_name;
  if (values.email !== user.email) body.email = values.email;
  if (values.agency_id && values.agency_id !== user.agency_id) body.agency_id = values.agency_id;
  if ([...values.roles].sort().join() !== [...user.roles].sort().join()) body.roles = values.roles;
  if (values.active !== user.active) body.active = values.active;
  return body;
}

/** "Tạo tài khoản" and "Sửa tài khoản": the server's reasons land beside the fields they concern. */
export function UserFormModal({ user, defaultAgencyId, onClose, onSaved }: UserFormModalProps) {
  const m = useMessages();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [initialPassword] = useState(generateTemporaryPassword);
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== undefined;

  const showError = (error: unknown) => {
    // "Username taken" comes as a 409 without a field: it can only mean the username.
    if (!editing && error instanceof ApiError && error.status === 409 && !error.problem?.errors?.length) {
      form.setFields([{ name: "username", errors: [error.problem?.detail ?? error.message] }]);
      return;
    }
    const unplaced = applyApiErrors(form, error);
    const placed = form.getFieldsError().some((field) => field.errors.length > 0);
    if (unplaced.length > 0 || !placed) setFailure(error);
  };

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      if (user) {
        onSaved(await update.mutateAsync({ id: user.id, version: user.version, body: changedFields(user, values) }));
        return;
      }
      const { active: _active, ...body } = values;
      const created = await create.mutateAsync({
        idempotencyKey,
        body: { ...body, username: body.username.trim(), agency_id: body.agency_id ?? "" },
      });
      onSaved(created, values.initial_password);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Modal
      open
      title={editing ? m("user.editTitle", { username: user.username }) : m("user.createTitle")}
      onCancel={onClose}
      okText={editing ? m("save") : m("user.create")}
      cancelText={m("cancel")}
      okButtonProps={{ htmlType: "submit", form: "user-form", loading: create.isPending || update.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        id="user-form"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? { ...user }
            : { roles: ["agency_officer"], agency_id: defaultAgencyId, initial_password: initialPassword, active: true }
        }
      >
        {failure !== null && <ProblemAlert error={failure} />}
        <Form.Item
          name="username"
          label={m("user.username")}
          extra={editing ? undefined : m("user.usernameHint")}
          rules={editing ? [] : [{ required: true, message: m("required") }, { pattern: USERNAME, message: m("user.usernameFormat") }]}
        >
          <Input autoComplete="off" disabled={editing} />
        </Form.Item>
        <Form.Item name="full_name" label={m("user.fullName")} rules={[{ required: true, min: 2, message: m("user.fullNameRequired") }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={m("user.email")} rules={[{ required: true, type: "email", message: m("user.emailFormat") }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="agency_id" label={m("user.agency")} rules={[{ required: true, message: m("user.agencyRequired") }]}>
          <AgencySelect only={onlyActive} allowClear={false} />
        </Form.Item>
        <Form.Item name="roles" label={m("user.roles")} rules={[{ required: true, type: "array", min: 1, message: m("user.rolesRequired") }]}>
          <Select mode="multiple" options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))} />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={m("user.canSignIn")} valuePropName="checked" extra={m("user.canSignInHint")}>
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            name="initial_password"
            label={m("user.initialPassword")}
            extra={m("user.initialPasswordHint")}
            rules={[{ required: true, min: 10, message: m("password.tooShort") }]}
          >
            <PasswordField />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
