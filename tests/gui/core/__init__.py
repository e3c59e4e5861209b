"""Tests of contactmap_desktop/ui/core."""
