export type { MessageKey } from "./dictionary";
export { I18nProvider, type Lang, type Translate } from "./I18nProvider";
export { useI18n, useT } from "./use-i18n";
export { defineMessages, type FeatureTranslate } from "./messages";
