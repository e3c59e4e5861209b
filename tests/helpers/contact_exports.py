"""Contact export files as the tools write them, built by the tests (no binary fixtures)."""

from __future__ import annotations

import csv
import io

LINKEDIN_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing. You will only see email addresses for connections who have allowed their '
    'connections to see or download their email address."\r\n'
    "\r\n"
)


def to_csv(rows: list[list[str]], delimiter: str = ",", newline: str = "\r\n") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def linkedin_connections() -> bytes:
    """UTF-8 with BOM, CRLF, a notes preamble, a quoted newline, emoji and CJK."""
    rows = [
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
         "Connected On"],
        ["Helena", "Vogt", "https://www.linkedin.com/in/hv", "helena@northwind.example",
         "Northwind Logistics", "Chief Operating Officer", "03 Feb 2024"],
        ["Priya", "Raman", "https://www.linkedin.com/in/pr", "",
         "Northwind Logistics", "VP, Supply Chain", "12 Mar 2023"],
        ["Zoë", "Müller 🚚", "", "", "Northwind Logistics", "Warehouse Operations Manager",
         "01 Jan 2022"],
        ["伟", "李", "", "", "Northwind Logistics", "运输规划经理", "05 May 2021"],
        ["Tom", "O'Neil", "", "tom@other.example", "Other Corp", "=HYPERLINK(\"x\")",
         "09 Sep 2020"],
    ]
    return (LINKEDIN_PREAMBLE + to_csv(rows)).encode("utf-8-sig")


def google_contacts() -> bytes:
    """The older Google CSV (Given Name / Organization 1 - …), UTF-8 without a BOM."""
    rows = [
        ["Name", "Given Name", "Additional Name", "Family Name", "Nickname",
         "Organization 1 - Name", "Organization 1 - Title", "Organization 1 - Department",
         "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Notes"],
        ["Marcus Reid", "Marcus", "", "Reid", "", "Northwind Logistics",
         "Chief Financial Officer", "Finance", "* Work", "marcus@northwind.example", "Work",
         "+44 20 7946 0000", "Met at the \"Freight, Future\" summit\nLikes data."],
        ["Ana Ruiz", "Ana", "", "Ruiz", "", "Northwind Logistics", "Dispatcher", "Operations",
         "", "", "", "", ""],
    ]
    return to_csv(rows, newline="\n").encode("utf-8")


def outlook_contacts() -> bytes:
    """Outlook's export: cp1252, semicolons (a European locale), Title is Mr./Ms."""
    rows = [
        ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
         "Job Title", "Business Phone", "E-mail Address", "Notes"],
        ["Mr.", "Tomás", "", "Herrera", "", "Northwind Logistics", "IT", "Director of IT",
         "+34 91 000 0000", "tomas@northwind.example", ""],
        ["Ms.", "Sara", "", "Lindqvist", "", "Northwind Logistics", "IT", "Data Analyst",
         "", "sara@northwind.example", "Prefers email; not calls"],
    ]
    return to_csv(rows, delimiter=";").encode("cp1252")


def salesforce_contacts() -> bytes:
    """A Salesforce contacts report, UTF-16 with a BOM and tabs (as Excel saves it)."""
    rows = [
        ["Contact Owner", "First Name", "Last Name", "Title", "Account Name", "Email", "Phone",
         "Department"],
        ["Jordan Blake", "Daniel", "Okafor", "Procurement Lead", "Northwind Logistics",
         "daniel@northwind.example", "", "Purchasing"],
        ["Jordan Blake", "Ken", "Adeyemi", "Legal Counsel", "Northwind Logistics",
         "ken@northwind.example", "", "Legal"],
    ]
    return to_csv(rows, delimiter="\t").encode("utf-16")


def hubspot_contacts() -> bytes:
    """A HubSpot contacts export with a ragged (short) last row."""
    text = to_csv([
        ["Record ID", "First Name", "Last Name", "Email", "Job Title", "Company Name",
         "Phone Number", "Lifecycle Stage"],
        ["101", "Li", "Wei", "li.wei@northwind.example", "Transport Planning Manager",
         "Northwind Logistics", "", "lead"],
        ["102", "Sam", "Short"],
    ])
    return text.encode("utf-8")


def vcards() -> bytes:
    """Two cards: a vCard 3.0 with folding and escapes, and an Outlook 2.1 quoted-printable."""
    return (
        b"BEGIN:VCARD\r\n"
        b"VERSION:3.0\r\n"
        b"N:Vogt;Helena;;;\r\n"
        b"FN:Helena Vogt\r\n"
        b"ORG:Northwind Logistics;Operations\r\n"
        b"TITLE:Chief Operating Officer\r\n"
        b"EMAIL;TYPE=INTERNET,WORK:helena@northwind.example\r\n"
        b"NOTE:Prefers mornings\\, before 9.\\nAsk about the depot\r\n"
        b"  pilot.\r\n"
        b"END:VCARD\r\n"
        b"BEGIN:VCARD\r\n"
        b"VERSION:2.1\r\n"
        b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB M=C3=BCller\r\n"
        b"TITLE:Warehouse Operations Manager\r\n"
        b"TEL;WORK;VOICE:+49 30 000000\r\n"
        b"END:VCARD\r\n"
    )
