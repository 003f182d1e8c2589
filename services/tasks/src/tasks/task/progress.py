"""An agency's work on its share: progress reports with evidence, completion and review (thẩm định),
extension requests and their decision, comments and directives."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from common.auth import Principal
from common.errors import Conflict, Forbidden, InvalidInput
from common.roles import Role
from sqlalchemy import func, select

from tasks.deadline import next_occurrence, parse_deadline
from tasks.models import Assignment, Comment, Evidence, ExtensionRequest, ProgressUpdate, Task
from tasks.task.auth import can_assign
from tasks.task.rules import COMPLETED, REPORTABLE, Status, completion_status, today
from tasks.task.service import PERIODIC_KINDS, TaskService

WRITERS = (Role.ADMIN, Role.COORDINATOR, Role.AGENCY_MANAGER, Role.AGENCY_OFFICER)
COMMENTERS = (*WRITERS, Role.LEADER)
BODY_IN_EVENT = 300  # enough for a notice; the whole text is one GET away
RETURNABLE = {Status.SUBMITTED.value, Status.IN_PROGRESS.value}


class ProgressService(TaskService):
    actor: Principal

    # ---- whose share, who reviews

    async def share_for(self, task: Task, agency_id: uuid.UUID | None) -> Assignment:
        """The caller's own share, or the one named when the caller acts for a sub-agency or on its behalf."""
        shares = await self.shares(task)
        principal = self.actor
        if agency_id is not None:
            share = next((s for s in shares if s.agency_id == agency_id), None)
            if share is None:
                raise InvalidInput.on("agency_id", "Đơn vị này không được giao nhiệm vụ này.")
            if not principal.can_see_agency(agency_id) or (
                principal.has_role(Role.LEADER, Role.VIEWER) and not principal.has_role(Role.ADMIN, Role.COORDINATOR)
            ):
                raise Forbidden("Bạn chỉ báo cáo cho phần việc của đơn vị mình.")
            return share
        own = [s for s in shares if s.agency_id == principal.agency_id] or [
            s for s in shares if s.agency_id in principal.agency_subtree
        ]
        if len(own) == 1:
            return own[0]
        if not own:
            raise Forbidden("Đơn vị của bạn không được giao nhiệm vụ này.")
        raise InvalidInput.on("agency_id", "Nhiều đơn vị của bạn cùng được giao nhiệm vụ này; hãy chọn đơn vị.")

    def require_writer(self) -> None:
        if not self.actor.has_role(*WRITERS):
            raise Forbidden("Vai trò của bạn chỉ được xem, không được báo cáo.")

    async def open_share(self, task: Task, agency_id: uuid.UUID | None, *, cancelled: str, closed: str) -> Assignment:
        """The caller's share, still open to their work: a writer's role, the task not cancelled, the share not
        yet submitted or accepted. `cancelled` and `closed` say what cannot be done in each case."""
        self.require_writer()
        share = await self.share_for(task, agency_id)
        if task.status == Status.CANCELLED.value:
            raise Conflict(cancelled)
        if Status(share.status) not in REPORTABLE:
            raise Conflict(closed)
        return share

    # ---- reports

    async def report(
        self,
        task: Task,
        *,
        agency_id: uuid.UUID | None,
        percent: int,
        narrative: str,
        submit: bool,
        evidence: list[dict[str, Any]],
        evidence_ids: list[uuid.UUID],
    ) -> ProgressUpdate:
        share = await self.open_share(
            task,
            agency_id,
            cancelled="Nhiệm vụ đã bị hủy; không báo cáo tiến độ được nữa.",
            closed="Phần việc này đã báo cáo hoàn thành hoặc đã được nghiệm thu; chờ thẩm định hoặc trả lại.",
        )
        if submit and share.role != "lead":
            raise InvalidInput.on("submit", "Chỉ cơ quan chủ trì báo cáo hoàn thành; cơ quan phối hợp báo cáo tiến độ.")
        if submit and percent != 100:
            raise InvalidInput.on("percent", "Báo cáo hoàn thành phải là 100%.")
        if not submit and percent == 100 and share.role == "lead" and task.deadline_kind not in PERIODIC_KINDS:
            raise InvalidInput.on("submit", "Đạt 100% thì hãy gửi báo cáo hoàn thành (submit=true) kèm minh chứng.")
        update = ProgressUpdate(
            id=uuid.uuid4(),
            task_id=task.id,
            assignment_id=share.id,
            agency_id=share.agency_id,
            author=self.actor.username,
            percent=percent,
            narrative=narrative,
            submitted=submit,
            period_end=share.due_on if task.deadline_kind in PERIODIC_KINDS else None,
        )
        self.session.add(update)
        await self.session.flush()
        for item in evidence:
            self.session.add(
                Evidence(
                    task_id=task.id, update_id=update.id, agency_id=share.agency_id, author=self.actor.username, **item
                )
            )
        if evidence_ids:
            await self._attach(task, share, update, evidence_ids)
        await self.session.flush()
        if submit and not await self._has_evidence(task, share):
            raise InvalidInput.on(
                "evidence", "Báo cáo hoàn thành cần minh chứng: số và ngày văn bản, đường dẫn, hoặc tệp đính kèm."
            )
        before = (share.status, share.percent)
        share.percent = percent
        share.last_update_at = datetime.now(UTC)
        if submit:
            share.status, share.submitted_on = Status.SUBMITTED.value, today()
        else:
            share.status = Status.IN_PROGRESS.value
        self._advance_period(task, share)
        shares = await self.refresh(task)
        await self.record(
            task,
            "progress.submit" if submit else "progress.report",
            {
                "agency_id": [None, str(share.agency_id)],
                "status": [before[0], share.status],
                "percent": [before[1], percent],
            },
        )
        await self.event(
            task,
            "task.submitted" if submit else "task.progress",
            shares=shares,
            agency_id=str(share.agency_id),
            share_status=share.status,
        )
        return update

    def _advance_period(self, task: Task, share: Assignment) -> None:
        """A recurring or ongoing share reported for the current period is next due at the end of the next one."""
        if task.deadline_kind not in PERIODIC_KINDS or share.due_on is None:
            return
        parsed = parse_deadline(task.deadline_text)
        day = today()
        if share.due_on < day or next_occurrence(parsed, day.fromordinal(day.toordinal() - 1)) == share.due_on:
            share.due_on = next_occurrence(parsed, share.due_on) or share.due_on

    async def _attach(self, task: Task, share: Assignment, update: ProgressUpdate, ids: list[uuid.UUID]) -> None:
        rows = (await self.session.scalars(select(Evidence).where(Evidence.id.in_(ids)))).all()
        if len(rows) != len(set(ids)) or any(r.task_id != task.id or r.agency_id != share.agency_id for r in rows):
            raise InvalidInput.on("evidence_ids", "Có minh chứng không thuộc phần việc này của nhiệm vụ.")
        for row in rows:
            row.update_id = update.id

    async def _has_evidence(self, task: Task, share: Assignment) -> bool:
        count = await self.session.scalar(
            select(func.count())
            .select_from(Evidence)
            .where(Evidence.task_id == task.id, Evidence.agency_id == share.agency_id)
        )
        return bool(count)

    # ---- review

    async def review(self, task: Task, share_id: uuid.UUID, *, accept: bool, reason: str) -> Assignment:
        if not can_assign(self.actor, task):
            raise Forbidden("Chỉ cơ quan giao nhiệm vụ (cơ quan thường trực) mới thẩm định kết quả.")
        share = await self.session.get(Assignment, share_id, with_for_update=True)
        if share is None or share.task_id != task.id:
            raise InvalidInput.on("assignment_id", "Phần việc này không thuộc nhiệm vụ.")
        # a progress report can be sent back (weak evidence, wrong figure); only a completion can be accepted
        if accept and share.status != Status.SUBMITTED.value:
            raise Conflict("Phần việc này chưa được báo cáo hoàn thành nên chưa chấp nhận được.")
        if not accept and share.status not in RETURNABLE:
            raise Conflict("Phần việc này chưa có báo cáo tiến độ nên chưa có gì để trả lại.")
        if not accept and len(reason) < 5:
            raise InvalidInput.on("reason", "Trả lại cần nêu lý do (ít nhất 5 ký tự).")
        before = share.status
        if accept:
            submitted = share.submitted_on or today()
            share.status = completion_status(submitted, share.due_on, task.extended).value
            share.completed_on, share.percent = submitted, 100
        else:
            share.status = Status.RETURNED.value
        shares = await self.refresh(task)
        await self.record(
            task,
            "review.accept" if accept else "review.return",
            {"agency_id": [None, str(share.agency_id)], "status": [before, share.status], "reason": [None, reason]},
        )
        await self.event(
            task,
            "task.accepted" if accept else "task.returned",
            shares=shares,
            agency_id=str(share.agency_id),
            share_status=share.status,
            reason=reason,
        )
        return share

    # ---- extensions

    async def request_extension(
        self, task: Task, *, agency_id: uuid.UUID | None, proposed_due: date, reason: str
    ) -> ExtensionRequest:
        self.require_writer()
        share = await self.share_for(task, agency_id)
        if share.role != "lead":
            raise Forbidden("Chỉ cơ quan chủ trì đề nghị gia hạn.")
        if Status(task.status) in COMPLETED or task.status == Status.CANCELLED.value:
            raise Conflict("Nhiệm vụ đã kết thúc; không đề nghị gia hạn được.")
        if task.due_on is not None and proposed_due <= task.due_on:
            raise InvalidInput.on("proposed_due", "Ngày đề nghị phải sau thời hạn hiện tại.")
        if proposed_due <= today():
            raise InvalidInput.on("proposed_due", "Ngày đề nghị phải sau hôm nay.")
        pending = await self.session.scalar(
            select(ExtensionRequest.id).where(ExtensionRequest.task_id == task.id, ExtensionRequest.state == "pending")
        )
        if pending is not None:
            raise Conflict("Nhiệm vụ đã có một đề nghị gia hạn đang chờ quyết định.")
        request = ExtensionRequest(
            task_id=task.id,
            agency_id=share.agency_id,
            requested_by=self.actor.username,
            current_due=task.due_on,
            proposed_due=proposed_due,
            reason=reason,
        )
        self.session.add(request)
        await self.session.flush()
        await self.record(
            task, "extension.request", {"proposed_due": [None, proposed_due.isoformat()], "reason": [None, reason]}
        )
        await self.event(
            task, "task.extension_requested", extension_id=str(request.id), proposed_due=proposed_due.isoformat()
        )
        return request

    async def decide_extension(
        self, task: Task, request: ExtensionRequest, *, approve: bool, note: str
    ) -> ExtensionRequest:
        if not (can_assign(self.actor, task) or self.actor.has_role(Role.LEADER)):
            raise Forbidden("Chỉ cấp giao nhiệm vụ hoặc lãnh đạo mới quyết định gia hạn.")
        if request.state != "pending":
            raise Conflict("Đề nghị gia hạn này đã được quyết định.")
        if not approve and len(note) < 5:
            raise InvalidInput.on("note", "Từ chối cần nêu lý do (ít nhất 5 ký tự).")
        request.state = "approved" if approve else "refused"
        request.decided_by, request.decided_at, request.decision_note = self.actor.username, datetime.now(UTC), note
        if approve:
            task.extended = True
            await self.set_due_date(
                task,
                request.proposed_due,
                reason=note or request.reason,
                extension_id=request.id,
            )
        shares = await self.refresh(task)
        await self.record(
            task,
            "extension.approve" if approve else "extension.refuse",
            {"due_on": [_iso(request.current_due), _iso(task.due_on)], "note": [None, note]},
        )
        await self.event(
            task,
            "task.extension_decided",
            shares=shares,
            extension_id=str(request.id),
            approved=approve,
            agency_id=str(request.agency_id),
            proposed_due=request.proposed_due.isoformat(),
            note=note,
        )
        return request

    # ---- comments and directives

    async def comment(self, task: Task, *, kind: str, body: str, addressed_agency_id: uuid.UUID | None) -> Comment:
        # Named roles, not "anyone but a viewer": an integration client calling the service directly only reads.
        if not self.actor.has_role(*COMMENTERS):
            raise Forbidden("Vai trò của bạn chỉ được xem, không được ghi ý kiến.")
        if kind == "directive" and not (self.actor.has_role(Role.LEADER, Role.ADMIN) or can_assign(self.actor, task)):
            raise Forbidden("Chỉ lãnh đạo hoặc cấp giao nhiệm vụ mới ghi ý kiến chỉ đạo.")
        if addressed_agency_id is not None and addressed_agency_id not in set(task.visible_to):
            raise InvalidInput.on("addressed_agency_id", "Đơn vị nhận không tham gia nhiệm vụ này.")
        comment = Comment(
            task_id=task.id,
            kind=kind,
            body=body,
            author=self.actor.username,
            author_agency_id=self.actor.agency_id,
            addressed_agency_id=addressed_agency_id,
        )
        self.session.add(comment)
        await self.session.flush()
        await self.record(task, f"{kind}.create", {"body": [None, body[:200]]})
        await self.event(
            task,
            "task.directive" if kind == "directive" else "task.commented",
            comment_id=str(comment.id),
            kind=kind,
            body=body[:BODY_IN_EVENT],
            author_agency_id=str(comment.author_agency_id) if comment.author_agency_id else None,
            addressed_agency_id=str(addressed_agency_id) if addressed_agency_id else None,
        )
        return comment


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
