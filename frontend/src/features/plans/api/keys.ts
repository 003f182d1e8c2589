export const planKeys = {
  all: ["plans"] as const,
  graph: () => [...planKeys.all, "graph"] as const,
  detail: (planId: string) => [...planKeys.all, "detail", planId] as const,
  sections: (planId: string) => [...planKeys.all, "sections", planId] as const,
  tasks: (planId: string, sectionId: string | null) => [...planKeys.all, "tasks", planId, sectionId] as const,
  indicatorPlans: () => [...planKeys.all, "indicator-plans"] as const,
};
