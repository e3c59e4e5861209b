"""Team mode in the window: connect, share, sync and its indicator."""
