"""Mutated account files (issue 16): never a traceback, never a change to another account,
nothing deleted, and the workspace still reads as the window and the commands read it.

1,000 cases in the normal suite; ``bash scripts/fuzz-account-files.sh 10000`` (which sets
``CONTACTMAP_FUZZ_CASES``) runs more.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, Text, bindparam, cast, func, literal, select, union_all

from contactmap_desktop.cli import main
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.account_sections import ACCOUNT_SECTIONS, ACCOUNT_TABLE
from tests.helpers.account_files import (
    Document,
    build_two_accounts,
    read_like_the_window,
    table_rows,
    trimmed,
)

CASES = int(os.environ.get("CONTACTMAP_FUZZ_CASES", "1000"))
SECTIONS = [ACCOUNT_TABLE.name, *(s.name for s in ACCOUNT_SECTIONS)]
COLUMNS = sorted({c.key for s in (ACCOUNT_TABLE, *ACCOUNT_SECTIONS)
                  for c in s.table.__table__.columns})


class Fuzzed:
    """The workspace the whole run imports into, and what must never change in it."""

    def __init__(self, folder: Path) -> None:
        # Small accounts holding every kind of record: each case reads and merges little.
        two = build_two_accounts(folder)
        self.path = folder / "fuzz.cmap"
        self.file = folder / "case.cmacct"
        self.opened: OpenWorkspace = open_workspace(self.path)
        self.exchange = AccountExchangeService(self.opened.workspace)
        for document in (trimmed(two.northwind), two.acme):
            self.file.write_text(json.dumps(document), encoding="utf-8")
            self.exchange.import_account(self.file)
        self.northwind, self.acme = (self._exported(d) for d in (two.northwind, two.acme))
        self.ids = sorted(_ids(self.northwind) | _ids(self.acme))
        account: Any = bindparam("account", type_=String)  # scopes take the id as text
        engine = self.opened.workspace.engine.dialect.name
        self._account_rows = union_all(*(
            select(literal(s.name), _json_text(engine, s.table.__table__.columns))
            .where(s.scope(account)) for s in (ACCOUNT_TABLE, *ACCOUNT_SECTIONS) if s.scope))
        # The workspace's own rows (settings) that a file may add to and the window reads.
        self._shared_rows = union_all(*(
            select(literal(s.name), _json_text(engine, s.table.__table__.columns))
            for s in ACCOUNT_SECTIONS if not s.scope))
        self._count_rows = "SELECT " + ", ".join(
            f'(SELECT count(*) FROM "{s.table.__tablename__}")'
            for s in (ACCOUNT_TABLE, *ACCOUNT_SECTIONS))
        self.accepted = 0
        self.refused = 0
        # What the window has already read without an error: the same rows read again give
        # the same answer, and most accepted files change nothing (no field is newer).
        self.read_states: set[tuple[Any, ...]] = set()
        # Each account's rows as last stored: a file of one must never change the other.
        self.stored = {d["account"]["id"]: self.rows_of(d["account"]["id"])
                       for d in (self.northwind, self.acme)}

    def _exported(self, document: Document) -> Document:
        self.exchange.export_account(document["account"]["id"], self.file)
        exported: Document = json.loads(self.file.read_text(encoding="utf-8"))
        return exported

    def documents(self) -> tuple[Document, Document]:
        return copy.deepcopy(self.northwind), copy.deepcopy(self.acme)

    def rows_of(self, account_id: str) -> list[Any]:
        """The account's rows as they are stored now (settings are the workspace's), read in
        one statement."""
        with self.opened.workspace.session() as session:
            # Sorted: a union's rows come in no promised order (PostgreSQL's differs).
            return sorted(session.execute(self._account_rows, {"account": account_id}),
                          key=repr)

    def state_of(self, account_id: str, rows: list[Any]) -> tuple[Any, ...]:
        """All that the window reads of the account: its rows and the workspace's own."""
        with self.opened.workspace.session() as session:
            return account_id, tuple(rows), tuple(session.execute(self._shared_rows))

    def counts(self) -> tuple[int, ...]:
        """Rows per table, in one statement."""
        with self.opened.workspace.session() as session:
            return tuple(session.connection().exec_driver_sql(self._count_rows).one())


def _json_text(engine: str, columns: Any) -> Any:
    """A row's columns as one JSON array in text, comparable and hashable on either engine."""
    if engine == "sqlite":
        return func.json_array(*columns)
    return cast(func.json_build_array(*columns), Text)


def _ids(document: Document) -> set[str]:
    found = {document["account"]["id"]}
    for records in document["sections"].values():
        for record in records:
            found.update(v for k, v in record.items()
                         if isinstance(v, str) and (k == "id" or k.endswith("_id")))
    return found


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory, workspace_engine: str) -> Iterator[Fuzzed]:
    # In memory where there is a RAM disk: thousands of commits, each synced to disk, would be
    # most of the run's time.
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path_factory.mktemp("f")
    state = Fuzzed(folder)
    yield state
    state.opened.close()
    shutil.rmtree(folder, ignore_errors=True)


ODD_TEXTS = ["", " ", "T", "X", "t", "prospect", "churned", "executive", "PUAE", "PP", "[]",
             "{}", "[1]", "null", '["x"]', '[{"due": "x"}]', '[{"on": "2026-01-01"}]',
             '{"trust_share_limit": 500}', '{"passive_after_steps": 3}', "2026-01-01",
             "2026-01-01T00:00:00", "2026-01-01T00:00:00+02:00", "2026-01-01T00:00:00Z",
             "9999-12-31T00:00:00", "0001-01-01", "1969-12-31T23:59:59", "2199-12-31",
             "<b>bold</b>", "\u202e\u0000\n", "x" * 121, "x" * 20_001,
             "[" * 5_000 + "]" * 5_000]


def odd_values(ids: list[str]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(), st.booleans(),
        st.integers(-(2**70), 2**70), st.sampled_from([0, -1, 1, 30, 2**31, 2**63, 10**12]),
        st.floats(), st.sampled_from(ODD_TEXTS), st.text(max_size=12),
        st.sampled_from(ids), st.lists(st.integers(0, 3), max_size=2),
        st.dictionaries(st.sampled_from(["a", "id", "due"]), st.integers(), max_size=2),
    )


def mutate(document: Document, other: Document, data: st.DataObject, ids: list[str]) -> None:
    """One change of the kinds a damaged, hand-edited or hostile file may hold."""
    section = data.draw(st.sampled_from([*SECTIONS, "the file"]), label="section")
    if section == "the file":
        key = data.draw(st.sampled_from(["account", "sections", "version", "future_tables"]))
        target = document["sections"] if key == "future_tables" else document
        if not isinstance(target, dict):
            return  # an earlier change broke the file as a whole: it is refused for that
        target[key] = data.draw(odd_values(ids), label="value")
        return
    sections = document["sections"]
    if not isinstance(sections, dict) or not isinstance(document["account"], dict):
        return  # an earlier change broke the file as a whole: it is refused for that
    if section == ACCOUNT_TABLE.name:
        records = [document["account"]]
    else:
        records = sections.setdefault(section, [])
        if not isinstance(records, list):
            return
    kind = data.draw(st.sampled_from(["set", "set", "set", "drop field", "drop record",
                                      "copy record", "other account's record", "not a record"]),
                     label="kind")
    if kind == "other account's record":
        theirs = other["sections"].get(section, []) if section != "account" else []
        if theirs:
            record = copy.deepcopy(data.draw(st.sampled_from(theirs)))
            if "account_id" in record and data.draw(st.booleans()):
                # .get: an earlier change may have replaced the account with another dict
                record["account_id"] = document["account"].get("id")
            records.append(record)
        return
    if not records:
        return
    index = data.draw(st.integers(0, len(records) - 1), label="record")
    if not isinstance(records[index], dict):
        return  # an earlier change made it a non-record: the file is refused for that
    if kind == "set":
        field = data.draw(st.sampled_from([*records[index], *COLUMNS]), label="field")
        records[index][field] = data.draw(odd_values(ids), label="value")
    elif kind == "drop field" and records[index]:  # a record with fields
        del records[index][data.draw(st.sampled_from(sorted(records[index])))]
    elif kind == "drop record" and section != ACCOUNT_TABLE.name:
        del records[index]
    elif kind == "copy record" and section != ACCOUNT_TABLE.name:
        records.append(copy.deepcopy(records[index]))
    elif kind == "not a record" and section != ACCOUNT_TABLE.name:
        records[index] = data.draw(odd_values(ids))


@pytest.mark.slow
def test_a_mutated_account_file_is_refused_or_merged_without_harm(
    fuzzed: Fuzzed, workspace_engine: str,
) -> None:
    # A twentieth as many on PostgreSQL: the gate is the same code on both engines; the engine's
    # part is each file's one transaction, committed or rolled back whole.
    cases = CASES if workspace_engine == "sqlite" else max(CASES // 20, 1)

    # No shrinking: every case changes the one workspace, so a smaller case tried after a
    # failure meets another workspace, and the report would name it instead of the failure.
    @settings(max_examples=cases, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=st.data())
    def one_file(data: st.DataObject) -> None:
        _one_mutated_file(fuzzed, data)

    one_file()


def _one_mutated_file(fuzzed: Fuzzed, data: st.DataObject) -> None:
    northwind, acme = fuzzed.documents()
    mine, theirs = data.draw(st.sampled_from([(acme, northwind), (northwind, acme)]))
    counts_before = fuzzed.counts()
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        mutate(mine, theirs, data, fuzzed.ids)
    fuzzed.file.write_text(json.dumps(mine), encoding="utf-8")
    try:
        account = fuzzed.exchange.import_account(fuzzed.file).account_id
    except ContactMapError as error:  # anything else fails the test, with its traceback
        assert "\n" not in str(error)
        fuzzed.refused += 1
        assert fuzzed.counts() == counts_before  # the transaction was rolled back whole
        return
    fuzzed.accepted += 1
    assert all(after >= before for after, before in zip(fuzzed.counts(), counts_before,
                                                        strict=True))  # nothing deleted
    # The account merged into, as the import says (a file may name another account, or a new
    # one): every other account here is exactly as it was.
    for bystander, rows in fuzzed.stored.items():
        if bystander != account:
            assert fuzzed.rows_of(bystander) == rows, bystander
    fuzzed.stored[account] = fuzzed.rows_of(account)
    state = fuzzed.state_of(account, fuzzed.stored[account])
    if state not in fuzzed.read_states:
        read_like_the_window(fuzzed.opened, account)
        fuzzed.read_states.add(state)


def test_after_the_fuzz_the_workspace_opens_for_the_commands(
    fuzzed: Fuzzed, capsys: pytest.CaptureFixture[str], workspace_engine: str,
) -> None:
    assert fuzzed.accepted > 0 and fuzzed.refused > 0, (fuzzed.accepted, fuzzed.refused)
    fuzzed.opened.close()
    # `check` and the dump of every row read the SQLite file; on the server, the row counts.
    on_file = workspace_engine == "sqlite"
    stored = (lambda: table_rows(fuzzed.path)) if on_file else fuzzed.counts
    before = stored()
    argv = ["--workspace", str(fuzzed.path)]
    if on_file:
        assert main(["check", *argv]) == 0
        capsys.readouterr()
    assert main(["accounts", *argv]) == 0
    names = capsys.readouterr().out.splitlines()
    assert len(names) == 2
    for name in names:
        assert main(["findings", "--account", name, "--json", *argv]) == 0
    assert stored() == before  # nothing was purged at the next open
    fuzzed.opened = open_workspace(fuzzed.path, create=False)
    read_like_the_window(fuzzed.opened)
    print(f"fuzz: {fuzzed.accepted} accepted, {fuzzed.refused} refused")
