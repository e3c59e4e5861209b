"""Entry point for ``python main.py …`` and the PyInstaller build."""

from contactmap_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
