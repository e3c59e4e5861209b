"""The ``team …`` commands: prepare a team server, give logins, and sync with it."""

from __future__ import annotations

import argparse
import getpass
import sys

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.services.team_admin import (
    add_team_member,
    init_team_server,
    read_password_file,
)


def _password(args: argparse.Namespace, who: str) -> str | None:
    """From --password-file, else a prompt when someone is at the terminal, else none."""
    if args.password_file is not None:
        return read_password_file(args.password_file)
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"Password for {who} (empty: none): ")
    if not first:
        return None
    if getpass.getpass("Again: ") != first:
        raise ValidationError("The two passwords differ; nothing was changed.")
    return first


def init(args: argparse.Namespace) -> int:
    before, after = init_team_server(args.url)
    if before == after:
        print(f"The team schema is already at version {after}; nothing changed.")
    elif before == 0:
        print(f"Team schema version {after} created, with its roles and access rules.")
    else:
        print(f"Team schema upgraded from version {before} to {after}.")
    return 0


def add_member(args: argparse.Namespace) -> int:
    password = _password(args, args.login)
    created = add_team_member(args.url, args.login, args.role, password)
    how = "added" if created else "updated"
    print(f"{args.login} {how} as {args.role}"
          f"{'' if password else ' (no password: the server must trust its host)'}.")
    return 0
