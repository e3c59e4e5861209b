"""Data in and out: stakeholder import, CSV and PDF export, account files."""
