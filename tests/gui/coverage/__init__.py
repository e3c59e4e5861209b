"""Tests of contactmap_desktop/ui/coverage."""
