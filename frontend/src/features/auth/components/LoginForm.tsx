import { useState, type FormEvent } from "react";

import { Alert } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/TextField";
import { formErrors } from "../../../lib/form-errors";
import { useT } from "../../../lib/i18n";
import { useLogin, type TokenPair } from "../api/login";

type Field = "username" | "password";
const API_FIELDS: Record<string, Field> = { username: "username", password: "password" };

interface LoginFormProps {
  onSuccess?: (pair: TokenPair) => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const t = useT();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});

  const server = formErrors(login.error, API_FIELDS, t);
  const fieldError = (field: Field) => missing[field] ?? server.fields[field];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const required: Partial<Record<Field, string>> = {};
    if (!username.trim()) required.username = t("auth.login.usernameRequired");
    if (!password) required.password = t("auth.login.passwordRequired");
    setMissing(required);
    if (Object.keys(required).length > 0) return;
    login.mutate({ username: username.trim(), password }, { onSuccess });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="login-title">
      <h1 className="form__title" id="login-title">
        {t("auth.login.title")}
      </h1>
      <p className="form__intro">{t("auth.login.intro")}</p>
      {server.summary && <Alert tone="error">{server.summary}</Alert>}
      <TextField
        label={t("auth.login.username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={fieldError("username")}
      />
      <TextField
        label={t("auth.login.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError("password")}
      />
      <Button type="submit" busy={login.isPending} className="btn--block">
        {login.isPending ? t("auth.login.submitting") : t("auth.login.submit")}
      </Button>
    </form>
  );
}
