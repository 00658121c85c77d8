"""Folder size: the built kiosk next to the bare window built by the same rules, and why.

    python bench/size.py [DIST]        (default: dist)

DIST/postpartum-run-kiosk comes from `make dist`, DIST/bare-window from
`python -m PyInstaller --noconfirm bench/bare.spec`. Prints both sizes (disk use, as
`du`), the ratio against the 1.3x target, and what the kiosk carries that the bare
window does not, grouped by the feature that needs it. Figures only.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
from collections import defaultdict
from pathlib import Path

TARGET_RATIO = 1.3
KIOSK, BARE = "postpartum-run-kiosk", "bare-window"
# Feature -> file name patterns (first match wins; the rest is "other").
FEATURES: dict[str, tuple[str, ...]] = {
    "printing: QtPdf renders the pages": ("libQt6Pdf.*", "QtPdf.*"),
    "printing: QtPrintSupport, CUPS client (GnuTLS, Kerberos, Avahi)": (
        "*PrintSupport*",
        "libcupsprintersupport*",
        "libcups.*",
        "libgnutls*",
        "libunistring*",
        "libp11-kit*",
        "libgmp*",
        "libnettle*",
        "libhogweed*",
        "libidn2*",
        "libtasn1*",
        "libavahi*",
    ),
    "read-aloud: QtTextToSpeech, QtMultimedia, PulseAudio and its codecs": (
        "*TextToSpeech*",
        "libqtexttospeech*",
        "*Multimedia*",
        "libQt6Concurrent*",
        "QtConcurrent*",
        "libpulse*",
        "libsndfile*",
        "libFLAC*",
        "libvorbis*",
        "libogg*",
        "libopus*",
        "libmpg123*",
        "libmp3lame*",
        "libspeechd*",
        "libasyncns*",
    ),
    "PDF: Pillow (reportlab imports it; reportlab itself is in the archive)": (
        "PIL/*",
        "pillow.libs/*",
    ),
    "resources: fonts, questions, texts, stylesheets": ("resources/*",),
    "Python archive: kiosk, reportlab and their standard library": (KIOSK,),
}


def disk_use(path: Path) -> int:
    """Bytes on disk, as `du` counts them (symbolic links as themselves)."""
    return path.lstat().st_blocks * 512


def files(root: Path) -> dict[str, int]:
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = disk_use(path)
    return found


def feature(relative: str) -> str:
    name = relative.split("/", 1)[1] if relative.startswith("_internal/") else relative
    for label, patterns in FEATURES.items():
        if any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(Path(name).name, p) for p in patterns):
            return label
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", type=Path, default=Path("dist"))
    args = parser.parse_args()
    kiosk, bare = files(args.dist / KIOSK), files(args.dist / BARE)
    bare_exe = bare.pop(BARE, 0)
    if not kiosk or not bare:
        raise SystemExit(f"build both first: {args.dist / KIOSK} and {args.dist / BARE}")
    kiosk_total, bare_total = sum(kiosk.values()), sum(bare.values()) + bare_exe
    ratio = kiosk_total / bare_total
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"folder size (disk use), {args.dist}:")
    print(f"  kiosk {kiosk_total / 2**20:6.1f} MiB   {len(kiosk)} files")
    print(f"  bare  {bare_total / 2**20:6.1f} MiB   {len(bare) + 1} files")
    print(f"  kiosk / bare: {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
    extra: dict[str, int] = defaultdict(int)
    for relative, size in kiosk.items():
        grown = size - (bare_exe if relative == KIOSK else bare.get(relative, 0))
        if grown > 0:
            extra[feature(relative)] += grown
    print(f"  what the kiosk adds ({sum(extra.values()) / 2**20:.1f} MiB):")
    for label, size in sorted(extra.items(), key=lambda kv: -kv[1]):
        print(f"    {size / 2**20:5.1f} MiB  {label}")


if __name__ == "__main__":
    main()
