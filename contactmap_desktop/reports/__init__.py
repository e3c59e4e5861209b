"""ReportLab documents built from plain values: no Qt, no SQLAlchemy."""
