import { QueryClientProvider } from "@tanstack/react-query";
import { render, renderHook, type RenderOptions } from "@testing-library/react";
import { App as AntApp, ConfigProvider } from "antd";
import viVN from "antd/locale/vi_VN";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router-dom";

import { I18nProvider } from "../lib/i18n";
import { createQueryClient } from "../lib/query-client";

interface WrapperOptions {
  /** The address the in-memory router starts at (search parameters included). */
  route?: string;
  /** A route pattern such as `/tasks/:taskId`, so the component under test can read its parameters. */
  path?: string;
}

function makeWrapper({ route = "/", path }: WrapperOptions = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nProvider lang="vi">
        <ConfigProvider locale={viVN}>
          <AntApp>
            <QueryClientProvider client={queryClient}>
              <MemoryRouter initialEntries={[route]}>
                {path ? (
                  <Routes>
                    <Route path={path} element={children} />
                    <Route path="*" element={<div data-testid="navigated-away" />} />
                  </Routes>
                ) : (
                  children
                )}
              </MemoryRouter>
            </QueryClientProvider>
          </AntApp>
        </ConfigProvider>
      </I18nProvider>
    );
  }
  return { Wrapper, queryClient };
}

/** Renders with the app's providers (Vietnamese, Ant Design's vi_VN, a fresh query cache, an in-memory router). */
export function renderWithProviders(ui: ReactNode, options?: Omit<RenderOptions, "wrapper"> & WrapperOptions) {
  const { route, path, ...rest } = options ?? {};
  const { Wrapper, queryClient } = makeWrapper({ route, path });
  return { ...render(ui, { wrapper: Wrapper, ...rest }), queryClient };
}

export function renderHookWithProviders<T>(hook: () => T, options?: WrapperOptions) {
  const { Wrapper, queryClient } = makeWrapper(options);
  return { ...renderHook(hook, { wrapper: Wrapper }), queryClient };
}
