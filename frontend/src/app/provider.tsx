import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { useEffect, useState, type ReactNode } from "react";

import { tokenStore } from "../lib/api";
import { I18nProvider, useI18n } from "../lib/i18n";
import { createQueryClient } from "../lib/query-client";
import { theme } from "./theme";

/** Ant Design and dayjs follow the app's language: Vietnamese month names, buttons and empty texts. */
function LocalizedDesign({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === "en" ? "en" : "vi");
  }, [lang]);
  return (
    <ConfigProvider locale={lang === "en" ? enUS : viVN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // when a session ends by itself (refresh refused), drop everything that user could read
  useEffect(
    () =>
      tokenStore.subscribe(() => {
        if (!tokenStore.hasSession()) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <I18nProvider>
      <LocalizedDesign>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalizedDesign>
    </I18nProvider>
  );
}
