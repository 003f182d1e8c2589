"""How many values each agency owes per period of each kind, kept in `obligations` so that the completeness of
a period for the province is a join of 5,000 rows rather than of every (indicator, agency) pair.

An agency owes a value for an indicator it reports a share of (or that it monitors when nobody else reports),
unless the indicator is a composite, whose parts are reported instead. `owed_pairs` says that once, for the
rebuilt table and for the filtered completeness that joins the pairs itself. The table is rebuilt whenever
the pairs change: after an import, when an indicator's periodicity or monitoring agency changes, after a merge.
`reporters_of` reads the same pairs for a few indicators, for the `indicator.duties` events."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, exists, func, insert, select, text, union_all
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from indicators.models import Indicator, Obligation, Share


def owed_pairs(*conditions: ColumnElement[bool]) -> CompoundSelect[Any]:
    """(indicator_id, agency_id, periodicity) for every value owed; `conditions` apply to the indicator."""
    part, other = aliased(Indicator), aliased(Share)
    not_composite = ~exists().where(part.parent_id == Indicator.id)
    contributors = (
        select(Share.indicator_id, Share.agency_id, Indicator.periodicity)
        .join(Indicator, Indicator.id == Share.indicator_id)
        .where(Share.role == "contributor", not_composite, *conditions)
    )
    has_contributor = exists().where(other.indicator_id == Indicator.id, other.role == "contributor")
    monitors = select(Indicator.id, Indicator.monitoring_agency_id, Indicator.periodicity).where(
        Indicator.monitoring_agency_id.is_not(None), ~has_contributor, not_composite, *conditions
    )
    return union_all(contributors, monitors)


async def reporters_of(session: AsyncSession, indicator_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The agencies that owe each of these indicators a value every period, in one query; [] for a composite."""
    if not indicator_ids:
        return {}
    owed = owed_pairs(Indicator.id.in_(indicator_ids)).subquery("owed")
    rows = await session.execute(
        select(owed.c.indicator_id, owed.c.agency_id).order_by(owed.c.indicator_id, owed.c.agency_id)
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for indicator_id, agency_id in rows.tuples():
        found[indicator_id].append(agency_id)
    return {i: found.get(i, []) for i in indicator_ids}


def _insert() -> str:
    owed = owed_pairs().subquery("owed")
    counted = select(owed.c.agency_id, owed.c.periodicity, func.count()).group_by(owed.c.agency_id, owed.c.periodicity)
    statement = insert(Obligation).from_select(["agency_id", "periodicity", "expected"], counted)
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


# Plain SQL, so that the migration that creates the table and the benchmark's loader run the same statements.
REBUILD = [
    "SELECT pg_advisory_xact_lock(hashtext('indicators.obligations'))",
    "DELETE FROM indicators.obligations",
    _insert(),
]


async def rebuild_obligations(session: AsyncSession) -> None:
    for statement in REBUILD:
        await session.execute(text(statement))
