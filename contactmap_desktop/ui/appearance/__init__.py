"""Appearance: colour schemes, the welcome banner, machine preferences."""
