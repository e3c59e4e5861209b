"""Qt adapters: models, delegates, views, panels, dialogs, commands."""
