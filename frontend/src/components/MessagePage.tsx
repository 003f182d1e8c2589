import type { ReactNode } from "react";

import { usePageTitle } from "../lib/use-page-title";

interface MessagePageProps {
  title: string;
  children: ReactNode;
}

/** A page that only explains something: not found, no permission. */
export function MessagePage({ title, children }: MessagePageProps) {
  usePageTitle(title);
  return (
    <div className="page">
      <h1 className="page__title">{title}</h1>
      <div className="page__message">{children}</div>
    </div>
  );
}
