#!/bin/sh
# Installs the Debian packages the wizard needs (Qt runtime libraries, Xvfb for
# screenshots, IPAex fonts, LibreOffice + poppler for PDF checks) and the
# fontconfig aliases that map MS Mincho/Gothic to IPAex (Noto CJK is the fallback
# for JIS X 0213 / CJK Ext-B name characters such as 𠮷 in PDFs).  Runs only as root;
# otherwise says what to install and returns 0 so that `make` goes on.
set -e
PKGS="libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0 \
libxcb1 libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 \
libxcb-xfixes0 libxcb-xkb1 xvfb xauth fonts-ipaexfont-gothic fonts-ipaexfont-mincho fontconfig"
OPTIONAL="libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
STAMP=".venv/.system-deps"
[ -f "$STAMP" ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "注意: root ではない（または apt-get がない）ため、システムパッケージの導入を省略します。"
    echo "note: not root (or no apt-get); skipping system packages. Needed: $PKGS"
    exit 0
fi
missing=""
python3 -c "import ensurepip, venv" >/dev/null 2>&1 || missing=" python3-venv python3-pip"
for p in $PKGS ${WITH_OPTIONAL:-$OPTIONAL}; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "apt-get install:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
CONF=/etc/fonts/local.conf
if ! grep -q IPAexMincho "$CONF" 2>/dev/null; then
    cat > "$CONF" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <alias binding="same"><family>MS Mincho</family><accept><family>IPAexMincho</family></accept></alias>
  <alias binding="same"><family>ＭＳ 明朝</family><accept><family>IPAexMincho</family></accept></alias>
  <alias binding="same"><family>MS PMincho</family><accept><family>IPAexMincho</family></accept></alias>
  <alias binding="same"><family>Yu Mincho</family><accept><family>IPAexMincho</family></accept></alias>
  <alias binding="same"><family>游明朝</family><accept><family>IPAexMincho</family></accept></alias>
  <alias binding="same"><family>MS Gothic</family><accept><family>IPAexGothic</family></accept></alias>
  <alias binding="same"><family>ＭＳ ゴシック</family><accept><family>IPAexGothic</family></accept></alias>
  <alias binding="same"><family>MS PGothic</family><accept><family>IPAexGothic</family></accept></alias>
  <alias binding="same"><family>Yu Gothic</family><accept><family>IPAexGothic</family></accept></alias>
  <alias binding="same"><family>游ゴシック</family><accept><family>IPAexGothic</family></accept></alias>
  <alias binding="same"><family>Meiryo</family><accept><family>IPAexGothic</family></accept></alias>
</fontconfig>
XML
    fc-cache -f >/dev/null 2>&1 || true
fi
mkdir -p .venv && touch "$STAMP"
