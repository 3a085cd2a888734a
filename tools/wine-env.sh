# Shared by tools/ scripts: one private WINEPREFIX, msgsock's DLLs, Wine's environment.
# Sourced, not run.  Every function works on the prefix named by msgsock_prefix_init.

MSGSOCK_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export WINEDEBUG=${WINEDEBUG:--all}
# No Mono / Gecko installers, no desktop integration: a prefix made for tests only.
MSGSOCK_QUIET_OVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"

msgsock_build_dir() {  # $1 = arch
    echo "${MSGSOCK_BUILD:-$MSGSOCK_TOP/build}/$1"
}

# Which Wine runs programs, in this order:
#   WINE=/path/to/wine64       a Wine installed elsewhere (its wineserver: WINESERVER, or beside it)
#   MSGSOCK_WINE_CHROOT=DIR    the Wine inside a chroot (tools/in-wine-chroot sets this up)
#   otherwise the host's Wine (Debian's /usr/lib/wine/wine64).
msgsock_select_wine() {  # $1 = arch
    local name=wine64
    [ "$1" = i686 ] && name=wine
    MSGSOCK_WINE_ROOT=""
    if [ -n "${WINE:-}" ]; then
        MSGSOCK_WINE_PATH=$WINE
        MSGSOCK_WINESERVER_PATH=${WINESERVER:-$(dirname "$WINE")/wineserver}
    elif [ -n "${MSGSOCK_WINE_CHROOT:-}" ]; then
        MSGSOCK_WINE_ROOT=$MSGSOCK_WINE_CHROOT
        MSGSOCK_WINE_PATH=/usr/lib/wine/$name
        MSGSOCK_WINESERVER_PATH=/usr/lib/wine/wineserver
    else
        MSGSOCK_WINE_PATH=/usr/lib/wine/$name
        [ -x "$MSGSOCK_WINE_PATH" ] || MSGSOCK_WINE_PATH=$(command -v wine)
        MSGSOCK_WINESERVER_PATH=wineserver
    fi
}

# Runs a command of the selected Wine, inside its chroot if it has one (in the same directory).
msgsock_wine_exec() {
    if [ -n "$MSGSOCK_WINE_ROOT" ]; then
        chroot "$MSGSOCK_WINE_ROOT" /usr/bin/env -C "$PWD" "$@"
    else
        "$@"
    fi
}

# The selected Wine as a command line in MSGSOCK_WINE_ARGV, for what runs commands itself (timeout).
msgsock_wine_argv() {
    if [ -n "$MSGSOCK_WINE_ROOT" ]; then
        MSGSOCK_WINE_ARGV=(chroot "$MSGSOCK_WINE_ROOT" /usr/bin/env -C "$PWD" "$MSGSOCK_WINE_PATH")
    else
        MSGSOCK_WINE_ARGV=("$MSGSOCK_WINE_PATH")
    fi
}

# Runs Wine (msgsock_wine PROGRAM ARGS...) and its server (msgsock_wineserver -k).
msgsock_wine() { msgsock_wine_exec "$MSGSOCK_WINE_PATH" "$@"; }
msgsock_wineserver() { msgsock_wine_exec "$MSGSOCK_WINESERVER_PATH" "$@"; }

# "wine-8.0 (Debian 8.0~repack-4)": the version of the Wine selected.
msgsock_wine_version() {
    [ -n "${MSGSOCK_WINE_PATH:-}" ] || msgsock_select_wine x86_64
    msgsock_wine --version 2>/dev/null
}

# Creates the prefix on first use (with Wine's own DLLs, so wineboot never runs ours).
msgsock_prefix_init() {  # $1 = prefix, $2 = arch
    export WINEPREFIX=$1
    case "$2" in
        x86_64) MSGSOCK_SYSDIR=system32 ;;
        i686) MSGSOCK_SYSDIR=syswow64 ;;
        *) echo "unknown arch $2" >&2; return 1 ;;
    esac
    msgsock_select_wine "$2"
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        mkdir -p "$WINEPREFIX"
        WINEDLLOVERRIDES="$MSGSOCK_QUIET_OVERRIDES" msgsock_wine wineboot -i >/dev/null 2>&1
        msgsock_wineserver -w
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
    msgsock_wineserver -k 2>/dev/null
    msgsock_wineserver -w 2>/dev/null
}
