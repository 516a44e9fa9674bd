#!/usr/bin/env bash
# Installs what building and testing Jaws needs on a fresh Debian machine,
# and only what is missing. Usage: scripts/install-deps.sh [build|test]
set -euo pipefail

mode=${1:-build}
packages=(cmake ninja-build g++ make antlr4 libantlr4-runtime-dev nlohmann-json3-dev libfmt-dev
          libcli11-dev libyaml-cpp-dev libminizip-dev zlib1g-dev libmimalloc-dev pkg-config catch2 python3 python3-pip zip unzip
          libcpp-httplib-dev libuv1-dev libvalijson-dev
          uuid-dev)  # the static ANTLR runtime links libuuid
if [ "$mode" = test ]; then
  packages+=(nodejs npm)  # also what `jaws serve` runs Node.js handlers with (python3 is above)
  packages+=(clang libclang-rt-14-dev)  # the sanitizer tree and libFuzzer (Debian 12's clang is 14)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian (as on the CI image); use them if present.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [ "$p" = nodejs ] || [ "$p" = npm ] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$mode" = test ]; then
  # The validators the artifact tests run: installed with pip where missing.
  need=()
  python3 -c "import cfnlint" 2>/dev/null || need+=(cfn-lint)
  python3 -c "import openapi_spec_validator" 2>/dev/null || need+=(openapi-spec-validator)
  python3 -c "import samtranslator" 2>/dev/null || need+=(aws-sam-translator)
  if [ "${#need[@]}" -gt 0 ]; then
    echo "install-deps: pip installing ${need[*]}"
    python3 -m pip install --quiet "${need[@]}" || python3 -m pip install --quiet --break-system-packages "${need[@]}"
  fi
fi
