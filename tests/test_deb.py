"""The Debian package: ldd's findings, Depends, the unit reader, and the built .deb if any.

The built package (dist/postpartum-run-kiosk_<version>_<arch>.deb, from `make deb`) is checked
when present; installing it is .ci/install-test's job (it needs root and changes the machine).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import kiosk

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "debian" / "postpartum-run-kiosk.service"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, DEPLOY / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


build_deb = _load("build_deb")
unit_file = _load("unit_file")

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd6b5f2000)
\tlibQt6Core.so.6 => /opt/app/_internal/libQt6Core.so.6 (0x00007f1c3c000000)
\tlibwayland-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c3be1f000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f1c3d0f4000)
"""


def test_ldd_lines_give_each_library_and_where_it_was_found() -> None:
    assert build_deb.parse_ldd(LDD) == [
        ("libQt6Core.so.6", "/opt/app/_internal/libQt6Core.so.6"),
        ("libwayland-cursor.so.0", None),
        ("libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"),
    ]
    assert build_deb.parse_ldd("\tstatically linked\n") == []


def test_dpkg_search_lines_give_the_owning_package() -> None:
    output = (
        "libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6\n"
        "diversion by dash from: /bin/sh\n"
        "libegl1:amd64: /usr/lib/x86_64-linux-gnu/libEGL.so.1\n"
    )
    assert build_deb.parse_dpkg_search(output) == {
        "/lib/x86_64-linux-gnu/libc.so.6": "libc6",
        "/usr/lib/x86_64-linux-gnu/libEGL.so.1": "libegl1",
    }


def test_a_missing_library_names_its_debian_package() -> None:
    message = build_deb.missing_message(
        {"libwayland-cursor.so.0": {"_internal/libQt6WaylandClient.so.6"}, "libodd.so.9": {"x"}}
    )
    assert "libwayland-cursor.so.0 (Debian package libwayland-cursor0)" in message
    assert "needed by _internal/libQt6WaylandClient.so.6" in message
    assert "libodd.so.9 (find its package: apt-file search)" in message
    assert "apt-get install libwayland-cursor0)" in message


def test_depends_lists_the_fixed_packages_then_the_libraries_once() -> None:
    found = build_deb.depends(["libxcb1", "libc6", "libwayland-cursor0"])
    assert found[: len(build_deb.FIXED_DEPENDS)] == list(build_deb.FIXED_DEPENDS)
    assert found[len(build_deb.FIXED_DEPENDS) :] == ["libc6", "libxcb1"]
    for needed in ("cage", "xwayland", "libwayland-cursor0", "fonts-dejavu-core", "cups-client"):
        assert needed in found


def test_the_control_file_is_filled_in() -> None:
    text = build_deb.control("1.2.3", "amd64", ["cage", "libc6"], 1000)
    assert not re.search(r"@[A-Z_]+@", text)
    assert "Version: 1.2.3\n" in text and "Architecture: amd64\n" in text
    assert "Depends: cage, libc6\n" in text and "Installed-Size: 1000\n" in text
    assert build_deb.read_version() == kiosk.__version__


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_a_library_missing_on_this_machine_stops_the_build(tmp_path: Path) -> None:
    folder = tmp_path / "app"
    (folder / "_internal").mkdir(parents=True)
    program = Path("/bin/true").read_bytes()  # a program of the system's, needing libc
    (folder / "prog").write_bytes(program)
    found, libraries = build_deb.check_libraries(folder)
    assert "libc6" in found and not libraries.missing
    # The same program asking for a library no machine has (its name changed in place).
    assert program.count(b"libc.so.6\0") == 1
    (folder / "prog").write_bytes(program.replace(b"libc.so.6\0", b"libq.so.6\0"))
    with pytest.raises(build_deb.BuildError, match=r"libq.so.6 \(find its package"):
        build_deb.check_libraries(folder)
    with pytest.raises(build_deb.BuildError, match="no programs or libraries"):
        build_deb.check_libraries(tmp_path / "empty")


def test_the_unit_reader_gives_the_units_environment_and_command() -> None:
    text = UNIT.read_text(encoding="utf-8")
    assert unit_file.environment(text) == ["QT_QPA_PLATFORM=wayland;xcb"]
    assert unit_file.exec_start(text) == [
        "/usr/bin/cage",
        "-d",
        "--",
        "/opt/postpartum-run-kiosk/postpartum-run-kiosk",
    ]


def test_the_unit_reader_follows_systemds_rules() -> None:
    text = (
        "[Unit]\nEnvironment=IGNORED=1\n[Service]\n# Environment=COMMENT=1\n"
        'Environment="A=one two" B=3\nEnvironment=\nEnvironment=C=4 \\\n  D=5\n'
        "ExecStart=-/usr/bin/prog --flag 'an arg'\n"
    )
    assert unit_file.environment(text) == ["C=4", "D=5"]
    assert unit_file.exec_start(text) == ["/usr/bin/prog", "--flag", "an arg"]
    with pytest.raises(unit_file.UnitError, match="specifiers"):
        unit_file.environment("[Service]\nEnvironment=HOME=%h\n")
    with pytest.raises(unit_file.UnitError, match="one ExecStart"):
        unit_file.exec_start("[Service]\nType=simple\n")


def test_the_maintainer_scripts_are_valid_shell() -> None:
    for script in ("postinst", "prerm", "postrm"):
        path = DEPLOY / "debian" / script
        assert path.stat().st_mode & 0o111, f"{script} is not executable"
        subprocess.run(["sh", "-n", str(path)], check=True, timeout=30)


# -- the built package, when there is one ------------------------------------------------


def _built() -> Path:
    found = sorted((ROOT / "dist").glob(f"postpartum-run-kiosk_{kiosk.__version__}_*.deb"))
    if not found or shutil.which("dpkg-deb") is None:
        pytest.skip("no built package in dist/ (make deb)")
    return found[-1]


def _dpkg_deb(*args: str) -> str:
    done = subprocess.run(
        ["dpkg-deb", *args], capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout


def test_the_built_package_has_the_app_units_and_pam_file_owned_by_root() -> None:
    deb = _built()
    listing = _dpkg_deb("--contents", str(deb)).splitlines()
    paths = {line.split()[-1] if " -> " not in line else line.split()[-3] for line in listing}
    for wanted in (
        "./opt/postpartum-run-kiosk/postpartum-run-kiosk",
        "./lib/systemd/system/postpartum-run-kiosk.service",
        "./lib/systemd/system/postpartum-run-kiosk-restart.service",
        "./lib/systemd/system/postpartum-run-kiosk-restart.timer",
        "./etc/pam.d/postpartum-run-kiosk",
    ):
        assert wanted in paths
    assert all(line.split()[1] == "root/root" for line in listing)
    assert not [line for line in listing if line[0] == "-" and line[7] != "r"]  # all readable


def test_the_built_package_control_fields() -> None:
    deb = _built()
    fields = dict(
        line.split(": ", 1)
        for line in _dpkg_deb("--field", str(deb)).splitlines()
        if ": " in line and not line.startswith(" ")
    )
    assert fields["Package"] == "postpartum-run-kiosk"
    assert fields["Version"] == kiosk.__version__
    assert deb.name == f"postpartum-run-kiosk_{fields['Version']}_{fields['Architecture']}.deb"
    depends = fields["Depends"].split(", ")
    for needed in ("cage", "xwayland", "libwayland-cursor0", "cups-client", "libc6"):
        assert needed in depends
    assert _dpkg_deb("--ctrl-tarfile", str(deb))  # the control archive reads


def test_the_guide_quotes_the_unit_as_it_is() -> None:
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    section = guide[guide.index("### 4.2 The units") :]
    start = section.index("```ini\n") + 7
    quoted = section[start : section.index("```", start)]
    unit = UNIT.read_text(encoding="utf-8").splitlines()
    assert quoted.strip()
    for line in quoted.strip().splitlines():
        assert line in unit, f"docs/deploy.md quotes {line!r}, not in the unit"
