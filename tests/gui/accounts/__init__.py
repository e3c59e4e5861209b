"""Tests of contactmap_desktop/ui/accounts."""
