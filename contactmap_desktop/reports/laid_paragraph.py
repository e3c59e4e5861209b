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
under a lock. Lines with text in a shaped face are shaped and put in display order once they
are broken (:mod:`shaping`); a paragraph that splits splits its unshaped lines, so that the
part carried to the next page is broken and shaped from the text as read.

A long document built once (the Contact Map of a large account, hundreds of pages) keeps a
memory of its own for the time of its build (:func:`memory_of_its_own`): its paragraphs would
push the letter's out, and outlive it as tens of thousands of objects that the window's
collector walks (56,000 after the 1,000-person map).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from contactmap_desktop.reports.shaping import finish_lines, needs_finishing, paragraph_base

LIMIT = 4096  # paragraphs remembered: a few long documents' worth

Source = tuple[str, ParagraphStyle, Hashable]  # markup, style, the faces that placed its runs
Layout = tuple[Any, float]  # the broken lines and the widest line

Parsed = dict[Source, list[Any]]
Lines = dict[Source, dict[tuple[float, ...], Layout]]

_parsed: Parsed = {}
_lines: Lines = {}
_lock = threading.Lock()
_own = threading.local()  # ``memory``: this thread's own, while it builds a long document


def _memory() -> tuple[Parsed, Lines]:
    own: tuple[Parsed, Lines] | None = getattr(_own, "memory", None)
    return own if own is not None else (_parsed, _lines)


@contextmanager
def memory_of_its_own() -> Iterator[None]:
    """Paragraphs laid out on this thread meanwhile are kept until the end only."""
    _own.memory = ({}, {})
    try:
        yield
    finally:
        _own.memory = None


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
    _splitting = False

    def breakLines(self, width: Any) -> Any:
        if self._splitting:  # split cuts the lines as read: nothing kept, nothing shaped
            return super().breakLines(width)
        widths = tuple(width) if isinstance(width, (list, tuple)) else (width,)
        known = (_remember(_memory()[1], self._source, {}) if self._source is not None
                 else self.__dict__.setdefault("_own_lines", {}))
        if widths in known:
            lines, widest = known[widths]
            self._width_max = widest
            return lines
        lines = self._finished(super().breakLines(width))
        known[widths] = lines, self._width_max
        return lines

    def _finished(self, lines: Any) -> Any:
        """``lines`` shaped and in display order, when the paragraph has text that needs it."""
        if (getattr(lines, "kind", 0) == 1 and not getattr(lines, "finished", False)
                and needs_finishing(self.frags)):
            finish_lines(lines.lines, paragraph_base(self.frags))
            lines.finished = True
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if self._source is not None:  # splitting edits the lines: nobody may reuse them
            with _lock:
                _memory()[1].pop(self._source, None)
            self._source = None
        self.__dict__.pop("blPara", None)  # split breaks them again, from its own frags
        self._splitting = True
        try:
            parts = list(super().split(availWidth, availHeight))
        finally:
            self._splitting = False
        for part in parts[:1]:  # the part that stays keeps the lines split broke
            if isinstance(part, LaidParagraph) and "blPara" in part.__dict__:
                part._finished(part.blPara)
        return parts


def laid_paragraph(markup: str, style: ParagraphStyle, faces: Hashable,
                   place: Callable[[list[Any]], list[Any]]) -> LaidParagraph:
    """``Paragraph(markup, style)`` with its fragments passed through ``place`` (which sets
    each run's face, from ``faces``), parsed and broken into lines once per session."""
    source: Source = (markup, style, faces)
    parsed = _memory()[0]
    frags = parsed.get(source)
    if frags is None:
        frags = _remember(parsed, source, place(Paragraph(markup, style).frags))
    built = LaidParagraph(markup, style, frags=[frag.clone() for frag in frags])
    built._source = source
    return built
