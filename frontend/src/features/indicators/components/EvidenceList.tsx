import { formatDate } from "../../../lib/format";
import { useMessages } from "../i18n";

type Evidence = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

/** The documents an agency cited: title, number, date, and a link when there is one. */
export function EvidenceList({ items }: { items: readonly Evidence[] }) {
  const t = useMessages();
  if (items.length === 0) return <span aria-hidden="true">—</span>;
  return (
    <ul className="indicator-evidence">
      {items.map((item, i) => {
        const title = text(item.title) ?? text(item.name) ?? `#${i + 1}`;
        const url = text(item.url);
        const number = text(item.document_number);
        const date = text(item.document_date);
        const extra = [number && t("values.documentNumber", { number }), date && t("values.documentDate", { date: formatDate(date) })]
          .filter(Boolean)
          .join(", ");
        return (
          <li key={`${title}-${i}`}>
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {title}
              </a>
            ) : (
              title
            )}
            {extra && <span className="indicator-muted"> ({extra})</span>}
          </li>
        );
      })}
    </ul>
  );
}
