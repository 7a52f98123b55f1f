# Sourced by scripts/start, scripts/test and the benchmark scripts (not run): installs the Debian
# packages the build links against when they are missing — as root with apt-get, otherwise it
# prints the one line that does.
#   libqrencode-dev  QR codes of the public notice pages (Sources/CQRencode, found by pkg-config)
ensure_build_packages() {
    if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libqrencode; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "libqrencode is missing; run: sudo apt-get update && sudo apt-get install -y pkg-config libqrencode-dev" >&2
        exit 1
    fi
    echo "installing libqrencode-dev (apt)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libqrencode-dev >/dev/null
}
