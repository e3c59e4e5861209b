"""Tests of contactmap_desktop/ui/safety."""
