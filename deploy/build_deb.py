"""Build the Debian package of the kiosk from the one-folder app (`make deb`).

    python3 deploy/build_deb.py libs  [DIST]          the libraries check alone
    python3 deploy/build_deb.py build [DIST] [OUT]    check, then build OUT/<name>_<ver>_<arch>.deb

DIST defaults to dist/postpartum-run-kiosk, OUT to dist. The libraries check runs `ldd` over
every program and library in the folder: each one it needs must be in the folder or on this
machine. A library found nowhere stops the build, naming the Debian package that has it;
the packages of the system libraries found become the package's `Depends`, after the fixed
ones (the compositor, fonts, printing). Needs only Python's standard library, `ldd`,
`dpkg-query` and `dpkg-deb`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "debian"
NAME = "postpartum-run-kiosk"
PREFIX = Path("opt") / NAME  # where the app folder goes on the kiosk
UNIT_DIR = Path("lib/systemd/system")
UNITS = (f"{NAME}.service", f"{NAME}-restart.service", f"{NAME}-restart.timer")
PAM_FILE = Path("etc/pam.d") / NAME
# Needed whatever ldd says: the compositor and its X11 fallback, the Wayland cursor library
# Qt's Wayland plugin loads, a system font, `lpstat` for the printer status, the PAM module
# of the kiosk's session, and `useradd` for the kiosk user.
FIXED_DEPENDS = (
    "cage",
    "xwayland",
    "libwayland-cursor0",
    "fonts-dejavu-core",
    "cups-client",
    "libpam-systemd",
    "passwd",
)
# The Debian package of each library Qt's plugins are known to need from the system, for
# the message when one is missing on the building machine (the rest is found by dpkg).
SONAME_PACKAGES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libcups.so.2": "libcups2",
    "libspeechd.so.2": "libspeechd2",
    "libpulse.so.0": "libpulse0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
}

_NEEDED = re.compile(r"^\s*(\S+)\s+=>\s+(.*?)\s*(?:\(0x[0-9a-f]+\))?$")


class BuildError(Exception):
    """The package cannot be built; the message says why and what to do."""


@dataclass
class Libraries:
    """What the folder's programs and libraries need from outside it."""

    system: dict[str, set[str]] = field(default_factory=dict)  # path -> files needing it
    missing: dict[str, set[str]] = field(default_factory=dict)  # soname -> files needing it


def parse_ldd(output: str) -> list[tuple[str, str | None]]:
    """(soname, resolved path or None when not found) for each `name => path` line of ldd."""
    found: list[tuple[str, str | None]] = []
    for line in output.splitlines():
        match = _NEEDED.match(line)
        if match is None:
            continue  # the loader itself, linux-vdso, "statically linked"
        soname, where = match.groups()
        found.append((soname, None if where == "not found" else where))
    return found


def elf_files(folder: Path) -> list[Path]:
    """Every regular file in `folder` that is an ELF program or library (symlinks skipped)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) == b"\x7fELF":
                found.append(path)
    return found


def scan(folder: Path) -> Libraries:
    """Run ldd over the folder as the app starts (its _internal folder on the library path)."""
    folder = folder.resolve()
    files = elf_files(folder)
    if not files:
        raise BuildError(f"no programs or libraries in {folder}: build the app first (make dist)")
    env = dict(os.environ, LD_LIBRARY_PATH=str(folder / "_internal"), LC_ALL="C")
    result = Libraries()
    for path in files:
        done = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, timeout=60, check=False
        )
        name = path.relative_to(folder).as_posix()
        for soname, where in parse_ldd(done.stdout):
            if where is None:
                result.missing.setdefault(soname, set()).add(name)
            elif not Path(where).resolve().is_relative_to(folder):
                result.system.setdefault(where, set()).add(name)
    return result


def _candidates(path: str) -> list[str]:
    """The names dpkg may know a library by (merged /usr: /lib/x and /usr/lib/x are one)."""
    names = [path, os.path.realpath(path)]
    for name in list(names):
        if name.startswith("/usr/"):
            names.append(name[4:])
        elif name.startswith("/"):
            names.append("/usr" + name)
    return list(dict.fromkeys(names))


def parse_dpkg_search(output: str) -> dict[str, str]:
    """path -> package from `dpkg-query -S` lines ("libfoo1:amd64: /usr/lib/libfoo.so.1")."""
    owners: dict[str, str] = {}
    for line in output.splitlines():
        packages, sep, path = line.partition(": ")
        if not sep or "," in packages or packages.startswith("diversion "):
            continue
        owners[path.strip()] = packages.split(":")[0].strip()
    return owners


def owners(paths: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """(path -> Debian package, paths no package owns)."""
    wanted = {path: _candidates(path) for path in paths}
    every = sorted({name for names in wanted.values() for name in names})
    known: dict[str, str] = {}
    if every:
        done = subprocess.run(
            ["dpkg-query", "-S", *every], capture_output=True, text=True, timeout=60, check=False
        )
        known = parse_dpkg_search(done.stdout)
    found: dict[str, str] = {}
    unowned: list[str] = []
    for path, names in wanted.items():
        package = next((known[n] for n in names if n in known), None)
        if package is None:
            unowned.append(path)
        else:
            found[path] = package
    return found, sorted(unowned)


def missing_message(missing: Mapping[str, set[str]]) -> str:
    lines = ["libraries the app needs are not on this machine (ldd: not found):"]
    packages = []
    for soname in sorted(missing):
        package = SONAME_PACKAGES.get(soname)
        where = ", ".join(sorted(missing[soname])[:3])
        hint = f"Debian package {package}" if package else "find its package: apt-file search"
        lines.append(f"  {soname} ({hint}), needed by {where}")
        if package:
            packages.append(package)
    if packages:
        lines.append(
            f"install them (apt-get install {' '.join(sorted(set(packages)))}) and add them to "
            "scripts/system-packages.sh; the package then depends on them"
        )
    return "\n".join(lines)


def check_libraries(folder: Path) -> tuple[list[str], Libraries]:
    """The Debian packages the folder needs from the system; BuildError if one is missing."""
    libraries = scan(folder)
    if libraries.missing:
        raise BuildError(missing_message(libraries.missing))
    found, unowned = owners(libraries.system)
    if unowned:
        raise BuildError(
            "libraries the app loads from this machine belong to no Debian package "
            f"(build on a clean Debian system): {', '.join(unowned)}"
        )
    return sorted(set(found.values())), libraries


def depends(from_libraries: Iterable[str]) -> list[str]:
    """The fixed dependencies first, then the library packages not already among them."""
    fixed = list(FIXED_DEPENDS)
    return fixed + sorted(set(from_libraries) - set(fixed))


def read_version() -> str:
    text = (ROOT / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise BuildError("kiosk/__init__.py has no __version__")
    return match.group(1)


def control(version: str, arch: str, depends_on: list[str], installed_kib: int) -> str:
    template = (HERE / "control").read_text(encoding="utf-8")
    fields = {
        "@VERSION@": version,
        "@ARCH@": arch,
        "@DEPENDS@": ", ".join(depends_on),
        "@INSTALLED_SIZE@": str(installed_kib),
    }
    for key, value in fields.items():
        template = template.replace(key, value)
    return template


def _normalise_modes(tree: Path) -> None:
    """Root's files, readable by everyone: directories 755, programs 755, the rest 644."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _size_kib(tree: Path) -> int:
    total = 0
    for path in tree.rglob("*"):
        if path.is_symlink() or path.is_file():
            total += (path.lstat().st_size + 1023) // 1024
        elif path.is_dir():
            total += 1
    return total


def build(folder: Path, out: Path) -> Path:
    folder = folder.resolve()
    packages, libraries = check_libraries(folder)
    print(f"libraries: {len(libraries.system)} from the system, in packages {', '.join(packages)}")
    version = read_version()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True, timeout=30
    ).stdout.strip()
    stage = ROOT / "build" / "deb" / NAME
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(folder, stage / PREFIX, symlinks=True)
    (stage / UNIT_DIR).mkdir(parents=True)
    for unit in UNITS:
        shutil.copy(HERE / unit, stage / UNIT_DIR / unit)
    (stage / PAM_FILE).parent.mkdir(parents=True)
    shutil.copy(HERE / "pam", stage / PAM_FILE)
    _normalise_modes(stage)
    meta = stage / "DEBIAN"
    meta.mkdir()
    for script in ("postinst", "prerm", "postrm"):
        shutil.copy(HERE / script, meta / script)
        (meta / script).chmod(0o755)
    (meta / "conffiles").write_text(f"/{PAM_FILE.as_posix()}\n", encoding="utf-8")
    text = control(version, arch, depends(packages), _size_kib(stage))
    (meta / "control").write_text(text, encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{NAME}_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(stage), str(deb)],
        check=True,
        timeout=900,
    )
    shutil.rmtree(stage)  # a second copy of the app, no longer needed
    return deb


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    folder = Path(argv[1]) if len(argv) > 1 else ROOT / "dist" / NAME
    try:
        if command == "libs":
            packages, libraries = check_libraries(folder)
            for path in sorted(libraries.system):
                print(f"{path}: needed by {len(libraries.system[path])} files")
            print(f"Depends: {', '.join(depends(packages))}")
        elif command == "build":
            out = Path(argv[2]) if len(argv) > 2 else ROOT / "dist"
            deb = build(folder, out)
            print(f"built {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except BuildError as exc:
        print(f"build_deb: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
