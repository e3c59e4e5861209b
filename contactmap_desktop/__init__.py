"""ContactMap Desktop: map, grade and plan the relationships between a sales team and a client."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("contactmap-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"
