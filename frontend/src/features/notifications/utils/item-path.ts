import { paths, withQuery } from "../../../config/paths";

interface Linkable {
  subject_type: string;
  subject_id: string;
  link: string | null;
}

/**
 * Where an inbox item leads in this app. The service writes app-relative links (`/tasks/<id>`,
 * `/tasks?plan_id=…`, `/indicators/<id>`, `/indicators?period=…`); they are rebuilt through `paths` so a
 * renamed route is fixed in one place; only the path is read, so no link can lead off the app.
 */
export function itemPath(item: Linkable): string {
  const url = internalUrl(item.link);
  if (url) {
    const query = Object.fromEntries(url.searchParams);
    const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const [section, id, ...more] = segments;
    if (more.length === 0) {
      if (section === "tasks") return id ? paths.task(id) : withQuery(paths.agencyTasks, query);
      if (section === "indicators") return id ? paths.indicator(id) : withQuery(paths.indicators, query);
      if (section === "plans") return id ? paths.plan(id) : withQuery(paths.plans, query);
    }
  }
  if (item.subject_type === "task") return paths.task(item.subject_id);
  if (item.subject_type === "plan") return withQuery(paths.agencyTasks, { plan_id: item.subject_id });
  return paths.notifications;
}

function internalUrl(link: string | null): URL | null {
  if (!link) return null;
  try {
    return new URL(link, globalThis.location.origin);
  } catch {
    return null;
  }
}
