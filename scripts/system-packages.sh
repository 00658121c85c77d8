#!/usr/bin/env bash
# Install the operating-system packages the kiosk needs, on Debian or Ubuntu.
#   scripts/system-packages.sh run    what the kiosk window needs (Qt's libraries, venv)
#   scripts/system-packages.sh test   the above, plus PDF tools and a CUPS print server
#   scripts/system-packages.sh kiosk  the above, plus what the test of the installed package
#                                     needs: Xvfb (X11) and systemd (systemd-analyze)
# Installs only what is missing; uses sudo when not root; does nothing elsewhere.
set -euo pipefail

run_pkgs=(
    make python3-venv
    libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0
    # the X11 (xcb) platform plugin of a desktop session
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
    libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0
    # the Wayland platform plugin (cage, a Wayland desktop)
    libwayland-client0 libwayland-cursor0 libwayland-egl1
    # on-device read-aloud (Qt's speechd engine)
    libpulse0 libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng
    # printing through CUPS: lp and lpstat, and Qt's print support plugin (the print worker)
    libcups2 cups-client
    # names in Chinese, Japanese or Korean on the summary (a TrueType fallback font)
    fonts-droid-fallback
)
test_pkgs=(
    poppler-utils
    cups cups-client cups-bsd printer-driver-cups-pdf
)

kiosk_pkgs=(
    xvfb systemd
)

want=("${run_pkgs[@]}")
case "${1:-run}" in
    run) ;;
    test) want+=("${test_pkgs[@]}") ;;
    kiosk) want+=("${test_pkgs[@]}" "${kiosk_pkgs[@]}") ;;
    *) echo "system-packages: unknown set '$1' (run, test or kiosk)" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    echo "system-packages: not a Debian/Ubuntu system; install Qt 6's runtime libraries yourself" >&2
    exit 0
fi

missing=()
for pkg in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ "$(id -u)" != 0 ]]; then
    sudo="sudo"
fi
echo "system-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
