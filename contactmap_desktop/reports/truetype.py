"""Loading a TrueType face for ReportLab in a few milliseconds instead of tens.

ReportLab reads every glyph's metrics and location one number at a time when it registers a
face, which costs about 70 ms for the CJK face (49,000 glyphs) and 10 ms for each DejaVu face,
in every session that prints a name needing one. :class:`QuickTTFont` reads the same tables in
bulk: the character map and widths (what line breaking needs) at once, the glyph metrics and
locations (what the subset written into a PDF needs, a few glyphs per document) on demand.
The result is the font ReportLab would build; a face whose character map is not in format 12
(the one our faces use) is read by ReportLab's own code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from struct import unpack_from
from typing import Any, overload
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace

SEGMENTED_COVERAGE = 12  # the cmap format that maps all of Unicode in groups of codes


class _Table(Sequence[Any]):
    """A read-only list whose items are read from the font file when asked for."""

    def __init__(self, read: Callable[[int], Any], count: int) -> None:
        self._read, self._count = read, count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._read(item) for item in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self._read(index)


class _GlyphTable:
    """The glyph outlines as ``makeSubset`` reads them, one slice per glyph, without copying
    the whole table (3.5 MB in the CJK face) for every subset written."""

    def __init__(self, data: bytes, start: int, length: int) -> None:
        self._data, self._start, self._length = data, start, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, part: slice) -> bytes:
        begin, end, _step = part.indices(self._length)
        return self._data[self._start + begin:self._start + end]


class _QuickFace(TTFontFace):  # type: ignore[misc]
    """ReportLab's face, with the per-glyph tables read in bulk or on demand."""

    def get_table(self, tag: str) -> Any:
        if tag == "glyf":
            return _GlyphTable(self._ttf_data, *self.get_table_pos(tag))
        return super().get_table(tag)

    def extractInfo(self, charInfo: int = 1) -> None:
        super().extractInfo(0)  # names, header, weight and flags: quick
        if not charInfo:
            return
        data: bytes = self._ttf_data
        head = self.get_table_pos("head")[0]
        location_format, glyph_format = unpack_from(">HH", data, head + 50)
        cmap = self._unicode_cmap()
        if (cmap is None or glyph_format != 0 or location_format > 1
                or unpack_from(">H", data, cmap)[0] != SEGMENTED_COVERAGE):
            super().extractInfo(charInfo)  # anything unusual: ReportLab's reading, errors too
            return
        self.charToGlyph = self._char_to_glyph(cmap)
        self._read_widths()
        self._read_locations(location_format)
        # As ReportLab does: a no-break space prints like a space (and the reverse).
        self._aliased: tuple[int, int | None] | None = None  # (code, its own glyph)
        for present, absent in ((0x20, 0xA0), (0xA0, 0x20)):
            if present in self.charToGlyph:
                self._aliased = absent, self.charToGlyph.get(absent)
                self.charToGlyph[absent] = self.charToGlyph[present]
                self.charWidths[absent] = self.charWidths[present]
                break

    def _unicode_cmap(self) -> int | None:
        """The file offset of the character map ReportLab would pick (its rules, in order)."""
        data: bytes = self._ttf_data
        start = self.get_table_pos("cmap")[0]
        version, count = unpack_from(">HH", data, start)
        if count == 0 and version != 0:
            count = version
        chosen, kind = None, 0
        for number in range(count):
            platform, encoding, offset = unpack_from(">HHL", data, start + 4 + 8 * number)
            if platform == 3 or (platform == 1 and encoding == 1) or (
                    platform == 0 and encoding != 5):
                chosen, kind = offset, 1
            elif platform == 1 and encoding == 0 and kind != 1:
                chosen, kind = offset, 2
        return None if chosen is None else start + chosen

    def _char_to_glyph(self, cmap: int) -> dict[int, int]:
        data: bytes = self._ttf_data
        groups = unpack_from(">L", data, cmap + 12)[0]
        values = unpack_from(f">{3 * groups}L", data, cmap + 16)
        mapping: dict[int, int] = {}
        for first, last, glyph in zip(values[0::3], values[1::3], values[2::3], strict=True):
            count = last - first + 1
            mapping.update(zip(range(first, last + 1), range(glyph, glyph + count), strict=True))
        return mapping

    def _read_widths(self) -> None:
        data: bytes = self._ttf_data
        glyphs: int = self.numGlyphs
        full = unpack_from(">H", data, self.get_table_pos("hhea")[0] + 34)[0]
        hmtx = self.get_table_pos("hmtx")[0]
        advances = unpack_from(f">{2 * full}H", data, hmtx)[0::2]
        factor = 1000 / self.unitsPerEm
        widths = [advance * factor for advance in advances]
        last = widths[-1]  # glyphs past the full records share the last advance
        self.defaultWidth = widths[0]
        self.charWidths = {char: widths[glyph] if glyph < full else last
                           for char, glyph in self.charToGlyph.items() if glyph < glyphs}

        def metric(glyph: int) -> tuple[int, int]:
            if glyph < full:
                advance, bearing = unpack_from(">HH", data, hmtx + 4 * glyph)
                return advance, bearing
            return advances[-1], unpack_from(">H", data, hmtx + 4 * full + 2 * (glyph - full))[0]

        self.hmetrics = _Table(metric, glyphs)

    def _read_locations(self, location_format: int) -> None:
        data: bytes = self._ttf_data
        if "loca" not in self.table:
            raise TTFError("missing location table")
        loca = self.get_table_pos("loca")[0]
        if location_format == 0:
            self.glyphPos = _Table(lambda glyph: unpack_from(">H", data, loca + 2 * glyph)[0] << 1,
                                   self.numGlyphs + 1)
        else:
            self.glyphPos = _Table(lambda glyph: unpack_from(">L", data, loca + 4 * glyph)[0],
                                   self.numGlyphs + 1)

    @cached_property
    def glyphToChar(self) -> dict[int, list[int]]:
        """Only text shaping asks for it; built then, as ReportLab builds it."""
        aliased, own_glyph = self._aliased or (None, None)
        mapping: dict[int, list[int]] = {}
        for char, glyph in self.charToGlyph.items():
            source = own_glyph if char == aliased else glyph
            if source is not None:
                mapping.setdefault(source, []).append(char)
        return mapping


class QuickTTFont(TTFont):  # type: ignore[misc]
    """``TTFont(name, path)``, loaded through :class:`_QuickFace`."""

    def __init__(self, name: str, path: str) -> None:
        # TTFont.__init__ with its face class swapped (it names the class inside).
        self.fontName = name
        self.face = _QuickFace(path)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        # These faces print letter by letter; the shaped ones are ReportLab's own TTFont.
        self.shapable = False
