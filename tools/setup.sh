#!/usr/bin/env bash
# Installs everything the build and tests need on a Debian 12 machine, unattended and idempotent:
# apt packages, Dear ImGui sources (Debian source package, pinned), npm packages (from the lock file).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMGUI_VERSION="1.92.2b+ds-1"
IMGUI_UPSTREAM="1.92.2b+ds"
IMGUI_ORIG_SHA256="e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48"
CACHE_DIR="${MOTCUA_CACHE_DIR:-/var/cache/motcua}"
IMGUI_DIR="$ROOT/.cache/imgui"

APT_PACKAGES=(
    build-essential cmake ninja-build clang libclang-rt-14-dev
    emscripten nlohmann-json3-dev catch2 libzxing-dev
    chromium fonts-noto-core fonts-noto-cjk python3-fonttools
    qrencode ffmpeg brotli wrk dpkg-dev xz-utils ca-certificates
    python3-aiohttp python3-cryptography python3-psycopg python3-psycopg-pool postgresql nginx-light openssl
)

log() { printf '[setup] %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
    local missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "apt packages: all present"
        return
    fi
    log "apt packages: installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# A deb-src stanza derived from the machine's own first apt source, so no host name is written in
# this repository; a private apt state keeps the machine's own lists untouched.
fetch_imgui_tarball() {
    local tarball="$CACHE_DIR/imgui_${IMGUI_UPSTREAM}.orig.tar.xz"
    if [ -f "$tarball" ] && echo "$IMGUI_ORIG_SHA256  $tarball" | sha256sum -c --quiet - 2>/dev/null; then
        echo "$tarball"
        return
    fi
    as_root mkdir -p "$CACHE_DIR"
    local work
    work="$(mktemp -d)"
    local sources=/etc/apt/sources.list.d/debian.sources
    if [ ! -f "$sources" ]; then
        echo "[setup] cannot derive a deb-src stanza: $sources is missing" >&2
        return 1
    fi
    local uris signed
    uris="$(awk '/^URIs:/{print; exit}' "$sources")"
    signed="$(awk '/^Signed-By:/{print; exit}' "$sources")"
    mkdir -p "$work/parts" "$work/lists/partial" "$work/cache/archives/partial"
    printf 'Types: deb-src\n%s\nSuites: trixie sid\nComponents: main\n%s\n' "$uris" "$signed" \
        >"$work/parts/src.sources"
    local opts=(-o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
        -o "Dir::Etc::SourceParts=$work/parts" -o "Dir::Etc::SourceList=/dev/null"
        -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
    apt-get "${opts[@]}" update -q >"$work/update.log" 2>&1 || {
        cat "$work/update.log" >&2
        echo "[setup] could not read Debian's source index" >&2
        return 1
    }
    if ! (cd "$work" && apt-get "${opts[@]}" source --download-only -q "imgui=$IMGUI_VERSION" \
        >"$work/source.log" 2>&1); then
        cat "$work/source.log" >&2
        echo "[setup] imgui $IMGUI_VERSION is no longer offered by Debian. Versions offered now:" >&2
        apt-cache "${opts[@]}" showsrc imgui 2>/dev/null | awk '/^Version:/{print "  " $2}' >&2
        echo "[setup] move IMGUI_VERSION and IMGUI_ORIG_SHA256 in tools/setup.sh to one of them." >&2
        return 1
    fi
    local got
    got="$(ls "$work"/imgui_*.orig.tar.* | head -1)"
    if ! echo "$IMGUI_ORIG_SHA256  $got" | sha256sum -c --quiet -; then
        echo "[setup] sha256 of $got does not match the pin" >&2
        return 1
    fi
    as_root cp "$got" "$tarball"
    rm -rf "$work"
    echo "$tarball"
}

install_imgui() {
    if [ -f "$IMGUI_DIR/.version" ] && [ "$(cat "$IMGUI_DIR/.version")" = "$IMGUI_VERSION" ]; then
        log "imgui $IMGUI_VERSION: present"
        return
    fi
    log "imgui $IMGUI_VERSION: fetching"
    local tarball
    tarball="$(fetch_imgui_tarball)"
    rm -rf "$IMGUI_DIR"
    mkdir -p "$IMGUI_DIR"
    tar -xf "$tarball" -C "$IMGUI_DIR" --strip-components=1
    echo "$IMGUI_VERSION" >"$IMGUI_DIR/.version"
    log "imgui unpacked into $IMGUI_DIR"
}

install_npm_packages() {
    if [ -d "$ROOT/node_modules/playwright-core" ] && [ -d "$ROOT/node_modules/zxing-wasm" ] &&
        [ -d "$ROOT/node_modules/axe-core" ] &&
        [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then
        log "npm packages: present"
        return
    fi
    log "npm packages: npm ci"
    (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

install_apt_packages
install_imgui
install_npm_packages
log "ready"
