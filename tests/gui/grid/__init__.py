"""Tests of contactmap_desktop/ui/grid."""
