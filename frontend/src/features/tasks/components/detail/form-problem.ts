import type { FormInstance } from "antd";

import { ApiError } from "../../../../lib/api";
import { applyApiErrors } from "../../../../lib/form-api-errors";

type FieldMap = Parameters<typeof applyApiErrors>[2];

/**
 * Puts the API's reasons beside the form's fields and says whether the form still needs a summary alert
 * (a reason with no field on screen, or a refusal without field reasons: 403, 409…).
 */
export function placeErrors(form: FormInstance, error: unknown, fieldMap?: FieldMap): boolean {
  const unplaced = applyApiErrors(form, error, fieldMap);
  const fieldReasons = error instanceof ApiError ? (error.problem?.errors?.length ?? 0) : 0;
  return unplaced.length > 0 || fieldReasons === 0;
}
