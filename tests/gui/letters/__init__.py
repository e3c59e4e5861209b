"""Tests of contactmap_desktop/ui/letters."""
