"""Known contact exports (LinkedIn, Google, Outlook, Salesforce, HubSpot) and column mappings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from contactmap_desktop.domain.csv_text import fold_header


class ImportField(Enum):
    """What a column of an import file becomes on a stakeholder."""

    IGNORE = "ignore"
    NAME = "name"
    FIRST_NAME = "first_name"
    MIDDLE_NAME = "middle_name"
    LAST_NAME = "last_name"
    TITLE = "title"
    DEPARTMENT = "department"
    COMPANY = "company"
    EMAIL = "email"
    PHONE = "phone"
    SENIORITY = "seniority"
    ROLES = "roles"
    NOTES = "notes"
    REPORTS_TO = "reports_to"
    GRADE = "grade"

    @property
    def label(self) -> str:
        return _FIELD_LABELS[self]


_FIELD_LABELS = {
    ImportField.IGNORE: "(not imported)",
    ImportField.NAME: "Full name",
    ImportField.FIRST_NAME: "First name",
    ImportField.MIDDLE_NAME: "Middle name",
    ImportField.LAST_NAME: "Last name",
    ImportField.TITLE: "Job title",
    ImportField.DEPARTMENT: "Department",
    ImportField.COMPANY: "Company",
    ImportField.EMAIL: "Email",
    ImportField.PHONE: "Phone",
    ImportField.SENIORITY: "Seniority",
    ImportField.ROLES: "Buying roles",
    ImportField.NOTES: "Notes",
    ImportField.REPORTS_TO: "Reports to (name or email)",
    ImportField.GRADE: "Grade with the team member in the header",
}
# The app's own export names each grade column "Grade: <team member>".
GRADE_HEADER_PREFIX = "Grade:"

F = ImportField


@dataclass(frozen=True)
class ExportFormat:
    """A known export: headers that identify it and what each of its columns means."""

    name: str
    signature: frozenset[str]
    columns: Mapping[str, ImportField]


def _format(name: str, signature: Sequence[str], columns: Mapping[str, ImportField]
            ) -> ExportFormat:
    return ExportFormat(
        name,
        frozenset(fold_header(h) for h in signature),
        {fold_header(h): f for h, f in columns.items()},
    )


# Order matters: the first format whose whole signature is present wins, so the more
# specific signatures come first.
KNOWN_FORMATS: tuple[ExportFormat, ...] = (
    _format("ContactMap export", ["Name", "Seniority", "Buying roles", "Reports to"], {
        "Name": F.NAME, "Title": F.TITLE, "Department": F.DEPARTMENT,
        "Seniority": F.SENIORITY, "Buying roles": F.ROLES, "Email": F.EMAIL, "Phone": F.PHONE,
        "Reports to": F.REPORTS_TO, "Notes": F.NOTES,
    }),
    _format("HubSpot contacts", ["Record ID", "First Name", "Last Name", "Email"], {
        "First Name": F.FIRST_NAME, "Last Name": F.LAST_NAME, "Email": F.EMAIL,
        "Job Title": F.TITLE, "Company Name": F.COMPANY, "Associated Company": F.COMPANY,
        "Phone Number": F.PHONE, "Mobile Phone Number": F.PHONE, "Department": F.DEPARTMENT,
    }),
    _format("Salesforce contacts (report)", ["Account Name", "First Name", "Last Name",
                                             "Title"], {
        "First Name": F.FIRST_NAME, "Last Name": F.LAST_NAME, "Title": F.TITLE,
        "Account Name": F.COMPANY, "Email": F.EMAIL, "Phone": F.PHONE,
        "Department": F.DEPARTMENT, "Description": F.NOTES,
    }),
    _format("Salesforce contacts (data export)", ["FirstName", "LastName", "AccountId"], {
        "FirstName": F.FIRST_NAME, "LastName": F.LAST_NAME, "Title": F.TITLE,
        "Account.Name": F.COMPANY, "AccountName": F.COMPANY, "Email": F.EMAIL,
        "Phone": F.PHONE, "Department": F.DEPARTMENT, "Description": F.NOTES,
    }),
    _format("Google Contacts", ["Given Name", "Family Name", "Organization 1 - Name"], {
        "Name": F.NAME, "Given Name": F.FIRST_NAME, "Additional Name": F.MIDDLE_NAME,
        "Family Name": F.LAST_NAME, "Organization 1 - Name": F.COMPANY,
        "Organization 1 - Title": F.TITLE, "Organization 1 - Department": F.DEPARTMENT,
        "E-mail 1 - Value": F.EMAIL, "Phone 1 - Value": F.PHONE, "Notes": F.NOTES,
    }),
    _format("Google Contacts", ["First Name", "Last Name", "Organization Name",
                                "E-mail 1 - Value"], {
        "First Name": F.FIRST_NAME, "Middle Name": F.MIDDLE_NAME, "Last Name": F.LAST_NAME,
        "Organization Name": F.COMPANY, "Organization Title": F.TITLE,
        "Organization Department": F.DEPARTMENT, "E-mail 1 - Value": F.EMAIL,
        "Phone 1 - Value": F.PHONE, "Notes": F.NOTES,
    }),
    _format("Outlook contacts", ["First Name", "Last Name", "Job Title", "E-mail Address"], {
        # Outlook's "Title" is Mr./Ms., not the job: it is left out on purpose.
        "First Name": F.FIRST_NAME, "Middle Name": F.MIDDLE_NAME, "Last Name": F.LAST_NAME,
        "Company": F.COMPANY, "Department": F.DEPARTMENT, "Job Title": F.TITLE,
        "E-mail Address": F.EMAIL, "Business Phone": F.PHONE, "Mobile Phone": F.PHONE,
        "Notes": F.NOTES,
    }),
    _format("LinkedIn connections", ["First Name", "Last Name", "Company", "Position"], {
        "First Name": F.FIRST_NAME, "Last Name": F.LAST_NAME, "Email Address": F.EMAIL,
        "Company": F.COMPANY, "Position": F.TITLE,
    }),
)

# Headers of no particular export, so that a hand-made sheet maps itself too.
_GENERIC: dict[str, ImportField] = {
    fold_header(h): f for h, f in {
        "Name": F.NAME, "Full Name": F.NAME, "Contact": F.NAME, "Contact Name": F.NAME,
        "Stakeholder": F.NAME, "First Name": F.FIRST_NAME, "Given Name": F.FIRST_NAME,
        "FirstName": F.FIRST_NAME, "Last Name": F.LAST_NAME, "Surname": F.LAST_NAME,
        "Family Name": F.LAST_NAME, "LastName": F.LAST_NAME, "Middle Name": F.MIDDLE_NAME,
        "Title": F.TITLE, "Job Title": F.TITLE, "Position": F.TITLE, "Role": F.TITLE,
        "Department": F.DEPARTMENT, "Dept": F.DEPARTMENT, "Team": F.DEPARTMENT,
        "Company": F.COMPANY, "Company Name": F.COMPANY, "Organization": F.COMPANY,
        "Organisation": F.COMPANY, "Account": F.COMPANY, "Account Name": F.COMPANY,
        "Email": F.EMAIL, "E-mail": F.EMAIL, "Email Address": F.EMAIL,
        "E-mail Address": F.EMAIL, "Mail": F.EMAIL, "Phone": F.PHONE, "Telephone": F.PHONE,
        "Phone Number": F.PHONE, "Mobile": F.PHONE, "Seniority": F.SENIORITY,
        "Level": F.SENIORITY, "Buying Roles": F.ROLES, "Roles": F.ROLES, "Notes": F.NOTES,
        "Note": F.NOTES, "Comments": F.NOTES, "Reports to": F.REPORTS_TO,
        "Reports To (name or email)": F.REPORTS_TO, "Manager": F.REPORTS_TO,
        "Manager Email": F.REPORTS_TO, "Supervisor": F.REPORTS_TO,
    }.items()
}


def all_known_headers() -> set[str]:
    """Every header any format or the generic table knows (to spot the header row)."""
    known = set(_GENERIC)
    for export_format in KNOWN_FORMATS:
        known |= set(export_format.columns) | export_format.signature
    return known


@dataclass(frozen=True)
class MappingGuess:
    """The format recognised (or ``None``) and one field per column."""

    format_name: str | None
    fields: tuple[ImportField, ...]


def guess_mapping(headers: Sequence[str]) -> MappingGuess:
    """Recognise a known export by its headers and propose a field for each column."""
    folded = [fold_header(h) for h in headers]
    present = set(folded)
    grades = [grade_member(h) is not None for h in headers]
    for export_format in KNOWN_FORMATS:
        if export_format.signature <= present:
            return MappingGuess(
                export_format.name,
                _dedupe([F.GRADE if grade else export_format.columns.get(h, F.IGNORE)
                         for h, grade in zip(folded, grades, strict=True)]),
            )
    return MappingGuess(None, _dedupe([F.GRADE if grade else _GENERIC.get(h, F.IGNORE)
                                       for h, grade in zip(folded, grades, strict=True)]))


def grade_member(header: str) -> str | None:
    """The team member a "Grade: Name" column grades, or None for any other header."""
    head, colon, name = header.partition(":")
    if colon and fold_header(head + colon) == fold_header(GRADE_HEADER_PREFIX) and name.strip():
        return name.strip()
    return None


def graded_member(header: str) -> str:
    """The team member a column mapped to grades is about: the header without "Grade:"."""
    return grade_member(header) or header.strip()


def _dedupe(fields: list[ImportField]) -> tuple[ImportField, ...]:
    """Each field from its first column only (e.g. Outlook's second phone column); grades
    come from every column that holds them, one team member each."""
    seen: set[ImportField] = set()
    result: list[ImportField] = []
    for field in fields:
        if field not in (F.IGNORE, F.GRADE) and field in seen:
            field = F.IGNORE
        seen.add(field)
        result.append(field)
    return tuple(result)


def header_key(headers: Sequence[str]) -> str:
    """The identity of a header set, under which a user's mapping is remembered."""
    return "\x1f".join(fold_header(h) for h in headers)
