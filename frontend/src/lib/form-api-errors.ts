import type { FormInstance } from "antd";

import { ApiError } from "./api";

type FieldPath = (string | number)[];

function toPath(field: string): FieldPath {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts a failed submission's reasons beside the fields they name (problem+json `errors`), and returns
 * what has no field on screen for the form's summary. `fieldMap` renames API fields to form fields.
 */
export function applyApiErrors(
  form: FormInstance,
  error: unknown,
  fieldMap: Record<string, string | FieldPath> = {},
): string[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const { field, message } of error.problem?.errors ?? []) {
    const mapped = fieldMap[field];
    const name = mapped === undefined ? toPath(field) : Array.isArray(mapped) ? mapped : toPath(mapped);
    if (!known.has(String(name[0]))) {
      unplaced.push(message);
      continue;
    }
    const key = name.join(".");
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}
