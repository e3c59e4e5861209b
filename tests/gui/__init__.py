"""Tests of the window, one folder per feature as in contactmap_desktop/ui."""
