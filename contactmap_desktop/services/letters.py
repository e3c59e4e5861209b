"""Use cases on sponsor letters: start one, save edits as they are typed, revise, delete."""

from __future__ import annotations

from dataclasses import replace

from contactmap_desktop.domain.changes import Saved, letters_of
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.letters import SponsorLetter, blank_letter
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork


class LetterService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock

    def list_for_account(self, account_id: str) -> list[SponsorLetter]:
        """The account's letters, newest first."""
        with UnitOfWork(self._workspace) as repos:
            return repos.letters.list_for_account(account_id)

    def get(self, letter_id: str) -> SponsorLetter:
        with UnitOfWork(self._workspace) as repos:
            return repos.letters.get(letter_id)

    def latest(self, account_id: str) -> SponsorLetter | None:
        letters = self.list_for_account(account_id)
        return letters[0] if letters else None

    def draft(self, contact_map: ContactMap) -> SponsorLetter:
        """A new, unsaved letter: addressed to the sponsor, from the first team member."""
        letter = blank_letter(contact_map.account.id, self._clock().date(),
                              account_name=contact_map.account.name)
        sponsor = next((person for person in contact_map.stakeholders
                        if BuyingRole.EVANGELIST in person.roles), None)
        if sponsor is not None:
            letter = replace(letter, addressee_id=sponsor.id, addressee_name=sponsor.name,
                           addressee_title=sponsor.title)
        if contact_map.team_members:
            sender = contact_map.team_members[0]
            letter = replace(letter, sender_id=sender.id, sender_name=sender.name,
                           sender_title=sender.title)
        return letter

    def save(self, letter: SponsorLetter) -> Saved[SponsorLetter]:
        """Create or update the whole letter in one unit of work; returns it as stored."""
        checked = letter.checked()
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.get(checked.account_id)  # a clear error if the account is gone
            saved = repos.letters.save(checked, self._clock())
        return Saved(saved, letters_of([saved.id]))

    def revision(self, letter: SponsorLetter) -> SponsorLetter:
        """An unsaved copy of ``letter`` dated today, for "New letter from this one"."""
        return letter.revision(self._clock().date())

    def new_revision(self, letter_id: str) -> Saved[SponsorLetter]:
        """"New letter from this one": a saved copy dated today, pointing back to the original."""
        with UnitOfWork(self._workspace) as repos:
            original = repos.letters.get(letter_id)
            saved = repos.letters.save(original.revision(self._clock().date()), self._clock())
        return Saved(saved, letters_of([saved.id]))

    def delete(self, letter_id: str) -> Saved[SponsorLetter]:
        """Deletes the letter and returns it, so that an undo can save it back."""
        with UnitOfWork(self._workspace) as repos:
            letter = repos.letters.get(letter_id)
            repos.letters.delete(letter_id)
        return Saved(letter, letters_of([letter.id]))

