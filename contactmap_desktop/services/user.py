"""Who is at the keyboard, as the services record it with each grade change and review."""

from __future__ import annotations

import getpass
from collections.abc import Callable

Who = Callable[[], str]


def login_name() -> str:
    """The login name of the person running the app; "" when the system cannot say."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment or passwd
        return ""
