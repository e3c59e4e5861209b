"""A private PostgreSQL server for the test run: initdb into a temporary folder, a loopback
port, stopped at the end, or by a watchdog when the process that started it is killed.
Never skipped: a missing PostgreSQL fails the tests that need it."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "private-test-server"


def _bin_dir() -> Path:
    """The newest installed server's programs (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise RuntimeError("PostgreSQL is not installed: run scripts/install-system-packages.sh "
                       "(Debian's postgresql package); the team tests need a real server.")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_server_user(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the postgres user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _stop_command(bin_dir: Path, folder: Path) -> list[str]:
    return _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(folder / "data"),
                            "-m", "immediate", "-w", "stop"])


def _start_watchdog(bin_dir: Path, folder: Path) -> subprocess.Popen[bytes]:
    """A process that stops the server and removes its folder once this process ends: a killed
    test run otherwise leaves an idle server behind. In its own session, so that a signal to
    this process's group (Ctrl+C, a CI's kill) does not end it too."""
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("postgres_watchdog.py")), str(os.getpid()),
         str(folder), *_stop_command(bin_dir, folder)],
        stdin=subprocess.DEVNULL, start_new_session=True)


def _remove(folder: Path, watchdog: subprocess.Popen[bytes]) -> None:
    """The folder, then the watchdog, which has nothing left to do."""
    shutil.rmtree(folder, ignore_errors=True)
    watchdog.terminate()
    watchdog.wait()


@dataclass
class PrivateServer:
    """A running server; ``url(db)`` is the superuser's address of one of its databases."""

    folder: Path
    port: int
    bin_dir: Path
    watchdog: subprocess.Popen[bytes]

    def url(self, database: str = "postgres", user: str = SUPERUSER,
            password: str | None = SUPERUSER_PASSWORD) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def program(self, name: str) -> str:
        return str(self.bin_dir / name)

    def stop(self) -> None:
        subprocess.run(_stop_command(self.bin_dir, self.folder), capture_output=True,
                       check=False)
        _remove(self.folder, self.watchdog)


def start_server() -> PrivateServer:
    """initdb, then pg_ctl start on a free loopback port; passwords required over TCP."""
    bin_dir = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="contactmap-pg-"))
    watchdog = _start_watchdog(bin_dir, folder)
    data = folder / "data"
    password_file = folder / "superuser-password"
    password_file.write_text(SUPERUSER_PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(password_file, "postgres")
    run = subprocess.run(_as_server_user([
        str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--pwfile",
        str(password_file), "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
        "--locale=C.UTF-8", "--no-sync"]), capture_output=True, text=True, check=False)
    if run.returncode != 0:
        _remove(folder, watchdog)
        raise RuntimeError(f"initdb failed: {run.stderr.strip()}")
    # A free port may be taken between the probe and the server's bind (test runs in parallel
    # each start a server): then another one.
    for attempt in range(3):
        port = _free_port()
        # fsync off and small buffers: a throwaway server on a small shared machine.
        options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB "
                   "-c max_connections=60")
        run = subprocess.run(_as_server_user([
            str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
            "-w", "start"]), capture_output=True, text=True, check=False)
        if run.returncode == 0:
            break
        log = (folder / "log").read_text() if (folder / "log").exists() else ""
        if "could not bind" not in log or attempt == 2:
            _remove(folder, watchdog)
            raise RuntimeError(f"pg_ctl start failed: {run.stderr.strip()} {log[-500:]}")
    return PrivateServer(folder, port, bin_dir, watchdog)


_numbers = itertools.count(1)


@contextlib.contextmanager
def fresh_database(server: PrivateServer) -> Iterator[str]:
    """A new empty database for one test (dropped after it), as its superuser URL."""
    name = f"team_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.url(name)
    finally:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
