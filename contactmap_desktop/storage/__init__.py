"""SQLite workspace storage: tables, opening and migrating files, repositories."""
