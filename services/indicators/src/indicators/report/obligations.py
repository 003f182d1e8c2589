"""How many values each agency owes per period of each kind, kept in `obligations` so that the completeness of
a period for the province is a join of 5,000 rows rather than of every (indicator, agency) pair.

An agency owes a value for an indicator it reports a share of (or that it monitors when nobody else reports),
unless the indicator is a composite, whose parts are reported instead. The table is rebuilt whenever that
changes: after an import, when an indicator's periodicity or monitoring agency changes, after a merge."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

OWED_PAIRS = """
    SELECT s.indicator_id, s.agency_id, i.periodicity
    FROM indicators.shares s JOIN indicators.indicators i ON i.id = s.indicator_id
    WHERE s.role = 'contributor'
      AND NOT EXISTS (SELECT 1 FROM indicators.indicators p WHERE p.parent_id = i.id)
    UNION ALL
    SELECT i.id, i.monitoring_agency_id, i.periodicity
    FROM indicators.indicators i
    WHERE i.monitoring_agency_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM indicators.shares s WHERE s.indicator_id = i.id AND s.role = 'contributor')
      AND NOT EXISTS (SELECT 1 FROM indicators.indicators p WHERE p.parent_id = i.id)
"""
REBUILD = [
    "SELECT pg_advisory_xact_lock(hashtext('indicators.obligations'))",
    "DELETE FROM indicators.obligations",
    "INSERT INTO indicators.obligations (agency_id, periodicity, expected) "  # noqa: S608 - constant text only
    "SELECT agency_id, periodicity, count(*) FROM (" + OWED_PAIRS + ") owed GROUP BY agency_id, periodicity",
]


async def rebuild_obligations(session: AsyncSession) -> None:
    for statement in REBUILD:
        await session.execute(text(statement))
