"""Blocks of grades as tab-separated text, the way spreadsheets copy and paste cells."""

from __future__ import annotations

import re
from collections.abc import Sequence

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade, grade_letter

GradeBlock = list[list[Grade | None]]
MAX_ERRORS_SHOWN = 3


def format_block(block: Sequence[Sequence[Grade | None]]) -> str:
    """Letters separated by tabs, rows by newlines; a blank cell is an empty field."""
    return "\n".join("\t".join(grade_letter(g) for g in row) for row in block) + "\n"


def parse_block(text: str) -> GradeBlock:
    """Read pasted text; every bad cell is named (row and column within the block).

    Letters or grade words in any case; an empty field clears the cell. Raises
    ValidationError when any cell is not a grade, so that nothing is changed.
    """
    lines = re.split(r"\r\n|\n|\r", text)
    if lines and lines[-1] == "":
        lines.pop()  # spreadsheets end the last row with a newline
    if not lines:
        raise ValidationError("The clipboard holds no cells to paste.")
    block: GradeBlock = []
    errors: list[str] = []
    for row_number, line in enumerate(lines, start=1):
        row: list[Grade | None] = []
        for column_number, field in enumerate(line.split("\t"), start=1):
            cleaned = field.strip().strip('"')
            try:
                row.append(Grade.parse(cleaned))
            except ValidationError:
                errors.append(f"row {row_number}, column {column_number} (“{cleaned[:20]}”)")
                row.append(None)
        block.append(row)
    if errors:
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN])
        more = f" and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > 3 else ""
        raise ValidationError(
            f"Nothing was pasted: {len(errors)} cell(s) are not grades: {shown}{more}. "
            "Use T, O, S, I, D, M or the grade words; leave a cell empty to clear it.")
    width = max(len(row) for row in block)
    return [row + [None] * (width - len(row)) for row in block]
