"""The reference text (strategies, buying roles, grades), read from editable JSON files.

The text is data so it can be edited and translated without touching code: one file per kind
(``strategies.json``, ``roles.json``, ``grades.json``); a translation sits beside it as
``strategies.fr.json`` and is used when that language is asked for.

Every entry names the passage of the method's articles it comes from (``source``), so nothing
is put in the method's mouth; the app's own advice sits in fields of its own (a strategy's
``suggested_use`` and ``suggested_cautions``) that the panels label as the app's suggestion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.blueprints import Strategy
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.people import BuyingRole

# The method's articles by number (their file names in the method folder start with it).
ARTICLES: dict[str, str] = {
    "000": "Get the Next Contract With Your New Favorite Enterprise Customer",
    "001": "Growing Business with Existing Customers — The Four Steps",
    "002": "The sponsor letter",
    "003": "Getting from Pilot Programs to Long Term Contracts",
    "004": "Build a Contact Plan for Managing Enterprise Relationships",
}


@dataclass(frozen=True)
class Source:
    """Where an entry comes from: an article's number and a short quote or pointer."""

    article: str
    passage: str

    @property
    def citation(self) -> str:
        """“Article 004, Build a Contact Plan…: Trust: “Your advice is actively sought””."""
        return f"Article {self.article} ({ARTICLES[self.article]}) — {self.passage}"


@dataclass(frozen=True)
class StrategyGuide:
    strategy: Strategy
    name: str
    principle: str
    what_it_is: str
    examples: tuple[str, ...]
    cautions: tuple[str, ...]  # from the article (may be none)
    source: Source
    # The app's own advice, not the method's: shown labelled as a suggestion.
    suggested_use: str
    suggested_cautions: tuple[str, ...]

    @property
    def title(self) -> str:
        """“IOU (Reciprocity)”."""
        return f"{self.name} ({self.principle})"


@dataclass(frozen=True)
class RoleGuide:
    role: BuyingRole
    name: str
    summary: str
    look_for: tuple[str, ...]
    watch_out_for: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class GradeGuide:
    grade: Grade
    name: str
    definition: str
    signs: tuple[str, ...]
    opens_up: bool  # True: what the grade opens up; False: what it puts at risk
    outlook: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class Reference:
    """All reference text, in the method's order (strategies as listed, grades top down)."""

    strategies: tuple[StrategyGuide, ...]
    roles: tuple[RoleGuide, ...]
    grades: tuple[GradeGuide, ...]

    def strategy(self, strategy: Strategy) -> StrategyGuide:
        return next(g for g in self.strategies if g.strategy is strategy)

    def role(self, role: BuyingRole) -> RoleGuide:
        return next(g for g in self.roles if g.role is role)

    def grade(self, grade: Grade) -> GradeGuide:
        return next(g for g in self.grades if g.grade is grade)


class _Reader:
    """Reads one file and names the file and entry in every complaint."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise ValidationError(f"Cannot read {path.name}: {error.strerror}.") from None
        except (ValueError, UnicodeDecodeError) as error:
            raise ValidationError(f"{path.name} is not valid JSON ({error}).") from None
        if not isinstance(loaded, dict):
            raise ValidationError(f"{path.name} must hold a JSON object.")
        self.data: dict[str, Any] = loaded

    def entries(self, kind: str) -> list[dict[str, Any]]:
        entries = self.data.get(kind)
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ValidationError(f'{self.path.name} needs a "{kind}" list of objects.')
        return entries

    def text(self, entry: dict[str, Any], field: str) -> str:
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(
                f'{self.path.name}: "{entry.get("key", "?")}" needs a non-empty "{field}".'
            )
        return value.strip()

    def texts(self, entry: dict[str, Any], field: str, may_be_empty: bool = False
              ) -> tuple[str, ...]:
        value = entry.get(field, [] if may_be_empty else None)
        if (
            not isinstance(value, list)
            or not (value or may_be_empty)
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise ValidationError(
                f'{self.path.name}: "{entry.get("key", "?")}" needs a non-empty list '
                f'of texts in "{field}".'
            )
        return tuple(v.strip() for v in value)

    def source(self, entry: dict[str, Any]) -> Source:
        """The article passage an entry comes from: required, so no entry goes unsourced."""
        value = entry.get("source")
        key = entry.get("key", "?")
        if not isinstance(value, dict) or value.get("article") not in ARTICLES:
            raise ValidationError(
                f'{self.path.name}: "{key}" needs a "source" naming one of the method\'s '
                f"articles ({', '.join(ARTICLES)}).")
        return Source(str(value["article"]), self.text({"key": key, **value}, "passage"))

    def check_complete(self, found: list[str], expected: list[str]) -> None:
        missing = [key for key in expected if key not in found]
        if missing or len(found) != len(set(found)):
            problem = f"is missing {', '.join(missing)}" if missing else "repeats an entry"
            raise ValidationError(f"{self.path.name} {problem}.")


def _file(directory: Path, kind: str, language: str | None) -> Path:
    if language:
        translated = directory / f"{kind}.{language}.json"
        if translated.exists():
            return translated
    return directory / f"{kind}.json"


def load_strategies(path: Path) -> tuple[StrategyGuide, ...]:
    reader = _Reader(path)
    entries = reader.entries("strategies")
    reader.check_complete([str(e.get("key")) for e in entries], [s.value for s in Strategy])
    guides = {
        Strategy(e["key"]): StrategyGuide(
            strategy=Strategy(e["key"]),
            name=reader.text(e, "name"),
            principle=reader.text(e, "principle"),
            what_it_is=reader.text(e, "what_it_is"),
            examples=reader.texts(e, "examples"),
            cautions=reader.texts(e, "cautions", may_be_empty=True),
            source=reader.source(e),
            suggested_use=reader.text(e, "suggested_use"),
            suggested_cautions=reader.texts(e, "suggested_cautions", may_be_empty=True),
        )
        for e in entries
    }
    return tuple(guides[s] for s in Strategy)


def load_roles(path: Path) -> tuple[RoleGuide, ...]:
    reader = _Reader(path)
    entries = reader.entries("roles")
    reader.check_complete([str(e.get("key")) for e in entries], [r.badge for r in BuyingRole])
    guides = {
        BuyingRole(e["key"]): RoleGuide(
            role=BuyingRole(e["key"]),
            name=reader.text(e, "name"),
            summary=reader.text(e, "summary"),
            look_for=reader.texts(e, "look_for"),
            watch_out_for=reader.texts(e, "watch_out_for"),
            source=reader.source(e),
        )
        for e in entries
    }
    return tuple(guides[r] for r in BuyingRole)


def load_grades(path: Path) -> tuple[GradeGuide, ...]:
    reader = _Reader(path)
    entries = reader.entries("grades")
    reader.check_complete([str(e.get("key")) for e in entries], [g.letter for g in Grade])
    guides: dict[Grade, GradeGuide] = {}
    for e in entries:
        kind = reader.text(e, "outlook_kind")
        if kind not in ("opens", "risks"):
            raise ValidationError(
                f'{path.name}: "{e["key"]}" has outlook_kind "{kind}"; use "opens" or "risks".'
            )
        guides[Grade(e["key"])] = GradeGuide(
            grade=Grade(e["key"]),
            name=reader.text(e, "name"),
            definition=reader.text(e, "definition"),
            signs=reader.texts(e, "signs"),
            opens_up=kind == "opens",
            outlook=reader.texts(e, "outlook"),
            source=reader.source(e),
        )
    return tuple(guides[g] for g in GRADES_TOP_DOWN)


def load_reference(directory: Path, language: str | None = None) -> Reference:
    """Read the three files from ``directory``, preferring a translation into ``language``."""
    return Reference(
        strategies=load_strategies(_file(directory, "strategies", language)),
        roles=load_roles(_file(directory, "roles", language)),
        grades=load_grades(_file(directory, "grades", language)),
    )
