"""PySide6 without its scan of every imported module's source.

Once PySide6 is loaded, it reads the whole source of each module imported after it
(``inspect.getsource``) to see whether the text "PySide6" is in it, and Python keeps those
lines (``linecache``). The answer only sets which modules take part in PySide's optional
features (``from __feature__ import snake_case``…); the app selects none, so every module sees
Qt's own names either way. Run from source, the scan cost the window's start about a tenth of
its time and its peak memory about 20 MB (SQLAlchemy's source, mostly).
"""

from __future__ import annotations

import sys
from types import ModuleType

# Modules whose names start so are the ones that use PySide6 here; the answer is the scan's,
# given without reading a file.
USES_PYSIDE = ("PySide6", "shiboken6", "contactmap_desktop", "__main__")


def uses_pyside(module: ModuleType) -> bool:
    return getattr(module, "__name__", "").startswith(USES_PYSIDE)


def skip_source_scan() -> None:
    """Load PySide6 and answer its question from the module's name (nothing if this PySide6
    has no such scan)."""
    import PySide6  # noqa: F401  (installs the import hook and its feature module)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010
