"""The decisions build/contactmap.spec delegates: version, fonts, metadata, Qt trimming."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _load_spec_support() -> ModuleType:
    path = ROOT / "build" / "spec_support.py"
    spec = importlib.util.spec_from_file_location("spec_support", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("spec_support", module)
    spec.loader.exec_module(module)
    return module


support = _load_spec_support()


def test_version_is_read_from_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "2.3.4"\n', encoding="utf-8")
    assert support.project_version(pyproject) == "2.3.4"


def test_written_metadata_reports_the_version_through_importlib(tmp_path: Path) -> None:
    dist_info = support.write_metadata(tmp_path / "meta", "contactmap-desktop", "9.8.7")
    assert dist_info.name == "contactmap_desktop-9.8.7.dist-info"
    found = list(importlib.metadata.distributions(path=[str(tmp_path / "meta")]))
    assert [(d.metadata["Name"], d.version) for d in found] == [("contactmap-desktop", "9.8.7")]


def test_default_workpath_inside_build_folder_is_moved_out(tmp_path: Path) -> None:
    spec_dir = tmp_path / "build"
    moved = support.safe_workpath(spec_dir / "contactmap", spec_dir, tmp_path / ".pyinstaller")
    assert moved == (tmp_path / ".pyinstaller" / "contactmap").resolve()
    elsewhere = tmp_path / ".pyinstaller" / "contactmap"
    assert support.safe_workpath(elsewhere, spec_dir, tmp_path / "x") == elsewhere


def _fake_fonts(folder: Path, names: tuple[str, ...]) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes(b"fake ttf " + name.encode())
    return folder


def test_fonts_are_staged_from_nested_folders_with_their_licenses(tmp_path: Path) -> None:
    system = _fake_fonts(tmp_path / "system" / "truetype" / "dejavu",
                         ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"))
    _fake_fonts(tmp_path / "system" / "truetype" / "others",
                tuple(name for name in support.REQUIRED_FONTS
                      if not name.startswith(("DejaVu", "Droid"))))
    droid = _fake_fonts(tmp_path / "mine", ("DroidSansFallbackFull.ttf",))
    (droid / "LICENSE-Droid.txt").write_text("Apache-2.0", encoding="utf-8")
    staged = support.stage_fonts(tmp_path / "out", [droid, tmp_path / "system"])
    names = {p.name for p in staged.iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
            "DroidSansFallbackFull.ttf", "LICENSE-Droid.txt"} <= names
    assert (staged / "DejaVuSans.ttf").read_bytes() == (system / "DejaVuSans.ttf").read_bytes()


def test_missing_required_fonts_stop_the_build_naming_them(tmp_path: Path) -> None:
    only_dejavu = _fake_fonts(tmp_path / "f", ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
    with pytest.raises(SystemExit, match="DroidSansFallbackFull.ttf") as stopped:
        support.stage_fonts(tmp_path / "out", [only_dejavu])
    assert "DejaVuSans.ttf" not in str(stopped.value)


def test_the_bundle_ships_every_face_the_pdfs_print_in() -> None:
    from contactmap_desktop.reports.fonts import FONT_FILES

    assert set(FONT_FILES) <= {*support.REQUIRED_FONTS, *support.OPTIONAL_FONTS}


def test_font_folders_named_in_the_environment_come_first() -> None:
    environ = {support.FONT_DIRS_VARIABLE: "/a/fonts" + support.os.pathsep + "/b"}
    for platform in ("linux", "win32", "darwin"):
        dirs = support.font_search_dirs(environ, platform)
        assert dirs[:2] == [Path("/a/fonts"), Path("/b")]
        assert len(dirs) > 2


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    # Windows and macOS layouts
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6\\plugins\\imageformats\\qwebp.dll", False),
    ("PySide6\\Qt6Qml.dll", False),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", True),  # only dropped by name
    ("libpython3.11.so.1.0", True),
    ("reportlab/fonts/Vera.ttf", True),
])
def test_trimming_keeps_what_the_app_loads_on_every_platform(dest: str, kept: bool) -> None:
    assert support.keep_binary(dest) is kept


def test_qt_translations_are_dropped_and_resources_kept() -> None:
    entries = [("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
               ("PySide6\\translations\\qt_fr.qm", "/x", "DATA"),
               ("resources/icons/contactmap.svg", "/x", "DATA"),
               ("resources/translations/notes.txt", "/x", "DATA")]
    assert [d for d, _, _ in support.trim_datas(entries)] == [
        "resources/icons/contactmap.svg", "resources/translations/notes.txt"]


def test_libraries_only_dropped_plugins_needed_are_pruned() -> None:
    links = {
        "/src/_ssl.so": {"libcrypto.so.3"},
        "/src/libqxcb.so": {"libQt6XcbQpa.so.6", "libxcb.so.1"},
        "/src/libQt6XcbQpa.so.6": {"libxcb-cursor.so.0"},
    }
    entries = [
        ("lib-dynload/_ssl.so", "/src/_ssl.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "/src/w", "BINARY"),
        ("libcrypto.so.3", "/src/libcrypto.so.3", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),  # GTK's, and GTK is gone
        ("libpython3.11.so.1.0", "/src/libpython", "BINARY"),  # loaded by the bootloader
        ("_rl_accel.abi3.so", "/src/_rl_accel.abi3.so", "EXTENSION"),  # imported, top level
    ]
    kept = support.prune_unreachable(entries, lambda path: links.get(path, set()))
    assert [dest for dest, _, _ in kept] == [
        "lib-dynload/_ssl.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6", "libcrypto.so.3", "libxcb-cursor.so.0",
        "libpython3.11.so.1.0", "_rl_accel.abi3.so"]


def test_symlinks_to_pruned_libraries_are_dropped() -> None:
    entries = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
               ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
               ("resources/a.txt", "/src/a.txt", "DATA")]
    kept = support.drop_dangling_symlinks(entries, ["PySide6/Qt/lib/libQt6Core.so.6"])
    assert [dest for dest, _, _ in kept] == ["libQt6Core.so.6", "resources/a.txt"]
