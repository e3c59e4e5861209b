"""The shipped reference text loads completely; a broken or partial file is named."""

import json
import os
import re
from pathlib import Path

import pytest

from contactmap_desktop.domain.blueprints import Strategy
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.domain.reference import (
    ARTICLES,
    load_reference,
    load_roles,
    load_strategies,
)
from contactmap_desktop.paths import resource

REFERENCE = resource("reference")
# The articles themselves are not shipped; where a copy is at hand, quotes are checked against it.
# The articles sit in shared/method beside the checkout (as CI lays it out too).
METHOD = Path(os.environ.get("CONTACTMAP_METHOD_DIR",
                             Path(__file__).resolve().parents[3].parent / "shared" / "method"))


def test_all_six_strategies_are_present_with_every_field_filled() -> None:
    strategies = load_reference(REFERENCE).strategies
    assert [g.strategy for g in strategies] == list(Strategy)
    for guide in strategies:
        for text in (guide.name, guide.principle, guide.what_it_is, guide.suggested_use):
            assert text.strip()
        assert guide.examples and all(e.strip() for e in guide.examples)
        assert guide.cautions or guide.suggested_cautions
    assert load_reference(REFERENCE).strategy(Strategy.RECIPROCITY).title == "IOU (Reciprocity)"


def test_the_four_roles_and_six_grades_are_complete_and_in_order() -> None:
    reference = load_reference(REFERENCE)
    assert [g.role for g in reference.roles] == list(BuyingRole)
    assert all(g.summary and g.look_for and g.watch_out_for for g in reference.roles)
    assert [g.grade for g in reference.grades] == list(GRADES_TOP_DOWN)
    assert all(g.definition and g.signs and g.outlook for g in reference.grades)
    # The top three grades open things up; the bottom three put things at risk.
    assert [g.opens_up for g in reference.grades] == [True, True, True, False, False, False]
    assert reference.grade(Grade.MOTIVATED).name == "Motivated to change"


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_missing_strategy_is_named(tmp_path: Path) -> None:
    data = json.loads((REFERENCE / "strategies.json").read_text(encoding="utf-8"))
    data["strategies"] = [s for s in data["strategies"] if s["key"] != "scarcity"]
    with pytest.raises(ValidationError, match="strategies.json is missing scarcity"):
        load_strategies(_write(tmp_path / "strategies.json", data))


def test_an_empty_field_is_named(tmp_path: Path) -> None:
    data = json.loads((REFERENCE / "strategies.json").read_text(encoding="utf-8"))
    data["strategies"][2]["examples"] = []
    with pytest.raises(ValidationError, match='"social_proof" needs a non-empty list'):
        load_strategies(_write(tmp_path / "strategies.json", data))


def test_a_file_that_is_not_json_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "strategies.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid JSON"):
        load_strategies(path)


def test_a_translation_beside_the_file_is_preferred(tmp_path: Path) -> None:
    for name in ("strategies.json", "roles.json", "grades.json"):
        (tmp_path / name).write_text((REFERENCE / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    data = json.loads((REFERENCE / "strategies.json").read_text(encoding="utf-8"))
    data["strategies"][0]["name"] = "Donnant-donnant"
    _write(tmp_path / "strategies.fr.json", data)
    assert load_reference(tmp_path, "fr").strategies[0].name == "Donnant-donnant"
    assert load_reference(tmp_path, "de").strategies[0].name == "IOU"


def _every_source() -> list[tuple[str, str, str]]:
    reference = load_reference(REFERENCE)
    guides = (*reference.strategies, *reference.roles, *reference.grades)
    return [(g.name, g.source.article, g.source.passage) for g in guides]


@pytest.mark.parametrize(("name", "article", "passage"), _every_source())
def test_every_entry_names_the_article_passage_it_comes_from(
        name: str, article: str, passage: str) -> None:
    """Nothing is attributed to the method that the articles do not say: each entry points at
    its article and quotes a few of its words (a pointer, not a copy)."""
    assert article in ARTICLES
    for quote in re.findall("“([^”]*)”", passage):
        assert len(quote.split()) <= 12, name
    assert "“" in passage, name


def test_an_entry_without_a_source_is_refused(tmp_path: Path) -> None:
    data = json.loads((REFERENCE / "roles.json").read_text(encoding="utf-8"))
    del data["roles"][3]["source"]
    with pytest.raises(ValidationError, match='"E" needs a "source"'):
        load_roles(_write(tmp_path / "roles.json", data))


def test_the_apps_own_advice_is_kept_apart_from_the_method() -> None:
    """The issue's examples: no “When it fits” in the articles, and the gift-rules caution is
    the app's; the article's own IOU caution (“offered without an explicit expectation”)
    stays with the method."""
    guide = load_reference(REFERENCE).strategy(Strategy.RECIPROCITY)
    assert any("no strings attached" in c for c in guide.cautions)
    assert any("gifts" in c for c in guide.suggested_cautions)
    assert not any("gifts" in c for c in guide.cautions)
    assert guide.suggested_use


@pytest.mark.skipif(not METHOD.is_dir(), reason="the method's articles are not on this machine")
@pytest.mark.parametrize(("name", "article", "passage"), _every_source())
def test_each_quoted_passage_is_in_its_article(name: str, article: str, passage: str) -> None:
    [file] = METHOD.glob(f"{article}_*.txt")
    text = " ".join(file.read_text(encoding="utf-8").replace("’", "'").split())
    for quote in re.findall("“([^”]*)”", passage):
        assert " ".join(quote.replace("’", "'").split()) in text, name
