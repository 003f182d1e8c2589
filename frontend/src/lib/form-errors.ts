import { ApiError } from "./api";
import type { Translate } from "./i18n";

export interface FormErrors<F extends string> {
  /** One sentence for the top of the form, or null when there is nothing to say. */
  summary: string | null;
  fields: Partial<Record<F, string>>;
}

/**
 * Splits a failed submission into a form-level message and messages for the fields on screen.
 * `fieldMap` maps the API's field names to the form's own; errors on other fields stay in the summary.
 */
export function formErrors<F extends string>(
  error: unknown,
  fieldMap: Record<string, F>,
  t: Translate,
): FormErrors<F> {
  if (!error) return { summary: null, fields: {} };
  if (!(error instanceof ApiError)) {
    return { summary: error instanceof TypeError ? t("error.network") : t("error.unexpected"), fields: {} };
  }
  const fields: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.problem?.errors ?? []) {
    const target = fieldMap[field];
    if (target) fields[target] ??= message;
    else unplaced.push(message);
  }
  const problem = error.problem;
  // When every message sits beside its field, the title says enough; the detail would repeat them.
  const allPlaced = Object.keys(fields).length > 0 && unplaced.length === 0;
  const summary = !problem
    ? t("error.unexpected")
    : allPlaced
      ? problem.title
      : (problem.detail ?? problem.title);
  return { summary, fields };
}
