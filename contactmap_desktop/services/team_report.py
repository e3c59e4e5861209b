"""What one team sync did: counts for the user, and the change set for the window."""


from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.wording import counted

# A laptop's clock this far off the server's is worth a word to its user.
CLOCK_SKEW_NOTED = timedelta(minutes=5)


@dataclass
class SyncReport:
    """What one sync did, for the command line and the window's indicator."""

    sent: int = 0
    received: int = 0
    refused_here: int = 0  # changes from the server that failed the inbound checks
    refused_there: int = 0  # this laptop's changes the server refused (a viewer's…)
    refused_reason: str = ""
    conflicts: int = 0
    new_accounts: list[str] = field(default_factory=list)
    # What arrived, for the window to redraw only that (see ``changes``).
    cells: set[CellRef] = field(default_factory=set)
    marks: set[CellRef] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # accounts whose stakeholders changed
    team: set[str] = field(default_factory=set)  # accounts whose team changed
    accounts: set[str] = field(default_factory=set)  # accounts edited
    letters: set[str] = field(default_factory=set)
    lifecycle: set[str] = field(default_factory=set)
    whole: set[str] = field(default_factory=set)  # accounts whose plans changed
    changed_accounts: set[str] = field(default_factory=set)
    # How far the server's clock is ahead of this laptop's (measured at this sync).
    clock_offset: timedelta = timedelta()

    @property
    def changes(self) -> Changes:
        """The change set of what the sync wrote, as any edit's."""
        new = {a for a in self.changed_accounts if a not in self.accounts} \
            if self.new_accounts else set()
        return Changes(accounts=frozenset(self.accounts | new), people=frozenset(self.people),
                       team=frozenset(self.team), cells=frozenset(self.cells),
                       marks=frozenset(self.marks), letters=frozenset(self.letters),
                       lifecycle=frozenset(self.lifecycle),
                       whole_accounts=frozenset(self.whole))

    @property
    def clock_note(self) -> str:
        """A word about this laptop's clock when it is far off the server's, else ""."""
        offset = self.clock_offset
        if abs(offset) <= CLOCK_SKEW_NOTED:
            return ""
        minutes = round(abs(offset).total_seconds() / 60)
        how_far = f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"
        side = "behind" if offset > timedelta() else "ahead of"
        return (f"This laptop's clock is {how_far} {side} the team server's: its changes "
                "are dated by the server's clock.")

    def lines(self) -> list[str]:
        result = [f"Sent {counted(self.sent, 'change')}, received {self.received}."]
        if self.clock_note:
            result.append(self.clock_note)
        if self.new_accounts:
            result.append("Newly shared with you: " + ", ".join(self.new_accounts) + ".")
        if self.conflicts:
            result.append(f"{counted(self.conflicts, 'conflicting edit')}: the newer was kept; "
                          "see `contactmap team status` or the window's conflicts list.")
        if self.refused_there:
            one = self.refused_there == 1
            result.append(f"{self.refused_there} of your changes {'was' if one else 'were'} "
                          "refused by the server "
                          f"({self.refused_reason}); {'it stays' if one else 'they stay'} in "
                          "this workspace only.")
        if self.refused_here:
            result.append(f"{counted(self.refused_here, 'change')} from the server failed this "
                          "workspace's checks and "
                          f"{'was' if self.refused_here == 1 else 'were'} left out.")
        return result
