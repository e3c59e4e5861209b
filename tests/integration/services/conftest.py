"""The services tests run on SQLite and on PostgreSQL (tests/helpers/both_engines.py)."""

from tests.helpers.both_engines import (
    fresh_server_workspaces,
    pytest_generate_tests,
    workspace_engine,
)

__all__ = ["fresh_server_workspaces", "pytest_generate_tests", "workspace_engine"]
