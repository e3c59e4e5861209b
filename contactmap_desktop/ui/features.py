"""The window's features, each installed by one function: docks, tabs, menu commands.

To add a feature, write ``install(window: MainWindow) -> None`` in its own module and list
it here; the order is the order of docks and menu entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contactmap_desktop.ui.main_window import MainWindow

Installer = Callable[["MainWindow"], None]

INSTALLERS: list[Installer] = []
