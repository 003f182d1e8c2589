import type { Agency } from "../../../lib/directory";
import type { Me } from "../../../lib/me";
import type { Client, ClientWithSecret, User } from "../api/types";

export function agency(partial: Partial<Agency> & Pick<Agency, "id" | "name">): Agency {
  return {
    code: partial.id.toUpperCase(),
    short_name: partial.name,
    kind: "department",
    parent_id: "root",
    active: true,
    merged_into_id: null,
    merged_at: null,
    aliases: [],
    version: 1,
    ...partial,
  };
}

export const AGENCIES: Agency[] = [
  agency({ id: "root", name: "Ủy ban nhân dân tỉnh Phú Thọ", short_name: "UBND tỉnh", code: "UBND_TINH", kind: "province", parent_id: null }),
  agency({ id: "stc", name: "Sở Tài chính", short_name: "Sở TC", code: "STC" }),
  agency({ id: "syt", name: "Sở Y tế", short_name: "Sở YT", code: "SYT" }),
  agency({ id: "skhcn", name: "Sở Khoa học và Công nghệ", short_name: "Sở KH&CN", code: "SKHCN", aliases: ["Sở KHCN"] }),
  agency({ id: "cds", name: "Phòng Chuyển đổi số", short_name: "Phòng CĐS", code: "SKHCN_CDS", kind: "division", parent_id: "skhcn" }),
];

export const agencyPage = () => ({ items: AGENCIES, next_cursor: null });

export function user(partial: Partial<User> = {}): User {
  return {
    id: "u1",
    username: "syt.canbo",
    full_name: "Lê Văn Bình",
    email: "binh@syt.vn",
    agency_id: "syt",
    roles: ["agency_officer"],
    active: true,
    must_change_password: false,
    last_login_at: null,
    locked_until: null,
    version: 3,
    ...partial,
  };
}

export function client(partial: Partial<Client> = {}): Client {
  return {
    id: "c1",
    client_id: "ioc-tinh",
    name: "IOC tỉnh",
    scopes: ["tasks.read"],
    agency_id: "root",
    active: true,
    last_used_at: null,
    created_at: "2026-11-20T01:00:00Z",
    version: 1,
    ...partial,
  };
}

export function clientWithSecret(partial: Partial<ClientWithSecret> = {}): ClientWithSecret {
  return { ...client(partial), client_secret: "s3cr3t-value-only-once", ...partial };
}

export const ADMIN: Me = {
  id: "a",
  username: "admin",
  full_name: "Quản trị",
  email: "admin@x.vn",
  roles: ["admin"],
  role_labels: ["Quản trị hệ thống"],
  must_change_password: false,
  agency: { id: "root", code: "UBND_TINH", name: "Ủy ban nhân dân tỉnh Phú Thọ", short_name: "UBND tỉnh", kind: "province" },
};
