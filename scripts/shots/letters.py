"""Screenshots: letters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from shots.common import OUT, open_sample, save, wait_until, window_on


def shoot_letters(folder: Path) -> list[Path]:
    """The Letters tab with its live preview, the milestones table with an undated step,
    Preferences ▸ Printing, and the printed letter's and Contact Map's PDF pages."""
    import subprocess

    from contactmap_desktop.services.letter_report import export_letter
    from contactmap_desktop.services.map_report import export_contact_map
    from contactmap_desktop.ui.letters.letter_form import LetterForm
    from contactmap_desktop.ui.letters.printing_page import PrintingPage

    opened = open_sample(folder)
    window = window_on(opened, folder)
    feature = window.features.letters
    feature.settings.save(company_name="Meridian Routing Ltd")
    tab = feature.tab
    try:
        window.resize(1500, 900)
        window.show_tab(tab)
        window.show()
        QApplication.processEvents()
        drawn: list[int] = []
        tab.preview.updated.connect(drawn.append)
        tab.settings_changed()  # draw again at the laid-out width
        wait_until(lambda: bool(drawn), lambda: tab.preview.status.text())
        for _ in range(20):  # the new pages' layout settles over a few rounds of events
            QApplication.processEvents()
        shots = [save(window, "letters-composer")]
        form = LetterForm()  # the same form, wider than beside the preview
        form.show_letter(tab.current_letter())
        form.resize(760, 900)
        form.show()
        form.milestone_editor.select(3, 0)
        form.milestone_editor.table.scrollToBottom()
        shots.append(save(form.milestone_editor.parentWidget(), "letters-milestones"))
        page = PrintingPage(feature.settings)
        page.resize(560, 520)
        shots.append(save(page, "preferences-printing"))
        pdfs = {"letter-pdf": folder / "letter.pdf", "map-pdf": folder / "map.pdf"}
        export_letter(tab.current_letter(), feature.settings, pdfs["letter-pdf"])  # type: ignore
        export_contact_map(opened, tab.current_letter().account_id, pdfs["map-pdf"])
        for name, pdf in pdfs.items():
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(OUT / name)],
                           check=True)
            shots += sorted(OUT.glob(f"{name}-*.png"))
        return shots
    finally:
        window.close()
        opened.close()
