"""Reading PDFs back in tests: their text (poppler's pdftotext) and a rendered page's ink."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="needs poppler-utils (scripts/install-system-packages.sh)")


def pdf_text(path: Path, *, layout: bool = False) -> str:
    command = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def word_boxes(path: Path, page: int = 1) -> list[tuple[str, float, float]]:
    """The words of page ``page`` as pdftotext finds them: (text, left x, right x) in points."""
    command = ["pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l", str(page),
               str(path), "-"]
    html = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [(unescape(text), float(left), float(right)) for left, right, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        html)]


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def rendered_page(path: Path, page: int, folder: Path) -> Path:
    """Page ``page`` (1-based) as a PPM image file."""
    stem = folder / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile",
                    str(path), str(stem)], check=True)
    return stem.with_suffix(".ppm")


def ink_share(ppm: Path) -> float:
    """Share of pixels that are not white in a binary PPM (P6) image."""
    data = ppm.read_bytes()
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:  # magic, width, height, max value; comments are not written
        while data[position:position + 1].isspace():
            position += 1
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    pixels = data[position + 1:]
    width, height = int(fields[1]), int(fields[2])
    inked = sum(1 for i in range(0, width * height * 3, 3) if pixels[i:i + 3] != b"\xff\xff\xff")
    return inked / (width * height)



def pdf_fonts(path: Path) -> dict[str, bool]:
    """Every font the pages use: its base name (subset prefix removed) -> embedded or not."""
    from pypdf import PdfReader

    fonts: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources")
        for font in (resources.get_object().get("/Font", {}) if resources else {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            descriptor = font.get("/FontDescriptor")
            fonts[name] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts
