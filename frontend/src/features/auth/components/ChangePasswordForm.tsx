import { useState, type FormEvent } from "react";

import { Alert } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/TextField";
import { formErrors } from "../../../lib/form-errors";
import { useT } from "../../../lib/i18n";
import { useChangePassword } from "../api/change-password";

export const MIN_PASSWORD_LENGTH = 10;

type Field = "current" | "next" | "confirm";
const API_FIELDS: Record<string, Field> = { current_password: "current", new_password: "next" };

interface ChangePasswordFormProps {
  forced?: boolean;
  /** Lets password managers file the new password under the right account. */
  username?: string;
  onSuccess?: () => void;
}

export function ChangePasswordForm({ forced = false, username, onSuccess }: ChangePasswordFormProps) {
  const t = useT();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ current: "", next: "", confirm: "" });
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});

  const server = formErrors(change.error, API_FIELDS, t);
  const fieldError = (field: Field) => invalid[field] ?? server.fields[field];
  const bind = (field: Field) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
    error: fieldError(field),
  });

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!values.current) found.current = t("auth.changePassword.currentRequired");
    if (values.next.length < MIN_PASSWORD_LENGTH) {
      found.next = t("auth.changePassword.tooShort", { min: MIN_PASSWORD_LENGTH });
    } else if (values.next === values.current) {
      found.next = t("auth.changePassword.sameAsCurrent");
    }
    if (values.confirm !== values.next) found.confirm = t("auth.changePassword.mismatch");
    return found;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setInvalid(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { current_password: values.current, new_password: values.next },
      {
        onSuccess: () => {
          setValues({ current: "", next: "", confirm: "" });
          onSuccess?.();
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="change-password-title">
      <h1 className="form__title" id="change-password-title">
        {t("auth.changePassword.title")}
      </h1>
      <p className="form__intro">
        {forced
          ? t("auth.changePassword.forcedIntro")
          : t("auth.changePassword.intro", { min: MIN_PASSWORD_LENGTH })}
      </p>
      {server.summary && <Alert tone="error">{server.summary}</Alert>}
      {change.isSuccess && !forced && <Alert tone="success">{t("auth.changePassword.done")}</Alert>}
      {username && <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />}
      <TextField
        label={t("auth.changePassword.current")}
        name="current_password"
        type="password"
        autoComplete="current-password"
        required
        {...bind("current")}
      />
      <TextField
        label={t("auth.changePassword.new")}
        hint={t("auth.changePassword.newHint", { min: MIN_PASSWORD_LENGTH })}
        name="new_password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
        {...bind("next")}
      />
      <TextField
        label={t("auth.changePassword.confirm")}
        name="confirm_password"
        type="password"
        autoComplete="new-password"
        required
        {...bind("confirm")}
      />
      <Button type="submit" busy={change.isPending} className="btn--block">
        {change.isPending ? t("auth.changePassword.submitting") : t("auth.changePassword.submit")}
      </Button>
    </form>
  );
}
