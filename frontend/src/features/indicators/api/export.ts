import { useMutation } from "@tanstack/react-query";

import { downloadFile } from "../../../lib/api";

/** The plan's Appendix I as the province files it: an XLSX the API builds. */
export function useExportPlan() {
  return useMutation({
    mutationFn: (planKey: string) =>
      downloadFile(`/api/v1/indicators/plans/${encodeURIComponent(planKey)}/export.xlsx`, {}, `${planKey}-phu-luc-I.xlsx`),
  });
}
