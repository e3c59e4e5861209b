"""Tests of contactmap_desktop/ui/lifecycle."""
