"""Paragraphs whose markup is parsed and whose lines are broken once, then reused.

Platypus asks a paragraph for its lines again and again at the same width (a table cell is
wrapped to size its row, to lay the table out and to draw it; a kept-together group to see
whether it fits and again to place it), and the letter's preview builds the whole letter
again at every keystroke, when all paragraphs but one are unchanged. Parsing the markup and
breaking the lines are most of what a paragraph costs, so the session keeps both for its most
recent paragraphs: the parsed fragments by (markup, style, faces), the broken lines by those
and the widths. A paragraph split across pages edits its lines and splits by its own
fragments, so one that splits drops its kept lines and breaks its own first. The preview
builds in its own thread while an export may build in the window's: the memory is changed
under a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

LIMIT = 4096  # paragraphs remembered: a few long documents' worth

Source = tuple[str, ParagraphStyle, Hashable]  # markup, style, the faces that placed its runs
Layout = tuple[Any, float]  # the broken lines and the widest line

_parsed: dict[Source, list[Any]] = {}
_lines: dict[Source, dict[tuple[float, ...], Layout]] = {}
_lock = threading.Lock()


def _remember(memory: dict[Any, Any], key: Any, value: Any) -> Any:
    """Keep ``value`` under ``key`` (unless there is one already: that one is returned)."""
    with _lock:
        if key not in memory and len(memory) >= LIMIT:
            del memory[next(iter(memory))]  # the oldest
        return memory.setdefault(key, value)


def forget() -> None:
    """Drop every kept paragraph (what a later export of all-new text starts from)."""
    with _lock:
        _parsed.clear()
        _lines.clear()


class LaidParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that breaks its lines once per width (and per session when it has a
    source, see :func:`laid_paragraph`)."""

    _source: Source | None = None

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - ReportLab's name
        widths = tuple(width) if isinstance(width, (list, tuple)) else (width,)
        known = (_remember(_lines, self._source, {}) if self._source is not None
                 else self.__dict__.setdefault("_own_lines", {}))
        if widths in known:
            lines, widest = known[widths]
            self._width_max = widest
            return lines
        lines = super().breakLines(width)
        known[widths] = lines, self._width_max
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        if self._source is not None:  # splitting edits the lines: nobody may reuse them
            with _lock:
                _lines.pop(self._source, None)
            self._source = None
            self.__dict__.pop("blPara", None)  # split breaks them again, from its own frags
        return list(super().split(availWidth, availHeight))


def laid_paragraph(markup: str, style: ParagraphStyle, faces: Hashable,
                   place: Callable[[list[Any]], list[Any]]) -> LaidParagraph:
    """``Paragraph(markup, style)`` with its fragments passed through ``place`` (which sets
    each run's face, from ``faces``), parsed and broken into lines once per session."""
    source: Source = (markup, style, faces)
    frags = _parsed.get(source)
    if frags is None:
        frags = _remember(_parsed, source, place(Paragraph(markup, style).frags))
    built = LaidParagraph(markup, style, frags=[frag.clone() for frag in frags])
    built._source = source
    return built
