"""Tests of contactmap_desktop/ui/power_map."""
