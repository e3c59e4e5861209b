"""The printing settings kept in the workspace: paper size, our letterhead, the letter template."""

from __future__ import annotations

from typing import Any

from contactmap_desktop.domain.changes import NO_CHANGES, Changes
from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.services.settings_service import Setting, SettingsService


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


PAPER_SIZE: Setting[PaperSize] = Setting("print.paper_size", PaperSize.A4,
                                         lambda size: size.value, lambda raw: PaperSize(raw))
COMPANY_NAME: Setting[str] = Setting("print.company_name", "", lambda text: text, _text)
# A path to an image file on this computer; an empty path prints no logo.
LOGO_PATH: Setting[str] = Setting("print.logo_path", "", lambda text: text, _text)
LETTER_TEMPLATE: Setting[LetterTemplate] = Setting(
    "letters.template", LetterTemplate(), LetterTemplate.to_json, LetterTemplate.from_json)


class ReportSettings:
    """Shorthands over :class:`SettingsService` for what the printed documents need."""

    def __init__(self, settings: SettingsService) -> None:
        self._settings = settings

    def paper_size(self) -> PaperSize:
        return self._settings.get(PAPER_SIZE)

    def company_name(self) -> str:
        return self._settings.get(COMPANY_NAME)

    def logo_path(self) -> str:
        return self._settings.get(LOGO_PATH)

    def template(self) -> LetterTemplate:
        return self._settings.get(LETTER_TEMPLATE)

    def save(self, *, paper_size: PaperSize | None = None, company_name: str | None = None,
             logo_path: str | None = None, template: LetterTemplate | None = None) -> Changes:
        """Save the settings given (None leaves one as it is)."""
        changes = NO_CHANGES
        if paper_size is not None:
            changes |= self._settings.set(PAPER_SIZE, paper_size)
        if company_name is not None:
            changes |= self._settings.set(COMPANY_NAME, company_name.strip())
        if logo_path is not None:
            changes |= self._settings.set(LOGO_PATH, logo_path.strip())
        if template is not None:
            changes |= self._settings.set(LETTER_TEMPLATE, template)
        return changes
