import { Progress, Select, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";

import { QueryState } from "../../../components/QueryState";
import { todayInProvince } from "../../../lib/format";
import { useI18n } from "../../../lib/i18n";
import { useCompleteness, type Completeness } from "../api/indicators";
import { useMessages } from "../i18n";
import { indicatorsLink } from "../utils/links";
import { periodChoices, periodLabel, periodOf, type PeriodKind } from "../utils/periods";
import { Block } from "./Block";

const SHOWN = 8;
const KINDS: readonly PeriodKind[] = ["quarter", "half", "year"];

export function CompletenessBlock() {
  const m = useMessages();
  const { lang } = useI18n();
  const today = todayInProvince();
  const [period, setPeriod] = useState(() => periodOf("quarter", today).code);
  const choices = useMemo(() => periodChoices(today), [today]);
  const options = KINDS.map((kind) => ({
    label: m(`completeness.group.${kind}`),
    title: m(`completeness.group.${kind}`),
    options: choices[kind].map((p) => ({ value: p.code, label: periodLabel(p, lang) })),
  }));
  const completeness = useCompleteness({ period, limit: SHOWN });
  return (
    <Block
      id="completeness"
      title={m("completeness.title")}
      minHeight={260}
      loading={completeness.isPending}
      extra={
        <Select
          aria-label={m("completeness.period")}
          className="dash-period-select"
          value={period}
          onChange={setPeriod}
          options={options}
        />
      }
    >
      <QueryState
        query={completeness}
        isEmpty={(data) => data.expected === 0}
        empty={m("completeness.empty", { period: completeness.data?.period_label ?? period })}
        skeletonRows={9}
      >
        {(data) => <CompletenessSummary data={data} />}
      </QueryState>
    </Block>
  );
}

function CompletenessSummary({ data }: { data: Completeness }) {
  const m = useMessages();
  const percent = data.expected ? Math.round((data.reported / data.expected) * 100) : 0;
  const missing = data.agencies.filter((agency) => agency.missing > 0);
  return (
    <>
      <div className="dash-completeness">
        <Progress
          type="circle"
          percent={percent}
          size={96}
          aria-label={m("completeness.percentLabel", { period: data.period_label })}
        />
        <div className="dash-completeness__facts">
          <Typography.Text strong>{data.period_label}</Typography.Text>
          <span>{m("completeness.sent", { reported: data.reported, expected: data.expected })}</span>
          <span>{m("completeness.agencies", { missing: data.missing_agencies, total: data.agency_count })}</span>
        </div>
      </div>
      {missing.length === 0 ? (
        <Typography.Paragraph className="dash-footer">{m("completeness.allDone")}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Title level={3} className="dash-subtitle">
            {m("completeness.missingTitle")}
          </Typography.Title>
          <ul className="dash-missing" data-testid="completeness-missing">
            {missing.map((agency) => (
              <li key={agency.agency_id}>
                <Link to={indicatorsLink({ contributing_agency_id: agency.agency_id })}>{agency.agency_name}</Link>
                <span>{m("completeness.missingRow", { missing: agency.missing, expected: agency.expected })}</span>
              </li>
            ))}
          </ul>
          {data.missing_agencies > missing.length && (
            <Typography.Paragraph type="secondary" className="dash-footer">
              {m("completeness.more", { count: data.missing_agencies - missing.length })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </>
  );
}
