"""Recognising contact exports by their headers and proposing a mapping."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.csv_formats import ImportField as F
from contactmap_desktop.domain.csv_formats import guess_mapping, header_key


@pytest.mark.parametrize(("headers", "name", "expected"), [
    (["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
     "LinkedIn connections",
     [F.FIRST_NAME, F.LAST_NAME, F.IGNORE, F.EMAIL, F.COMPANY, F.TITLE, F.IGNORE]),
    (["Name", "Given Name", "Family Name", "Organization 1 - Name", "Organization 1 - Title",
      "E-mail 1 - Value"], "Google Contacts",
     [F.NAME, F.FIRST_NAME, F.LAST_NAME, F.COMPANY, F.TITLE, F.EMAIL]),
    (["First Name", "Last Name", "Organization Name", "Organization Title",
      "E-mail 1 - Value"], "Google Contacts",
     [F.FIRST_NAME, F.LAST_NAME, F.COMPANY, F.TITLE, F.EMAIL]),
    (["Title", "First Name", "Last Name", "Company", "Job Title", "E-mail Address",
      "Business Phone", "Mobile Phone"], "Outlook contacts",
     [F.IGNORE, F.FIRST_NAME, F.LAST_NAME, F.COMPANY, F.TITLE, F.EMAIL, F.PHONE, F.IGNORE]),
    (["Contact Owner", "First Name", "Last Name", "Title", "Account Name", "Email"],
     "Salesforce contacts (report)",
     [F.IGNORE, F.FIRST_NAME, F.LAST_NAME, F.TITLE, F.COMPANY, F.EMAIL]),
    (["Id", "AccountId", "FirstName", "LastName", "Title", "Email"],
     "Salesforce contacts (data export)",
     [F.IGNORE, F.IGNORE, F.FIRST_NAME, F.LAST_NAME, F.TITLE, F.EMAIL]),
    (["Record ID", "First Name", "Last Name", "Email", "Job Title", "Company Name"],
     "HubSpot contacts",
     [F.IGNORE, F.FIRST_NAME, F.LAST_NAME, F.EMAIL, F.TITLE, F.COMPANY]),
    (["full name", " JOB TITLE ", "e-mail", "Whatever"], None,
     [F.NAME, F.TITLE, F.EMAIL, F.IGNORE]),
])
def test_known_exports_are_recognised(headers: list[str], name: str | None,
                                      expected: list[F]) -> None:
    guess = guess_mapping(headers)
    assert guess.format_name == name
    assert list(guess.fields) == expected


def test_header_key_ignores_case_and_spacing_but_not_order() -> None:
    assert header_key(["First  Name", "Email"]) == header_key(["first name", "EMAIL "])
    assert header_key(["Email", "First Name"]) != header_key(["First Name", "Email"])
