import { useEffect } from "react";

/** Sets the browser tab title so screen-reader users and tab lists can tell pages apart. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tiến Độ`;
  }, [title]);
}
