export { AppLayout } from "./components/AppLayout";
export type { Account } from "./components/Header";
export type { NavItem } from "./components/MainNav";
