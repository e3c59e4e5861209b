"""Sponsor letters in the workspace: rows to values and back."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contactmap_desktop.domain.errors import NotFoundError
from contactmap_desktop.domain.letters import Milestone, PainStatement, SponsorLetter
from contactmap_desktop.storage.schema import SponsorLetterRow
from contactmap_desktop.storage.scopes import live_account_ids

# Newest first: by letter date, then by when it was written.
_NEWEST_FIRST = (SponsorLetterRow.letter_date.desc(), SponsorLetterRow.created_at.desc(),
                 SponsorLetterRow.id)
_PLAIN = ("subject", "addressee_id", "addressee_name", "addressee_title", "addressee_company",
          "salutation", "sender_id", "sender_name", "sender_title", "signature", "current_method",
          "results", "impact", "solution", "value", "closing_note", "based_on_id", "agreed_by",
          "agreed_on")


class LetterRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list_for_account(self, account_id: str) -> list[SponsorLetter]:
        """Newest first: by letter date, then by when it was written."""
        rows = self._session.scalars(
            select(SponsorLetterRow).where(SponsorLetterRow.account_id == account_id)
            .order_by(*_NEWEST_FIRST)
        )
        return [letter_from_row(row) for row in rows]

    def newest_by_account(self) -> dict[str, SponsorLetter]:
        """Each live account's newest letter (the first of ``list_for_account``), in one
        statement however many accounts and letters there are."""
        rank = func.row_number().over(partition_by=SponsorLetterRow.account_id,
                                      order_by=_NEWEST_FIRST).label("rank")
        ranked = (select(SponsorLetterRow.id, rank)
                  .where(SponsorLetterRow.account_id.in_(live_account_ids())).subquery())
        rows = self._session.scalars(
            select(SponsorLetterRow).join(ranked, ranked.c.id == SponsorLetterRow.id)
            .where(ranked.c.rank == 1)
        )
        return {row.account_id: letter_from_row(row) for row in rows}

    def get(self, letter_id: str) -> SponsorLetter:
        row = self._session.get(SponsorLetterRow, letter_id)
        if row is None:
            raise NotFoundError(f"There is no letter with id {letter_id[:40]} in this workspace.")
        return letter_from_row(row)

    def exists(self, letter_id: str) -> bool:
        return self._session.get(SponsorLetterRow, letter_id) is not None

    def save(self, letter: SponsorLetter, now: datetime) -> SponsorLetter:
        row = self._session.get(SponsorLetterRow, letter.id)
        if row is None:
            row = SponsorLetterRow(id=letter.id, created_at=letter.created_at or now)
            self._session.add(row)
        row.account_id = letter.account_id
        row.letter_date = letter.letter_date
        for name in _PLAIN:
            setattr(row, name, getattr(letter, name))
        row.pains = json.dumps([{"quote": p.quote, "said_by": p.said_by} for p in letter.pains],
                               ensure_ascii=False)
        row.milestones = json.dumps([m.to_json() for m in letter.milestones], ensure_ascii=False)
        row.updated_at = now
        self._session.flush()
        return letter_from_row(row)

    def delete(self, letter_id: str) -> None:
        row = self._session.get(SponsorLetterRow, letter_id)
        if row is not None:
            self._session.delete(row)


def letter_from_row(row: SponsorLetterRow) -> SponsorLetter:
    pains = tuple(PainStatement(str(p.get("quote", "")), str(p.get("said_by", "")))
                  for p in json.loads(row.pains or "[]"))
    milestones = tuple(Milestone.from_json(m) for m in json.loads(row.milestones or "[]"))
    plain = {name: getattr(row, name) for name in _PLAIN}
    return SponsorLetter(id=row.id, account_id=row.account_id, letter_date=row.letter_date,
                         pains=pains, milestones=milestones, created_at=row.created_at,
                         updated_at=row.updated_at, **plain)
