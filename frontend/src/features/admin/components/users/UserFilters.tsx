import { Input, Select } from "antd";
import { useId } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import type { Agency } from "../../../../lib/directory";
import type { UserFilters as Filters } from "../../api/keys";
import { ROLES } from "../../api/types";
import { useMessages } from "../../i18n";
import { useRoleLabel } from "../labels";

interface UserFiltersProps {
  value: Filters;
  onChange: (next: Filters) => void;
  /** Agencies the caller may filter by (all when absent). */
  only?: (agency: Agency) => boolean;
}

/** Search, agency and role: kept in the address under the API's own names, so a filtered list can be linked. */
export function UserFilters({ value, onChange, only }: UserFiltersProps) {
  const m = useMessages();
  const roleLabel = useRoleLabel();
  const ids = { q: useId(), agency: useId(), role: useId() };
  return (
    <div className="admin-filters" role="search">
      <div>
        <label htmlFor={ids.q}>{m("user.search")}</label>
        <Input.Search
          id={ids.q}
          key={value.q ?? ""}
          defaultValue={value.q}
          allowClear
          placeholder={m("user.searchPlaceholder")}
          enterButton={m("search")}
          onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        />
      </div>
      <div>
        <label htmlFor={ids.agency}>{m("user.agency")}</label>
        <AgencySelect
          id={ids.agency}
          value={value.agency_id}
          onChange={(agency_id) => onChange({ ...value, agency_id })}
          placeholder={m("user.allAgencies")}
          only={only}
        />
      </div>
      <div>
        <label htmlFor={ids.role}>{m("user.roles")}</label>
        <Select
          id={ids.role}
          allowClear
          style={{ width: "100%" }}
          value={value.role}
          placeholder={m("user.allRoles")}
          onChange={(role?: string) => onChange({ ...value, role })}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        />
      </div>
    </div>
  );
}
