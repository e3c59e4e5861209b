"""The splash shown while the workspace opens: the app's name, its grade scale, and the file."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.paths import resource
from contactmap_desktop.ui.core.theme import grade_colors

SIZE = QSize(460, 250)
MARGIN = 28
ICON = 80
CHIP = 26


class StartupSplash(QWidget):
    """Painted before anything else loads, so it needs nothing but Qt and the palette.

    A plain splash-screen window rather than QSplashScreen, which waits up to a second for
    the window system to confirm it is exposed (forever, on some platforms) before painting.
    """

    def __init__(self, workspace_name: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("startupSplash")
        self.setAccessibleName(f"ContactMap Desktop is opening {workspace_name}")
        self._pixmap = _splash_pixmap(workspace_name, QGuiApplication.palette())
        self.setFixedSize(SIZE)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).drawPixmap(0, 0, self._pixmap)


def _splash_pixmap(workspace_name: str, palette: QPalette) -> QPixmap:
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    pixmap = QPixmap(SIZE * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text, muted = palette.color(QPalette.ColorRole.WindowText), palette.color(
        QPalette.ColorRole.PlaceholderText)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.drawRect(0, 0, SIZE.width() - 1, SIZE.height() - 1)
    # One PNG, scaled: choosing among the icon's sizes costs the first frame more.
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawPixmap(QRect(MARGIN, MARGIN, ICON, ICON),
                       QPixmap(str(resource("icons", "contactmap-128.png"))))

    left = MARGIN + ICON + 20
    width = SIZE.width() - left - MARGIN
    title = QFont(painter.font())
    title.setPointSizeF(title.pointSizeF() * 1.7)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(text)
    painter.drawText(QRect(left, MARGIN + 6, width, 36), Qt.AlignmentFlag.AlignLeft,
                     "ContactMap Desktop")
    small = QFont(painter.font())
    small.setPointSizeF(title.pointSizeF() / 1.7)
    small.setBold(False)
    painter.setFont(small)
    painter.setPen(muted)
    painter.drawText(QRect(left, MARGIN + 44, width, 22), Qt.AlignmentFlag.AlignLeft,
                     "Every relationship in the account, at a glance")

    bold = QFont(small)
    bold.setBold(True)
    # The grade scale, strongest first, as the map shows it: colour and letter.
    top = MARGIN + ICON + 26
    for position, grade in enumerate(Grade):
        background, letter = grade_colors(palette, grade)
        chip = QRect(MARGIN + position * (CHIP + 6), top, CHIP, CHIP)
        painter.fillRect(chip, background)
        painter.setPen(letter)
        painter.setFont(bold)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, grade.letter)

    painter.setFont(small)
    painter.setPen(muted)
    opening = painter.fontMetrics().elidedText(f"Opening {workspace_name}…",
                                               Qt.TextElideMode.ElideMiddle,
                                               SIZE.width() - 2 * MARGIN)
    painter.drawText(QRect(MARGIN, SIZE.height() - MARGIN - 20, SIZE.width() - 2 * MARGIN, 20),
                     Qt.AlignmentFlag.AlignLeft, opening)
    painter.end()
    return pixmap
