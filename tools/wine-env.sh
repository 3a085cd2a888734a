# Shared by tools/ scripts: one private WINEPREFIX, msgsock's DLLs, Wine's environment.
# Sourced, not run.  Every function works on the prefix named by msgsock_prefix_init.

MSGSOCK_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export WINEDEBUG=${WINEDEBUG:--all}
# No Mono / Gecko installers, no desktop integration: a prefix made for tests only.
MSGSOCK_QUIET_OVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"

msgsock_build_dir() {  # $1 = arch
    echo "${MSGSOCK_BUILD:-$MSGSOCK_TOP/build}/$1"
}

# Creates the prefix on first use (with Wine's own DLLs, so wineboot never runs ours).
msgsock_prefix_init() {  # $1 = prefix, $2 = arch
    export WINEPREFIX=$1
    case "$2" in
        x86_64) MSGSOCK_WINE=/usr/lib/wine/wine64; MSGSOCK_SYSDIR=system32 ;;
        i686) MSGSOCK_WINE=/usr/lib/wine/wine; MSGSOCK_SYSDIR=syswow64 ;;
        *) echo "unknown arch $2" >&2; return 1 ;;
    esac
    [ -x "$MSGSOCK_WINE" ] || MSGSOCK_WINE=$(command -v wine)
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        mkdir -p "$WINEPREFIX"
        WINEDLLOVERRIDES="$MSGSOCK_QUIET_OVERRIDES" "$MSGSOCK_WINE" wineboot -i >/dev/null 2>&1
        wineserver -w
    fi
}

msgsock_use_builtin() {
    export WINEDLLOVERRIDES="ws2_32,mswsock=b;$MSGSOCK_QUIET_OVERRIDES"
    unset WINEDLLPATH
}

# Copies msgsock into the prefix's system directory and points Wine at the helper's unix library.
msgsock_use_msgsock() {  # $1 = arch
    local dir sys
    dir=$(msgsock_build_dir "$1")
    sys="$WINEPREFIX/drive_c/windows/$MSGSOCK_SYSDIR"
    for f in ws2_32.dll mswsock.dll msgsock.dll; do
        [ -f "$dir/$f" ] || { echo "msgsock: $dir/$f is missing: run make" >&2; return 1; }
        cp -f "$dir/$f" "$sys/$f"
    done
    export WINEDLLOVERRIDES="ws2_32,mswsock=n;$MSGSOCK_QUIET_OVERRIDES"
    export WINEDLLPATH="$dir"
}

msgsock_prefix_stop() {
    wineserver -k 2>/dev/null
    wineserver -w 2>/dev/null
}
