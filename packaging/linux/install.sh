#!/usr/bin/env bash
# Install a built bundle for the current user: the app, its menu entry, icons and file types.
# Usage: packaging/linux/install.sh [BUNDLE_DIR]   (default: dist/goedgeregeld)
# Remove again with: packaging/linux/install.sh --uninstall
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir="$HOME/.local/opt/goedgeregeld"
bin_dir="$HOME/.local/bin"
desktop=nl.goedgeregeld.GoedGeregeld.desktop

refresh() {
  command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app_dir" "$bin_dir/goedgeregeld" "$data/applications/$desktop" \
    "$data/mime/packages/goedgeregeld-mime.xml"
  rm -f "$data"/icons/hicolor/*/apps/goedgeregeld.png "$data"/icons/hicolor/*/mimetypes/goedgeregeld.png
  refresh
  echo "Goed Geregeld is verwijderd (uw gegevens blijven bewaard)."
  exit 0
fi

bundle=${1:-$root/dist/goedgeregeld}
[ -x "$bundle/goedgeregeld" ] || { echo "geen bundel in $bundle: eerst python packaging/build.py" >&2; exit 1; }
mkdir -p "$app_dir" "$bin_dir" "$data/applications" "$data/mime/packages"
rm -rf "$app_dir"
cp -a "$bundle" "$app_dir"
ln -sf "$app_dir/goedgeregeld" "$bin_dir/goedgeregeld"
sed "s|^Exec=goedgeregeld|Exec=$app_dir/goedgeregeld|; s|^TryExec=goedgeregeld|TryExec=$app_dir/goedgeregeld|" \
  "$here/$desktop" >"$data/applications/$desktop"
cp "$here/goedgeregeld-mime.xml" "$data/mime/packages/"
for png in "$root"/packaging/icons/goedgeregeld-*.png; do
  size=$(basename "$png" .png); size=${size#goedgeregeld-}
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$data/icons/hicolor/${size}x${size}/apps/goedgeregeld.png"
done
refresh
echo "Goed Geregeld staat in het menu (Kantoor); starten kan ook met: $bin_dir/goedgeregeld"
