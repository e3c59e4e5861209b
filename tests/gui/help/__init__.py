"""Tests of contactmap_desktop/ui/help."""
