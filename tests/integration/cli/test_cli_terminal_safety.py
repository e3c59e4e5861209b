"""What the command line prints: names with control characters are shown, never obeyed, and
every file it writes is the user's alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.cli import main, one_line, terminal_text
from tests.helpers.builders import build_small_map

# Retitles the terminal, clears it, fakes a second account line, reverses the text after it.
# (A NUL is refused as the name is typed: no engine of ours stores one everywhere.)
HOSTILE = "\x1b]0;owned\x07Evil\x1b[2J\rCo\nFake line\x9b31m\u202etxt.exe"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    built = build_small_map(tmp_path / "w.cmap")
    built.opened.accounts.create_account(HOSTILE, "")
    built.opened.close()
    return tmp_path / "w.cmap"


def _obeyable(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
            or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


def test_terminal_text_shows_controls_as_escapes() -> None:
    assert terminal_text("a\x1b[2Jb\nc\td") == "a\\u001b[2Jb\nc\td"
    assert one_line("a\nb\rc") == "a\\u000ab\\u000dc"
    assert terminal_text("Zoë 李 — ok") == "Zoë 李 — ok"


def test_accounts_lists_a_hostile_name_on_one_shown_line(
        workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["accounts", "--workspace", str(workspace)]) == 0
    out = capsys.readouterr().out
    assert _obeyable(out) == []
    lines = out.splitlines()
    assert len(lines) == 2 and "Acme Corp" in lines
    hostile = next(line for line in lines if "Evil" in line)
    assert hostile.startswith("\\u001b]0;owned\\u0007Evil") and "\\u202e" in hostile


def test_findings_and_errors_show_controls(workspace: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    stored = HOSTILE.replace("\r", " ").replace("\n", " ")  # names are one line when stored
    assert main(["findings", "--account", stored, "--workspace", str(workspace)]) == 0
    assert main(["findings", "--json", "--account", stored, "--workspace", str(workspace)]) == 0
    assert main(["findings", "--account", "No\x1b[2Jbody", "--workspace", str(workspace)]) == 1
    captured = capsys.readouterr()
    assert _obeyable(captured.out) == [] and _obeyable(captured.err) == []
    assert "No\\u001b[2Jbody" in captured.err and captured.err.count("\n") == 1


@pytest.mark.parametrize("kind", ["map", "blueprints"])
def test_pdf_exports_are_private_like_every_other_export(
        workspace: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert main(["export-pdf", kind, "--account", "Acme Corp", "--out", str(out),
                 "--workspace", str(workspace)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
