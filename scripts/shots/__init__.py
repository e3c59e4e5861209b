"""The screenshot functions of scripts/screenshots.py, one module per part of the app."""
