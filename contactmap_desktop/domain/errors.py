"""Errors a user can act on. Anything else raised is a bug."""


class ContactMapError(Exception):
    """A problem with the user's input or files, explained in one sentence."""


class ValidationError(ContactMapError):
    """Input that breaks a rule of the domain (empty name, duplicate, text too long…)."""


class NotFoundError(ContactMapError):
    """A named account, stakeholder or team member that does not exist."""


class WorkspaceError(ContactMapError):
    """A workspace file that cannot be opened as it is; the file is left untouched."""
