import { Alert, Grid, Table, Typography, type TableColumnsType } from "antd";
import type { ReactNode } from "react";

import { useI18n } from "../../../../lib/i18n";
import { formatNumber } from "../../../../lib/format";
import { useMessages } from "../../i18n";

export interface RowIssue {
  row: number;
  field: string;
  message: string;
  value?: string | null;
  suggestion?: string | null;
}

export interface Stat {
  label: string;
  value: number;
}

/** The numbers of a dry run or an import, as a definition list (read as text by screen readers). */
export function ImportStats({ stats }: { stats: readonly Stat[] }) {
  const { lang } = useI18n();
  return (
    <dl className="import-stats">
      {stats.map((stat) => (
        <div key={stat.label}>
          <dt>{stat.label}</dt>
          <dd>{formatNumber(stat.value, lang)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Row-by-row problems in the file: row number as in the spreadsheet, the column, the reason in Vietnamese. */
export function ImportErrors({ errors }: { errors: readonly RowIssue[] }) {
  const m = useMessages();
  const screens = Grid.useBreakpoint();
  if (errors.length === 0) return null;
  const title = (
    <Typography.Title level={3} style={{ fontSize: "1rem" }}>
      {m("import.errorsTitle", { count: errors.length })}
    </Typography.Title>
  );
  if (!screens.md) {
    return (
      <section>
        {title}
        <ul className="admin-cards" data-testid="import-errors">
          {errors.map((issue, index) => (
            <li key={`${issue.row}-${issue.field}-${index}`} className="admin-card">
              <span className="admin-card__title">
                {m("import.rowField", { row: issue.row, field: issue.field })}
              </span>
              <span>{issue.message}</span>
              {issue.value && <span className="admin-card__meta">{m("import.value")}: {issue.value}</span>}
              {issue.suggestion && <span className="admin-card__meta">{m("import.suggestion")}: {issue.suggestion}</span>}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const columns: TableColumnsType<RowIssue & { key: number }> = [
    { key: "row", title: m("import.row"), dataIndex: "row", width: 80 },
    { key: "field", title: m("import.field"), dataIndex: "field" },
    { key: "message", title: m("import.message"), dataIndex: "message" },
    { key: "value", title: m("import.value"), dataIndex: "value" },
    { key: "suggestion", title: m("import.suggestion"), dataIndex: "suggestion" },
  ];
  return (
    <section>
      {title}
      <Table
        data-testid="import-errors"
        size="small"
        columns={columns}
        dataSource={errors.map((issue, index) => ({ ...issue, key: index }))}
        pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: true }}
      />
    </section>
  );
}

export interface Note {
  key: string;
  title: string;
  items: { key: string; text: ReactNode }[];
}

/** Things that are not errors but that a person should look at (names kept as printed, deadlines to set). */
export function ImportNotes({ notes }: { notes: readonly Note[] }) {
  return (
    <>
      {notes
        .filter((note) => note.items.length > 0)
        .map((note) => (
          <Alert
            key={note.key}
            type="info"
            showIcon
            title={note.title}
            description={
              <ul className="problem-reasons">
                {note.items.map((item) => (
                  <li key={item.key}>{item.text}</li>
                ))}
              </ul>
            }
          />
        ))}
    </>
  );
}
