import { useCallback } from "react";

import { formatMessage } from "./format";
import { useI18n } from "./use-i18n";

export type FeatureTranslate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * A feature's own dictionary: Vietnamese is the source, English must name every key (the type checker
 * enforces it). Returns the hook the feature's components call, so dictionaries never collide.
 */
export function defineMessages<const V extends Record<string, string>>(vi: V, en: Record<keyof V, string>) {
  type Key = keyof V & string;
  return function useMessages(): FeatureTranslate<Key> {
    const { lang } = useI18n();
    return useCallback<FeatureTranslate<Key>>(
      (key, params) => formatMessage((lang === "en" ? en[key] : vi[key]) ?? vi[key] ?? key, params),
      [lang],
    );
  };
}
