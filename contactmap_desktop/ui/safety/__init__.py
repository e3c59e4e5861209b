"""Safety: backups, restoring, damaged and locked workspaces."""
