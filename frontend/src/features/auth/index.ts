export { useChangePassword } from "./api/change-password";
export { useLogin, type TokenPair } from "./api/login";
export { useLogout } from "./api/logout";
export { useMe, type Me } from "../../lib/me";
export { ChangePasswordForm, MIN_PASSWORD_LENGTH } from "./components/ChangePasswordForm";
export { LoginForm } from "./components/LoginForm";
export { MyAccountCard } from "./components/MyAccountCard";
export { RoleBadges, useRoleLabel } from "./components/RoleBadges";
export { useAuth, type Auth, type AuthState } from "./hooks/use-auth";
