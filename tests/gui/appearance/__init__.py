"""Tests of contactmap_desktop/ui/appearance."""
