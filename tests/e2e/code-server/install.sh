#!/usr/bin/env bash
# Installs code-server (VS Code in the browser, with a Node extension host) and the Debian
# packages the e2e harness needs, idempotently. code-server is deliberately not a dependency in
# package.json: it is ~300 MB and only the e2e tests use it. See /work/shared/ENVIRONMENT.md.
#   chromium     the headless browser that opens the workbench (playwright-core never downloads one)
#   ripgrep      code-server's search; its npm package would otherwise download rg from GitHub
#   libkrb5-dev  headers for the kerberos native module that code-server builds on install
set -euo pipefail

VERSION="4.100.3"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
CACHE="${MANDATE_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
STAMP="$CACHE/installed-$VERSION"
RG_CACHE="/tmp/vscode-ripgrep-cache-1.15.11"
RG_ARCHIVE="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/rg ] || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "e2e: installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -f "$STAMP" ] && [ -x "$CACHE/node_modules/.bin/code-server" ]; then
    echo "e2e: code-server $VERSION already installed in ${CACHE#"$ROOT"/}"
    exit 0
fi

# @vscode/ripgrep's postinstall looks in this cache before it tries to download from GitHub.
if [ ! -f "$RG_ARCHIVE" ]; then
    mkdir -p "$RG_CACHE"
    tar czf "$RG_ARCHIVE" -C /usr/bin rg
fi

echo "e2e: installing code-server $VERSION into ${CACHE#"$ROOT"/} (about a minute)"
mkdir -p "$CACHE"
# A package.json of its own, so npm installs here and never touches the repository's manifest.
printf '{ "name": "mandate-e2e-code-server", "private": true }\n' > "$CACHE/package.json"
start=$SECONDS
(cd "$CACHE" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION" >"$CACHE/install.log" 2>&1) || {
    echo "e2e: npm install code-server@$VERSION failed; last lines of $CACHE/install.log:" >&2
    tail -n 30 "$CACHE/install.log" >&2
    exit 1
}
"$CACHE/node_modules/.bin/code-server" --version >/dev/null
touch "$STAMP"
echo "e2e: code-server $VERSION installed in $((SECONDS - start)) s"
