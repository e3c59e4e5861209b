"""The ``team …`` commands: prepare a team server, give logins, and sync with it."""

from __future__ import annotations

import argparse
import getpass
import sys

from contactmap_desktop.cli_workspace import with_workspace
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.services.team_admin import (
    add_team_member,
    init_team_server,
    read_password_file,
)
from contactmap_desktop.services.workspace_service import OpenWorkspace
from contactmap_desktop.storage.team_server import parse_address


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
    if password:
        note = ""
    elif created:
        note = " (no password: the server must trust its host)"
    else:
        note = " (its password unchanged)"
    print(f"{args.login} {how} as {args.role}{note}.")
    return 0


@with_workspace
def connect(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    address, url_password = parse_address(args.url)
    password = read_password_file(args.password_file) if args.password_file else url_password
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"Password for {address.login} at {address.place} "
                                   "(empty: none, or from your .pgpass): ") or None
    role, kept = opened.services.team.connect(args.url, password)
    print(f"Connected to {address.place} as {address.login} ({role}); password: {kept}.")
    return 0


@with_workspace
def share(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    report = opened.services.team.share(args.account, args.with_logins)
    print(f"“{args.account}” is shared with {', '.join(args.with_logins)}.")
    for line in report.lines():
        print(line)
    return 0


@with_workspace
def sync(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    for line in opened.services.team.sync().lines():
        print(line)
    return 0


@with_workspace
def status(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    for line in opened.services.team.status().lines():
        print(line)
    return 0
