"""Names in every script the PDFs print, and an international account built from them."""

from __future__ import annotations

from dataclasses import replace

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.model import Account, TeamMember
from tests.helpers.org_charts import synthetic_org

# One name per script (and a title in the same script where the script has words for it).
CORPUS: dict[str, tuple[str, str]] = {
    "latin": ("Zoë Łukasiewicz-Ørsted", "Directrice générale"),
    "greek": ("Ελένη Παπαδοπούλου", "Διευθύντρια"),
    "cyrillic": ("Светлана Иванова", "Финансовый директор"),
    "arabic": ("محمد بن سلمان", "المدير المالي"),
    "hebrew": ("שרה לוי", "מנהלת רכש"),
    "devanagari": ("प्रिया शर्मा", "मुख्य वित्त अधिकारी"),
    "thai": ("สมชาย ใจดี", "ผู้จัดการ"),
    "chinese": ("王小明", "首席财务官"),
    "japanese": ("佐藤 健", "購買部長"),
    "korean": ("김민준", "구매 담당 이사"),
    "emoji": ("Ana Lima 🙂🚀", "Head of ☕ & 👍"),
}
NAMES = [name for name, _title in CORPUS.values()]
TEAM_NAMES = ["José Núñez", "Ann Lee", "Łucja Kowalska", "Ömer Yılmaz", "Ингрид Ли", "田中 美咲",
              "이서연", "Noor Haddad", "Dmitri Volkov", "Chloé Martin", "Raj Patel", "Fatima Zahra",
              "Kenji Ito", "Ewa Nowak", "Lars Berg"]


def international_account(stakeholders: int = 66, team: int = 15) -> ContactMap:
    """An account of ``stakeholders`` people named in turn from :data:`CORPUS` (each name
    numbered after its first use), with ``team`` members, graded sparsely."""
    org = synthetic_org(stakeholders, seed=21, team_size=team)
    people = []
    scripts = list(CORPUS.values())
    for index, person in enumerate(org.stakeholders):
        name, title = scripts[index % len(scripts)]
        round_ = index // len(scripts)
        people.append(replace(person, name=name if round_ == 0 else f"{name} {round_ + 1}",
                              title=title))
    members = [TeamMember(member.id, TEAM_NAMES[index % len(TEAM_NAMES)], "Account team")
               for index, member in enumerate(org.team_members)]
    contact_map = ContactMap(Account("intl", "Grupo Internacional — 国际 — دولي"), people,
                             members)
    for relationship in org.relationships.values():
        contact_map.put(relationship)
    return contact_map
