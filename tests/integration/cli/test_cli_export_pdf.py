"""``export-pdf``: both PDFs from the sample workspace, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.services.sample_account import SAMPLE_ACCOUNT_NAME
from tests.helpers.pdf_checks import needs_poppler, pdf_text
from tests.helpers.sample_workspace import sample_copy


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return sample_copy(tmp_path / "sample.cmap")


@needs_poppler
def test_map_of_the_sample_account(sample: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.pdf"
    assert main(["--workspace", str(sample), "export-pdf", "map", "--account",
                 SAMPLE_ACCOUNT_NAME, "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    text = pdf_text(out)
    assert f"Contact Map — {SAMPLE_ACCOUNT_NAME}" in text and "Coverage findings" in text


def test_unknown_account_and_unwritable_target_are_one_line_errors(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--workspace", str(sample), "export-pdf", "map", "--account", "Nobody",
                 "--out", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    existing = tmp_path / "folder"
    existing.mkdir()
    assert main(["--workspace", str(sample), "export-pdf", "map", "--account",
                 SAMPLE_ACCOUNT_NAME, "--out", str(existing / "missing" / "x.pdf")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("contactmap: Cannot write") and error.count("\n") == 1


@needs_poppler
def test_map_includes_the_power_map_as_a_second_section(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    assert main(["--workspace", str(sample), "export-pdf", "map", "--account",
                 SAMPLE_ACCOUNT_NAME, "--out", str(out)]) == 0
    org_chart = pdf_text(out).split(f"Power map — {SAMPLE_ACCOUNT_NAME}", 1)[1]
    for name in ["Helena Vogt", "Marcus Reid", "Ana Ruiz", "Ken Adeyemi"]:
        assert name in org_chart


@needs_poppler
def test_letter_of_the_sample_account_newest_or_by_id(sample: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.pdf"
    assert main(["--workspace", str(sample), "export-pdf", "letter", "--account",
                 SAMPLE_ACCOUNT_NAME, "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "Route optimisation for Northwind" in text and "Page 1 of" in text
    assert "李伟, Transport Planning Manager" in text  # the sample quotes a CJK-named person
    letter_id = capsys.readouterr().out.split("sponsor letter ")[1].split(" ")[0]
    again = tmp_path / "again.pdf"
    assert main(["--workspace", str(sample), "export-pdf", "letter", "--account",
                 SAMPLE_ACCOUNT_NAME, "--letter", letter_id, "--out", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()  # invariant output: same letter, same bytes
    assert main(["--workspace", str(sample), "export-pdf", "letter", "--account",
                 SAMPLE_ACCOUNT_NAME, "--letter", "zzz", "--out", str(again)]) == 1
    assert "No single letter" in capsys.readouterr().err


@needs_poppler
def test_blueprints_of_the_sample_account(sample: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "blueprints.pdf"
    assert main(["--workspace", str(sample), "export-pdf", "blueprints", "--account",
                 SAMPLE_ACCOUNT_NAME, "--out", str(out)]) == 0
    assert "Contact Blueprints of" in capsys.readouterr().out
    text = pdf_text(out)
    # The sample's own plans: an overview, then one page each.
    assert "2 blueprints" in text
    assert "Blueprint — Helena Vogt" in text and "Blueprint — 李伟" in text
    assert "Everybody's doing it (Social proof)" in text
    assert "I said I'll do it (Commitment and consistency)" in text


@needs_poppler
def test_power_map_of_the_sample_account(sample: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "power.pdf"
    assert main(["--workspace", str(sample), "export-pdf", "power-map", "--account",
                 SAMPLE_ACCOUNT_NAME, "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    text = pdf_text(out)
    assert f"Power map — {SAMPLE_ACCOUNT_NAME}" in text and "Helena Vogt" in text
    assert main(["--workspace", str(sample), "export-pdf", "power-map", "--account", "Nobody",
                 "--out", str(out)]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_an_unfinished_letter_is_written_with_a_warning(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dataclasses import replace

    from contactmap_desktop.services.letters import LetterService
    from contactmap_desktop.services.workspace_service import open_workspace

    opened = open_workspace(sample)
    account = opened.accounts.find_by_name(SAMPLE_ACCOUNT_NAME)
    service = LetterService(opened.workspace)
    letter = service.list_for_account(account.id)[0]
    service.save(replace(letter, solution=""))
    opened.close()
    out = tmp_path / "letter.pdf"
    assert main(["--workspace", str(sample), "export-pdf", "letter", "--account",
                 SAMPLE_ACCOUNT_NAME, "--out", str(out)]) == 0
    assert out.exists()
    assert ("warning: the letter is not finished: its solution is empty; step 4 has no hard "
            "date.") in capsys.readouterr().err
