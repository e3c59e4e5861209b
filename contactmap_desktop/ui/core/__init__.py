"""What every feature of the window shares: the window, the document, undo, theme."""
