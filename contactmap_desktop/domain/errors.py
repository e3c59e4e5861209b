"""Errors a user can act on. Anything else raised is a bug."""


class ContactMapError(Exception):
    """A problem with the user's input or files, explained in one sentence."""


class ValidationError(ContactMapError):
    """Input that breaks a rule of the domain (empty name, duplicate, text too long…)."""


class InboundError(ValidationError):
    """A record from outside (an account file, the team server) that this workspace must not
    take; the message names the record and the field, in one line."""


class NotFoundError(ContactMapError):
    """A named account, stakeholder or team member that does not exist."""


class WorkspaceError(ContactMapError):
    """A workspace file that cannot be opened as it is; the file is left untouched."""


class DamagedWorkspaceError(WorkspaceError):
    """A workspace that fails SQLite's integrity check: it may be viewed, never written."""


class StorageError(ContactMapError):
    """The disk refused a write (full, read-only, failing); what was being saved was not kept."""


class WorkspaceLockedError(WorkspaceError):
    """Another running copy of the app has the workspace open for editing."""

    def __init__(self, message: str, host: str, pid: int) -> None:
        super().__init__(message)
        self.host = host
        self.pid = pid


class TeamServerError(ContactMapError):
    """The team server could not be reached or refused; local work is untouched."""


class TeamAccessError(TeamServerError):
    """The team server refused an operation this login may not do (a viewer's write…)."""
