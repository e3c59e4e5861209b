"""Help: the user guide, keyboard shortcuts and About."""
