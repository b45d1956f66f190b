#!/bin/sh
# Debian packages for `make bundle-windows` (packaging/windows/bundle-windows.sh): Wine to run the
# Windows Python and PyInstaller, mingw-w64 for the two test-only stub DLLs, NSIS for the
# installer, osslsigncode for the runtime's Authenticode check, zip, the ja_JP locale source
# (locales) and IPAexGothic for the Wine prefix.  Installs only what is missing, only as root;
# otherwise it names the packages and fails (the Windows build cannot go on without them).
set -e
PKGS="wine wine64 gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 nsis osslsigncode zip locales \
fonts-ipaexfont-gothic xvfb xauth x11-apps xdotool"
missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "エラー: Windows 版のビルドに必要なパッケージがありません（root で導入してください）:$missing" >&2
    exit 2
fi
echo "apt-get install:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
