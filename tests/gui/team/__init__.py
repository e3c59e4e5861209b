"""Tests of contactmap_desktop/ui/team."""
