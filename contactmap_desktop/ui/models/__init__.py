"""Models of the Qt user interface."""
