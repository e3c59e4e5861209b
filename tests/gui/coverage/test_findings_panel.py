"""The findings model under qtmodeltester, the panel's title and clicks, history and timeline."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Finding, Rule, Severity
from contactmap_desktop.domain.findings import coverage_findings
from contactmap_desktop.domain.grade_timeline import grade_distribution
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import GradeChange
from contactmap_desktop.ui.core.roles import FindingRole
from contactmap_desktop.ui.coverage import findings_model, findings_panel
from contactmap_desktop.ui.coverage.findings_model import FindingsModel
from contactmap_desktop.ui.coverage.findings_panel import FindingsPanel
from contactmap_desktop.ui.coverage.history_panel import HistoryPanel
from tests.helpers.map_values import build_map, cell, grid, member, stakeholder

TODAY = date(2026, 3, 2)


def _findings(letters: str) -> list[Finding]:
    return coverage_findings(grid(letters), CoverageThresholds(), TODAY)


def test_findings_model_passes_the_model_tester_through_updates(
        qapp: QApplication, qtmodeltester: ModelTester) -> None:
    model = FindingsModel()
    qtmodeltester.check(model)  # keeps watching every later change
    for letters in ("IDMS", "S", "", "TTTTO", "IDMSTO", "M"):
        model.set_findings(_findings(letters))
        assert model.findings() == _findings(letters)
    qtmodeltester.check(model)


def test_a_long_group_gives_the_view_its_findings_a_batch_at_a_time(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(findings_model, "BATCH", 2)
    model = FindingsModel()
    findings = _findings("IDMII")
    concerns = model.index(0, 0)
    count = sum(f.severity is Severity.CONCERN for f in findings)
    assert count > 4
    model.set_findings(findings)
    assert model.rowCount(concerns) == 2 and model.has_more(concerns)
    assert concerns.data() == f"Concerns ({count})" and model.findings() == findings
    model.show_more(concerns)
    assert model.rowCount(concerns) == 4
    model.set_findings(_findings("MDIIII"))  # the rows shown stay, brought up to date
    assert model.rowCount(concerns) == 4
    assert [model.index(row, 0, concerns).data(FindingRole.FINDING) for row in range(4)] \
        == model.findings()[:4]
    model.set_findings(_findings("S"))
    assert model.rowCount(concerns) == 0 and not model.has_more(concerns)
    model.set_findings(findings)
    assert model.rowCount(concerns) == 2  # a batch again


def test_batches_and_updates_of_the_rows_shown_pass_the_model_tester(
        qapp: QApplication, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(findings_model, "BATCH", 2)
    model = FindingsModel()
    qtmodeltester.check(model)  # keeps watching every later change
    for letters in ("IDMII", "MDIIII", "IS", "", "IDMIIDT", "M"):
        model.set_findings(_findings(letters))
        assert model.findings() == _findings(letters)
        model.show_more(model.index(0, 0))
    qtmodeltester.check(model)


def test_groups_show_counts_and_findings_carry_their_role(qapp: QApplication) -> None:
    model = FindingsModel()
    findings = _findings("IDMS")
    model.set_findings(findings)
    concerns = model.index(0, 0)
    assert concerns.data() == f"Concerns ({model.count(Severity.CONCERN)})"
    assert concerns.data(FindingRole.SEVERITY) is Severity.CONCERN
    first = model.index(0, 0, concerns)
    assert first.data(FindingRole.FINDING) == findings[0]
    assert "Motivated to change" in first.data()
    assert model.parent(first) == concerns
    assert model.rowCount(first) == 0


def test_the_panel_summary_counts_and_a_click_names_the_finding(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings(_findings("IDMS"))
    panel.resize(420, 400)
    panel.show()
    # I, D, M: three concerns; four graded cells are too few for the share rules to speak;
    # four on one person: one note.
    assert panel.summary.text() == "3 concerns · 0 warnings · 1 note"
    concerns = panel.model.index(0, 0)
    target = panel.model.index(1, 0, concerns)
    rect = panel.tree.visualRect(target)
    assert rect.isValid()  # groups are expanded
    with qtbot.waitSignal(panel.finding_activated) as signal:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args[0].rule is Rule.BELOW_SATISFIED
    assert signal.args[0].cells == panel.model.findings()[1].cells

    panel.show_findings([])
    assert panel.empty.isVisibleTo(panel)
    assert panel.summary.text() == "0 concerns · 0 warnings · 0 notes"


def test_a_new_finding_appears_expanded_under_its_group(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings(_findings("S"))
    panel.show_findings(_findings("SM"))
    concerns = panel.model.index(0, 0)
    assert panel.tree.isExpanded(concerns)
    assert panel.model.rowCount(concerns) == 1


def test_scrolling_to_the_end_of_a_group_shows_its_next_findings(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(findings_model, "BATCH", 3)
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 200)  # a few rows in sight
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_findings(_findings("IDM" * 10 + "S" * 30))  # concerns, then other groups
    concerns = panel.model.index(0, 0)
    total = panel.model.count(Severity.CONCERN)
    assert panel.model.rowCount(concerns) < total
    scroll = panel.tree.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)  # laid out
    while scroll.value() < scroll.maximum():
        scroll.setValue(scroll.value() + 1)
    assert panel.model.rowCount(concerns) == total
    last = panel.model.index(total - 1, 0, concerns)
    panel.tree.scrollTo(last)
    with qtbot.waitSignal(panel.finding_activated) as signal:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.tree.visualRect(last).center())
    assert signal.args[0] == panel.model.findings()[total - 1]


def test_history_panel_shows_the_cells_changes_and_the_timeline(qtbot: QtBot) -> None:
    start = datetime(2026, 1, 10, 9)
    changes = [
        GradeChange("1", cell("m", "X"), None, Grade.SATISFIED, start),
        GradeChange("2", cell("m", "X"), Grade.SATISFIED, Grade.TRUST, start + timedelta(5),
                    "Won the bid together"),
    ]
    contact_map = build_map([stakeholder("X")], [member("m")], {("m", "X"): "T"},
                            history=changes)
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.show_cell(contact_map, cell("m", "X"))
    panel.show_timeline(contact_map, grade_distribution(changes))
    assert panel.timeline.points() == []  # out of sight, it is drawn once shown
    panel.show()
    assert panel.model.rowCount() == 2
    newest = [panel.model.index(0, c).data() for c in range(4)]
    assert newest == ["2026-01-15 09:00", "Satisfied → Trust  (2 levels)", "",
                      "Won the bid together"]
    assert "2 grade changes" in panel.heading.text()
    assert panel.timeline.points() == grade_distribution(changes)
    assert "1 Trust" in panel.timeline.toolTip()
    panel.resize(360, 320)
    image = panel.timeline.grab().toImage()
    assert image.width() > 0
    panel.show_cell(None, None)
    assert panel.model.rowCount(QModelIndex()) == 0


def test_details_panel_shows_plain_words_and_escapes_names(qtbot: QtBot) -> None:
    from contactmap_desktop.domain.cell_details import cell_details
    from contactmap_desktop.ui.coverage.cell_details_panel import CellDetailsPanel

    name = "<b>Bold</b> & Co"
    contact_map = build_map([stakeholder(name)], [member("m")], {("m", name): "D"})
    panel = CellDetailsPanel()
    qtbot.addWidget(panel)
    panel.show_details(cell_details(contact_map, cell("m", name), TODAY))
    text = panel.text()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in text and "<b>Bold</b> &" not in text
    assert "D — Dissatisfied" in text and "Last reviewed 1 Mar 2026 (yesterday)." in text
    assert "Not a key relationship." in text
    panel.show_details(None)
    assert panel.text().startswith("Select a cell")


def test_a_long_list_shows_one_line_per_finding_and_the_sentence_on_hover(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(findings_panel, "ONE_LINE_ABOVE", 3)
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(260, 400)  # narrow: these sentences need several lines to be read whole
    panel.show()
    few, many = _findings("S"), _findings("IDMS")
    assert len(few) <= 3 < len(many)

    def heights() -> set[int]:
        concerns = panel.model.index(0, 0)
        return {panel.tree.visualRect(panel.model.index(row, 0, concerns)).height()
                for row in range(panel.model.rowCount(concerns))}

    panel.show_findings(many)
    one_line = heights()
    assert len(one_line) == 1 and panel.tree.uniformRowHeights()
    first = panel.model.index(0, 0, panel.model.index(0, 0))
    assert first.data() in first.data(Qt.ItemDataRole.ToolTipRole)

    panel.show_findings(few + many[:1])  # short again: rows as tall as their sentences
    assert not panel.tree.uniformRowHeights()
    assert max(heights()) > max(one_line)


@pytest.mark.parametrize("width", [240, 300, 420])
def test_a_wrapped_finding_takes_the_lines_it_needs_and_no_more(
        qtbot: QtBot, width: int) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings(_findings("IDMSII"))
    panel.resize(width, 900)  # narrow, and tall enough that no scroll bar comes and goes
    panel.show()
    qtbot.waitExposed(panel)
    tree, style = panel.tree, panel.tree.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    concerns = panel.model.index(0, 0)
    assert panel.model.rowCount(concerns) >= 4
    for row in range(panel.model.rowCount(concerns)):
        index = panel.model.index(row, 0, concerns)
        option = QStyleOptionViewItem()
        tree.itemDelegate().initStyleOption(option, index)  # type: ignore[attr-defined]
        option.rect = tree.visualRect(index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)  # as the tree paints
        option.decorationSize = QSize(icon, icon)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, tree)
        # The style lays the line out a pixel wider than the text rect less its margins.
        needed = _wrapped_height(str(index.data()), option.font, text.width() - margin + 1)
        spacing = option.fontMetrics.lineSpacing()
        assert needed <= option.rect.height() < needed + spacing, index.data()


def _wrapped_height(text: str, font: QFont, width: int) -> float:
    """The height of ``text`` broken into lines of ``width`` as the style paints it."""
    layout = QTextLayout(text, font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(wrap)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return height


def test_history_panel_shown_with_no_timeline_asks_for_one(qtbot: QtBot) -> None:
    """Replaying the history reads the whole file: the panel asks the findings worker, never
    replays it on the window's thread."""
    contact_map = build_map([stakeholder("X")], [member("m")], {("m", "X"): "T"})
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    given = [GradeChange("1", cell("m", "X"), None, Grade.TRUST, datetime(2026, 1, 10, 9))]
    panel.show_timeline(contact_map, grade_distribution(given))
    panel.show()
    assert panel.timeline.points() == grade_distribution(given)
    panel.hide()
    panel.show_timeline(contact_map)  # another account, say, its chart not worked out yet
    with qtbot.waitSignal(panel.timeline_needed):
        panel.show()
    assert panel.timeline.points() == []  # the last chart is not left standing meanwhile
    assert panel.timeline.toolTip() == "Working out the timeline…"
