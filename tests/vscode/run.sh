#!/usr/bin/env bash
# CTest entry for the VS Code tests (grammar tokenization, manifest, client):
# installs the npm packages from package-lock.json when they are missing,
# then runs node's test runner.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/vscode-textmate ] || [ ! -d node_modules/vscode-oniguruma ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi
exec node --test
