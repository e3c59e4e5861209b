"""Tests of contactmap_desktop/ui/data."""
