import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { notificationKeys } from "./keys";

export type Preferences =
  paths["/api/v1/notifications/preferences"]["get"]["responses"][200]["content"]["application/json"];
export type EventChoice = Preferences["events"][number];
export type PreferencesInput =
  paths["/api/v1/notifications/preferences"]["put"]["requestBody"]["content"]["application/json"];

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: async () => unwrap(await api.GET("/api/v1/notifications/preferences")),
  });
}

/** PUT replaces the choices it names (no version check: the caller's own settings, last write wins). */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PreferencesInput) =>
      unwrap(await api.PUT("/api/v1/notifications/preferences", { body })),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences(), saved),
  });
}
