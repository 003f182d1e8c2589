import { QueryClientProvider } from "@tanstack/react-query";
import { render, renderHook, type RenderOptions } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router-dom";

import { I18nProvider } from "../lib/i18n";
import { createQueryClient } from "../lib/query-client";

function makeWrapper() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nProvider lang="vi">
        <QueryClientProvider client={queryClient}>
          <MemoryRouter>{children}</MemoryRouter>
        </QueryClientProvider>
      </I18nProvider>
    );
  }
  return { Wrapper, queryClient };
}

/** Renders with the app's providers (Vietnamese, a fresh query cache, an in-memory router). */
export function renderWithProviders(ui: ReactNode, options?: Omit<RenderOptions, "wrapper">) {
  const { Wrapper, queryClient } = makeWrapper();
  return { ...render(ui, { wrapper: Wrapper, ...options }), queryClient };
}

export function renderHookWithProviders<T>(hook: () => T) {
  const { Wrapper, queryClient } = makeWrapper();
  return { ...renderHook(hook, { wrapper: Wrapper }), queryClient };
}
