"""A day's reminders, found by indexed queries over the copied deadlines and duties, never by loading them.

For each rule in force (the default, and each plan's or agency's override over its own scope) the day's firings
become arrays of (due date, occurrence, offset, level) joined to the open deadlines with `unnest`, and the
matches are written as notices in the same statement; the unique key of a notice drops any already written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from common.clock import vn_date
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.calendar.workdays import WorkCalendar
from notifications.models import ReportPlan
from notifications.rule.book import RuleBook
from notifications.rule.firing import (
    EscalationParams,
    Firing,
    Moment,
    ReminderParams,
    RuleKey,
    escalation_firings,
    reminder_firings,
)
from notifications.schedule.periods import periods_around

TASK_EVENTS = {
    RuleKey.TASK_DUE: {Moment.BEFORE: "task.due_soon", Moment.TODAY: "task.due_today", Moment.OVERDUE: "task.overdue"},
    RuleKey.TASK_REPORT: {
        Moment.BEFORE: "task.report_due",
        Moment.TODAY: "task.report_due",
        Moment.OVERDUE: "task.overdue",
    },
}
INDICATOR_EVENTS = {
    Moment.OPEN: "indicator.period_open",
    Moment.BEFORE: "indicator.report_due",
    Moment.TODAY: "indicator.report_due",
    Moment.OVERDUE: "indicator.report_late",
}
LEVEL_LABELS = {"managers": "lãnh đạo đơn vị", "reviewers": "cơ quan thường trực", "leaders": "lãnh đạo tỉnh"}

_TASK_NOTICES = """
INSERT INTO notifications.notices
    (subject_type, subject_id, event_type, occurrence, audience, agency_id, context, link, reminder, urgent,
     task_id, holder_agency_id, due_on, created_at)
SELECT 'task', d.task_id::text, f.event, d.agency_id::text || ':' || f.occurrence,
       CASE WHEN f.level = '' THEN 'officers' ELSE f.level END,
       CASE f.level WHEN 'reviewers' THEN d.reviewer_agency_id WHEN 'leaders' THEN NULL ELSE d.agency_id END,
       jsonb_build_object(
           'agency_name', coalesce(a.name, ''), 'task_number', d.number, 'task_title', d.title,
           'plan_symbol', d.plan_symbol, 'deadline_text', d.deadline_text,
           'due_date', to_char(d.due_on, 'DD/MM/YYYY'), 'days', greatest(f.offset_days, 0),
           'days_overdue', greatest(-f.offset_days, 0), 'level_label', f.level_label),
       '/tasks/' || d.task_id, true, false, d.task_id, d.agency_id, d.due_on, :now
FROM unnest(CAST(:days AS date[]), CAST(:occurrences AS text[]), CAST(:offsets AS int[]), CAST(:levels AS text[]),
            CAST(:level_labels AS text[]), CAST(:events AS text[]))
     AS f(day, occurrence, offset_days, level, level_label, event)
JOIN notifications.deadlines d ON d.due_on = f.day AND d.open
LEFT JOIN notifications.agencies a ON a.id = d.agency_id
WHERE d.periodic = :periodic {scope}
  AND (f.level <> 'reviewers' OR d.reviewer_agency_id IS NOT NULL)
ON CONFLICT DO NOTHING
"""

_REPORT_NOTICES = """
INSERT INTO notifications.notices
    (subject_type, subject_id, event_type, occurrence, audience, agency_id, context, link, reminder, urgent,
     due_on, created_at)
SELECT 'report', CAST(:plan_key AS text) || '/' || CAST(:period AS text) || '/' || d.agency_id::text,
       :event, :occurrence, 'officers', d.agency_id,
       jsonb_build_object(
           'agency_name', coalesce(min(a.name), ''), 'plan_symbol', CAST(:plan_symbol AS text),
           'period_label', CAST(:period_label AS text), 'due_date', CAST(:due_date AS text),
           'days', CAST(:days AS int), 'missing_count', count(*)),
       '/indicators?period=' || CAST(:period AS text), true, false, CAST(:due_on AS date), :now
FROM notifications.report_duties d
LEFT JOIN notifications.agencies a ON a.id = d.agency_id
WHERE d.plan_id = CAST(:plan_id AS uuid) AND d.periodicity = :kind {scope}
  AND NOT EXISTS (
      SELECT 1 FROM notifications.report_submissions s
      WHERE s.indicator_id = d.indicator_id AND s.agency_id = d.agency_id AND s.period = :period)
GROUP BY d.agency_id
ON CONFLICT DO NOTHING
"""


@dataclass(frozen=True)
class Scope:
    """Where one rule applies: its own plan or agency, or everywhere no override applies (the default)."""

    sql: str
    params: dict[str, Any]


def scopes(book: RuleBook, key: RuleKey, plan_column: str, agency_column: str) -> list[tuple[Scope, Any]]:
    """(scope, params) for each rule of the key that is enabled; agency overrides win over plan overrides."""
    found: list[tuple[Scope, Any]] = []
    overrides = book.overrides(key)
    agencies = [r.agency_id for r in overrides if r.agency_id]
    plans = [r.plan_id for r in overrides if r.plan_id]
    for rule in overrides:
        if not rule.enabled:
            continue
        params = book.resolve(key, plan_id=rule.plan_id, agency_id=rule.agency_id).params
        if rule.agency_id:
            found.append((Scope(f"AND {agency_column} = :scope_agency", {"scope_agency": rule.agency_id}), params))
        else:
            found.append(
                (
                    Scope(
                        f"AND {plan_column} = :scope_plan AND NOT ({agency_column} = ANY(:except_agencies))",
                        {"scope_plan": rule.plan_id, "except_agencies": agencies},
                    ),
                    params,
                )
            )
    default = book.default(key)
    if default.enabled:
        found.append(
            (
                Scope(
                    f"AND NOT ({plan_column} = ANY(:except_plans)) AND NOT ({agency_column} = ANY(:except_agencies))",
                    {"except_plans": plans, "except_agencies": agencies},
                ),
                default.params,
            )
        )
    return found


def _arrays(firings: list[Firing], events: dict[Moment, str]) -> dict[str, list[Any]]:
    return {
        "days": [f.due for f in firings],
        "occurrences": [f.occurrence for f in firings],
        "offsets": [f.offset for f in firings],
        "levels": [f.level or "" for f in firings],
        "level_labels": [LEVEL_LABELS.get(f.level or "", "") for f in firings],
        "events": [events[f.moment] for f in firings],
    }


async def schedule_tasks(
    session: AsyncSession, on: date, cal: WorkCalendar, book: RuleBook, now: datetime, since: datetime | None = None
) -> int:
    """Write the day's task reminders and escalations; `since` limits a later round to deadlines changed since."""
    written = 0
    changed = " AND d.updated_at >= :since" if since else ""
    plan = [
        (RuleKey.TASK_DUE, False),
        (RuleKey.TASK_REPORT, True),
        (RuleKey.TASK_ESCALATION, False),
        (RuleKey.TASK_ESCALATION, True),
    ]
    for key, periodic in plan:
        for scope, params in scopes(book, key, "d.plan_id", "d.agency_id"):
            if key is RuleKey.TASK_ESCALATION:
                assert isinstance(params, EscalationParams)
                firings = escalation_firings(params, on, cal)
                events = dict.fromkeys(Moment, "task.escalated")
            else:
                assert isinstance(params, ReminderParams)
                firings = reminder_firings(params, on, cal)
                events = TASK_EVENTS[key]
            if not firings:
                continue
            result = await session.execute(
                text(_TASK_NOTICES.format(scope=scope.sql + changed)),
                _arrays(firings, events)
                | scope.params
                | {"periodic": periodic, "now": now}
                | ({"since": since} if since else {}),
            )
            written += result.rowcount  # type: ignore[attr-defined]
    return written


async def schedule_reports(session: AsyncSession, on: date, cal: WorkCalendar, book: RuleBook, now: datetime) -> int:
    """Write the day's indicator report reminders: one per agency, plan and period with values still missing."""
    written = 0
    plans = (await session.scalars(select(ReportPlan))).all()
    for scope, params in scopes(book, RuleKey.INDICATOR_REPORT, "CAST(:plan_id AS uuid)", "d.agency_id"):
        assert isinstance(params, ReminderParams)
        by_due = {f.due: f for f in reminder_firings(params, on, cal)}
        for plan in plans:
            if "scope_plan" in scope.params and scope.params["scope_plan"] != plan.plan_id:
                continue
            if plan.plan_id in scope.params.get("except_plans", []):
                continue
            for kind in ("quarter", "half_year", "year"):
                for period in periods_around(kind, on):
                    due = period.due_on(plan.schedule)
                    firing = by_due.get(due)
                    if firing is None:
                        continue
                    result = await session.execute(
                        text(_REPORT_NOTICES.format(scope=scope.sql)),
                        scope.params
                        | {
                            "plan_id": plan.plan_id,
                            "plan_key": plan.plan_key or str(plan.plan_id),
                            "plan_symbol": plan.plan_symbol,
                            "kind": kind,
                            "period": period.code,
                            "period_label": period.label,
                            "event": INDICATOR_EVENTS[firing.moment],
                            "occurrence": firing.occurrence,
                            "due_on": due,
                            "due_date": vn_date(due),
                            "days": max(firing.offset, 0),
                            "now": now,
                        },
                    )
                    written += result.rowcount  # type: ignore[attr-defined]
    return written
