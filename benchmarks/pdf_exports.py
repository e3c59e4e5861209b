"""PDF figures: the sponsor letter against plain ReportLab, and the Contact Map of a big account.

The letter is the sample account's (two pages). Its floor is a plain ReportLab document of
the same paragraphs in a built-in font: what any letter costs before our fonts, letterhead,
tables and escaping. Each side is built in its own fresh interpreter, so neither reuses what
the other loaded (modules, registered fonts); the first build there is the "first export" of
a session, the second the ones after it.
"""

from __future__ import annotations

import io
import json
import pickle
import statistics
import tempfile
from pathlib import Path

from benchmarks.large_account import LargeAccount
from benchmarks.measure import Figure, alternate, compared, median_seconds, run_child
from contactmap_desktop.reports.sponsor_letter_pdf import SponsorLetterDocument
from contactmap_desktop.services.letter_report import Letterhead, letter_document
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.map_report import contact_map_document
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import open_workspace

# The letter travels as domain values only, so that unpickling it loads no ReportLab: both
# sides start their clocks before ReportLab is imported.
APP_LETTER = """
import json, pickle, sys, time
letter, template, company, logo, paper = pickle.loads(open(sys.argv[1], "rb").read())
started = time.perf_counter()
from contactmap_desktop.reports.sponsor_letter_pdf import (
    SponsorLetterDocument, build_sponsor_letter_pdf)
from contactmap_desktop.domain.paper import PaperSize
document = SponsorLetterDocument(letter, template, company, logo, PaperSize(paper))
build_sponsor_letter_pdf(document)
first = time.perf_counter()
build_sponsor_letter_pdf(document)
later = time.perf_counter()
# A later export in which every paragraph is new (nothing laid out before to reuse).
from contactmap_desktop.reports import laid_paragraph
laid_paragraph.forget()
cleared = time.perf_counter()
build_sponsor_letter_pdf(document)
print(json.dumps({"first": first - started, "next": later - first,
                  "new": time.perf_counter() - cleared}))
"""

# The floor: the same paragraphs in plain platypus. With "fonts" it embeds TrueType faces
# (stock ReportLab loading, DejaVu Sans for all text, CJK runs in Droid Sans Fallback), as the
# app did before it printed standard-font text in Helvetica: the cost of embedding everything.
PLAIN_LETTER = """
import json, sys, time
paragraphs = json.loads(open(sys.argv[1], encoding="utf-8").read())
with_fonts = sys.argv[2] == "fonts"
if with_fonts:  # as loaded before the clock by the app's side, which unpickles its letter
    import contactmap_desktop.domain.letters
def build():
    import io
    from xml.sax.saxutils import escape
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    body = getSampleStyleSheet()["BodyText"]
    text = escape
    if with_fonts:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from contactmap_desktop.reports.fonts import font_dirs
        from contactmap_desktop.reports.markup import Script, script_runs
        def face(name, file_name):
            if name not in pdfmetrics.getRegisteredFontNames():
                path = next(folder / file_name for folder in font_dirs()
                            if (folder / file_name).is_file())
                pdfmetrics.registerFont(TTFont(name, str(path)))
        face("PlainSans", "DejaVuSans.ttf")
        face("PlainCJK", "DroidSansFallbackFull.ttf")
        body = body.clone("Body", fontName="PlainSans")
        text = lambda value: "".join(
            f'<font name="PlainCJK">{escape(piece)}</font>' if script is Script.CJK
            else escape(piece) for script, piece in script_runs(value))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(
        [Paragraph(text(value), body) for value in paragraphs])
started = time.perf_counter()
build()
first = time.perf_counter()
build()
print(json.dumps({"first": first - started, "next": time.perf_counter() - first}))
"""


def letter_paragraphs(document: SponsorLetterDocument) -> list[str]:
    """Every text the printed letter shows, one paragraph each, headings included."""
    letter, template = document.letter, document.template
    texts = [document.company_name, letter.addressee_name, letter.addressee_title,
             letter.addressee_company, letter.letter_date.isoformat(), letter.subject,
             template.greeting(letter.addressee_name.split(" ")[0]), template.opening,
             template.recap_heading, template.pain_heading]
    for pain in letter.pains:
        texts += [pain.quote, pain.said_by]
    texts += [template.current_method_heading, letter.current_method, template.results_heading,
              letter.results, template.impact_heading, letter.impact, template.solution_heading,
              letter.solution, template.value_heading, letter.value,
              template.next_steps_heading, template.next_steps_intro]
    for milestone in letter.milestones:
        texts += [milestone.step, milestone.owner,
                  milestone.due.isoformat() if milestone.due else "", milestone.criterion]
    texts += [letter.closing_note, template.closing, letter.sender_name, letter.sender_title,
              letter.signature]
    return [text for text in texts if text.strip()]


def sample_letter(folder: Path) -> SponsorLetterDocument:
    opened = open_workspace(folder / "sample.cmap", with_sample=True,
                            backups_root=folder / "backups")
    try:
        account = opened.accounts.list_accounts()[0]
        letter = LetterService(opened.workspace).list_for_account(account.id)[0]
        return letter_document(letter,
                               Letterhead.read(ReportSettings(SettingsService(opened.workspace))))
    finally:
        opened.workspace.close()
        if opened.lock is not None:
            opened.lock.release()


def letter_figures(runs: int) -> list[Figure]:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        document = sample_letter(folder)
        pickled, paragraphs = folder / "letter.pickle", folder / "paragraphs.json"
        pickled.write_bytes(pickle.dumps((document.letter, document.template,
                                          document.company_name, document.logo_path,
                                          document.paper.value)))
        paragraphs.write_text(json.dumps(letter_paragraphs(document)), encoding="utf-8")
        samples: dict[str, list[dict[str, float]]] = {"app": [], "plain": [], "fonts": []}

        def side(name: str, code: str, *args: str) -> float:
            result = run_child(code, *args)
            samples[name].append(result)
            return result["first"]

        alternate({"app": lambda: side("app", APP_LETTER, str(pickled)),
                   "plain": lambda: side("plain", PLAIN_LETTER, str(paragraphs), "builtin"),
                   "fonts": lambda: side("fonts", PLAIN_LETTER, str(paragraphs), "fonts")},
                  runs)
    def median(name: str, key: str) -> float:
        return statistics.median(sample[key] for sample in samples[name])

    pages = _pages(_letter_bytes(document))
    return [
        compared("5 PDF", f"sponsor letter ({pages} pages), first export", median("app", "first"),
                 median("plain", "first"), "s", 1.5,
                 "fresh process; floor: same paragraphs, plain ReportLab, built-in font"),
        compared("5 PDF", "sponsor letter, later exports", median("app", "next"),
                 median("plain", "next"), "s", 1.5,
                 "second build in the same process (reuses the first's laid-out paragraphs)"),
        compared("5 PDF", "sponsor letter, later export with every paragraph new",
                 median("app", "new"), median("plain", "next"), "s", None,
                 "same process, nothing laid out before to reuse"),
        compared("5 PDF", "sponsor letter, first export, against plain embedding TrueType",
                 median("app", "first"), median("fonts", "first"), "s", None,
                 "floor embeds DejaVu for all text, CJK in Droid (stock loading)"),
        compared("5 PDF", "sponsor letter, later exports, against plain embedding TrueType",
                 median("app", "next"), median("fonts", "next"), "s", None),
    ]


def _letter_bytes(document: SponsorLetterDocument) -> bytes:
    from contactmap_desktop.reports.sponsor_letter_pdf import build_sponsor_letter_pdf

    return build_sponsor_letter_pdf(document)


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def contact_map_figures(account: LargeAccount, runs: int) -> list[Figure]:
    """Time to print the account's Contact Map (findings and power map included), and pages."""
    from contactmap_desktop.reports.contact_map_pdf import build_contact_map_pdf

    with tempfile.TemporaryDirectory() as temp:
        opened = open_workspace(account.path, backups_root=Path(temp))
        try:
            built: list[bytes] = []
            seconds = median_seconds(lambda: built.append(build_contact_map_pdf(
                contact_map_document(opened, account.account_id))), runs)
        finally:
            opened.close()
    pages = _pages(built[-1])
    size = f"{len(account.stakeholder_ids):,} × {len(account.team_member_ids):,}"
    return [
        Figure("5 PDF", f"Contact Map PDF of {size}", seconds, "s",
               note=f"{pages:,} pages, {len(built[-1]) / 1e6:.1f} MB"),
        Figure("5 PDF", f"Contact Map PDF of {size}, per page", seconds / pages, "s"),
    ]
