import { Card, Typography } from "antd";
import { useMemo, type ReactNode } from "react";

import { useMessages } from "../i18n";
import { SHARE_COLORS } from "../utils/colors";
import type { ShareKey, ShareSeriesNames } from "../utils/share-bars";

interface BlockProps {
  id: string;
  title: string;
  /** Pickers or a "see all" link beside the heading; they wrap under it on a phone. */
  extra?: ReactNode;
  /** The body's height while loading, about that of the content, so the page barely moves when data arrives. */
  minHeight?: number;
  loading?: boolean;
  children: ReactNode;
}

/** One dashboard block: a card with its h2, found by screen readers and tests as a named region. */
export function Block({ id, title, extra, minHeight, loading = false, children }: BlockProps) {
  const headingId = `dashboard-${id}-title`;
  return (
    <section aria-labelledby={headingId} className="dash-block" data-testid={`dashboard-${id}`}>
      <Card className="dash-card">
        <div className="dash-card__head">
          <Typography.Title level={2} id={headingId} className="dash-card__title">
            {title}
          </Typography.Title>
          {extra && <div className="dash-card__extra">{extra}</div>}
        </div>
        <div className="dash-card__body" style={loading && minHeight ? { minHeight } : undefined}>
          {children}
        </div>
      </Card>
    </section>
  );
}

/** A collapsed table of the chart's numbers: the chart's text alternative, reachable by keyboard. */
export function FiguresDetails({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="dash-figures">
      <summary>{summary}</summary>
      <div className="dash-figures__scroll">{children}</div>
    </details>
  );
}

/** The chart's colour key as text: wraps on a phone instead of running into the bars. */
export function ColorKey({ items }: { items: readonly { name: string; color: string }[] }) {
  return (
    <ul className="dash-key">
      {items.map((item) => (
        <li key={item.name}>
          <span className="dash-legend__swatch" style={{ background: item.color }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/** The done / overdue / open names of the agency and section bars, for their series and their key. */
export function useShareSeriesNames(): ShareSeriesNames {
  const m = useMessages();
  return useMemo(
    () => ({ completed: m("series.completed"), overdue: m("series.overdue"), open: m("series.open") }),
    [m],
  );
}

export function ShareColorKey({ names }: { names: ShareSeriesNames }) {
  return (
    <ColorKey
      items={(Object.keys(SHARE_COLORS) as ShareKey[]).map((key) => ({ name: names[key], color: SHARE_COLORS[key] }))}
    />
  );
}
