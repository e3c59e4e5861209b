"""Fonts found at run time, and the all-or-nothing write of an exported file."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from contactmap_desktop.reports.fonts import CJK, FontsMissingError, report_fonts
from contactmap_desktop.reports.markup import Script
from contactmap_desktop.reports.output import ExportError, write_bytes_atomically
from tests.helpers.processes import run_as_a_user

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_standard_text_keeps_the_standard_faces_and_the_rest_gets_truetype() -> None:
    fonts = report_fonts()
    assert (fonts.regular, fonts.bold) == ("Helvetica", "Helvetica-Bold")
    assert fonts.face_for(Script.STANDARD, fonts.bold) == "Helvetica-Bold"
    assert fonts.face_for(Script.UNICODE, fonts.regular) == "ContactMapSans"
    assert fonts.face_for(Script.UNICODE, fonts.bold) == "ContactMapSans-Bold"
    assert fonts.face_for(Script.UNICODE, fonts.italic) == "ContactMapSans-Oblique"
    assert fonts.face_for(Script.CJK, fonts.regular) == CJK
    assert fonts.face_for(Script.CJK, fonts.bold) == "ContactMapCJK-Bold"  # faux bold
    assert fonts.has_cjk


def test_no_font_anywhere_is_a_clear_error_only_for_text_that_needs_one(tmp_path: Path) -> None:
    fonts = report_fonts([tmp_path / "empty"])
    assert fonts.face_for(Script.STANDARD, fonts.regular) == "Helvetica"
    with pytest.raises(FontsMissingError, match="fonts-dejavu-core"):
        fonts.face_for(Script.UNICODE, fonts.regular)


def test_shipped_folder_alone_is_enough(tmp_path: Path) -> None:
    shutil.copy(DEJAVU, tmp_path / "DejaVuSans.ttf")
    fonts = report_fonts([tmp_path])
    # No bold shipped: the regular face stands in (registered under its own name once).
    assert fonts.face_for(Script.UNICODE, fonts.bold) == "ContactMapSans"
    assert fonts.face_for(Script.CJK, fonts.regular) in ("ContactMapSans", CJK)


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.pdf"]


_WRITE_NEW = """
import sys
from pathlib import Path
from contactmap_desktop.reports.output import ExportError, write_bytes_atomically
from tests.helpers.processes import run_as_a_user
try:
    write_bytes_atomically(Path(sys.argv[1]), b"new")
except ExportError as error:
    print(error)
"""


def test_unwritable_folder_keeps_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "out.pdf"
    target.write_bytes(b"old")
    folder.chmod(0o500)
    try:
        # In a child, as a user: root (as the tests run in CI) writes into read-only folders.
        written = run_as_a_user(_WRITE_NEW, str(target))
    finally:
        folder.chmod(0o700)
    assert written.returncode == 0, written.stderr
    assert "permission was denied" in written.stdout, written.stdout
    assert target.read_bytes() == b"old"


def test_full_disk_removes_the_partial_file_and_keeps_the_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportError, match="the disk is full"):
        write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_missing_folder_and_folder_target_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder does not exist"):
        write_bytes_atomically(tmp_path / "nope" / "out.pdf", b"x")
    with pytest.raises(ExportError, match="it is a folder"):
        write_bytes_atomically(tmp_path, b"x")
