"""Property: any bytes either import or fail with a line-numbered error, changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactmap_desktop.domain.csv_text import CsvFileError
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.services.csv_import import CsvImportService, ImportOptions
from tests.helpers.builders import SmallMap, build_small_map

# Characters that stress a CSV reader: delimiters, quotes, line ends, NUL, emoji, CJK, BOM.
_ALPHABET = st.sampled_from(list(',;\t"\'\r\n =+-@\x00ab Zé李🚀\ufeff') + ["Name", "Email",
                                                                       "First Name"])
csv_like_text = st.lists(_ALPHABET, max_size=200).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, workspace_engine: str) -> SmallMap:
    built = build_small_map(Path(tmp_path_factory.mktemp("prop")) / "w.cmap")
    yield built
    built.opened.close()


def _check_import(small: SmallMap, data: bytes) -> None:
    service = CsvImportService(small.opened.workspace)
    before = small.opened.contact_maps.load_map(small.account.id).stakeholders
    try:
        source = service.read(data)
        plan = service.apply(source, small.account.id, ImportOptions(source.fields)).plan
    except CsvFileError as error:
        assert error.line >= 1
        assert str(error).startswith(f"Line {error.line}: ")
        after = small.opened.contact_maps.load_map(small.account.id).stakeholders
        assert after == before
        return
    except ContactMapError as error:  # pragma: no cover - would fail the property
        pytest.fail(f"error without a line number: {error}")
    after = small.opened.contact_maps.load_map(small.account.id).stakeholders
    assert len(after) == len(before) + plan.added
    assert plan.added + plan.updated + plan.skipped == len(source.table.records)


def _examples(workspace_engine: str) -> settings:
    # A fifth as many on PostgreSQL: reading the bytes is the same code on both engines; the
    # engine's part is storing what was read, or nothing.
    return settings(max_examples=150 if workspace_engine == "sqlite" else 30, deadline=None)


def test_random_bytes_never_crash(small: SmallMap, workspace_engine: str) -> None:
    @_examples(workspace_engine)
    @given(data=st.binary(max_size=400))
    def one_file(data: bytes) -> None:
        _check_import(small, data)

    one_file()


def test_random_csv_like_text_never_crashes(small: SmallMap, workspace_engine: str) -> None:
    @_examples(workspace_engine)
    @given(text=csv_like_text, encoding=encodings)
    def one_file(text: str, encoding: str) -> None:
        _check_import(small, text.encode(encoding, errors="replace"))

    one_file()
