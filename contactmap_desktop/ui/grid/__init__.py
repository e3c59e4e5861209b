"""The Contact Map tab: the grid, its model, commands, find and order."""
