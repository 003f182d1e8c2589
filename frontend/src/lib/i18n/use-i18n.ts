import { useContext } from "react";

import { I18nContext } from "./I18nProvider";

export function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}

/** The translate function alone, for components that only read text. */
export function useT() {
  return useI18n().t;
}
