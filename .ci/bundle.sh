#!/usr/bin/env bash
# CI: build the standalone bundle, check its size, run the frozen --self-test offscreen and on
# a real X server (Xvfb + xcb, so a missing X library shows up), and smoke-test the Linux install.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: the X server for the test and the xcb libraries PyInstaller copies into the
# bundle (they must be on the build machine for that).
need=()
for pkg in xvfb xauth libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 \
  shared-mime-info; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing system packages for the bundle: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

venv=${VENV:-.venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q -e .
fi
"$venv/bin/pip" install -q 'pyinstaller>=6.6'

out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
start=$(date +%s)
"$venv/bin/python" packaging/build.py --dist dist --work "$out/build" >"$out/build.log" 2>&1 \
  || { tail -40 "$out/build.log"; echo "FAIL: bundle build"; exit 1; }
tail -1 "$out/build.log"
echo "build time: $(( $(date +%s) - start )) s"
exe=dist/goedgeregeld/goedgeregeld
mib=$(du -sm dist/goedgeregeld | cut -f1)
[ "$mib" -le 140 ] || { echo "FAIL: bundle is $mib MiB (limit 140)"; exit 1; }

echo "--- frozen self-test, offscreen"
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen timeout 120 "$exe" --self-test
echo "--- frozen self-test, Xvfb with xcb"
QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a -s "-screen 0 1366x768x24" "$exe" --self-test
echo "--- frozen command line"
"$exe" --version
"$exe" --data-dir "$out/cli" questionnaire list >/dev/null

echo "--- Linux desktop install into a scratch home"
HOME="$out/home" XDG_DATA_HOME="$out/home/.local/share" packaging/linux/install.sh dist/goedgeregeld >/dev/null
test -x "$out/home/.local/bin/goedgeregeld"
test -f "$out/home/.local/share/applications/nl.goedgeregeld.GoedGeregeld.desktop"
test -f "$out/home/.local/share/icons/hicolor/256x256/apps/goedgeregeld.png"
grep -q 'application/x-goedgeregeld-evaluation' "$out/home/.local/share/mime/globs2"
"$out/home/.local/bin/goedgeregeld" --version >/dev/null
echo "ok: bundle $mib MiB, frozen self-test passes offscreen and under Xvfb"
