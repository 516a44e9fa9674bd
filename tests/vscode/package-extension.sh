#!/usr/bin/env bash
# CTest entry that packs the VS Code extension into a .vsix with @vscode/vsce,
# as a user would (npm ci && npm run package), into a temporary folder, and
# checks what the package holds. Packing needs no network once the packages
# are installed. Install scripts are skipped: they only serve vsce's signing
# and token storage (native helpers fetched from outside the npm registry),
# which packing does not use.
set -euo pipefail
extension="$(cd "$(dirname "$0")/../../editors/vscode" && pwd)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$extension"
if [ ! -x node_modules/.bin/vsce ] || [ ! -d node_modules/vscode-languageclient ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi
node_modules/.bin/vsce package --skip-license --allow-missing-repository --out "$out/jaws.vsix"
listing=$(unzip -l "$out/jaws.vsix")
for entry in extension/package.json extension/extension.js extension/language-configuration.json \
             extension/syntaxes/jaws.tmLanguage.json extension/readme.md \
             extension/node_modules/vscode-languageclient/package.json; do
  grep -q " $entry\$" <<< "$listing" || { echo "FAIL: $entry is not in the package"; exit 1; }
done
if grep -q "node_modules/@vscode/vsce/" <<< "$listing"; then
  echo "FAIL: a development dependency was packed"
  exit 1
fi
echo "the extension packs into a .vsix with its grammar, configuration, client and runtime dependencies"
