#!/bin/sh
# CTest entry of the language-server tests: installs the client libraries
# from package-lock.json when they are missing, then runs every *.test.mjs
# against the jaws binary given as the first argument.
set -eu
jaws=$(realpath "$1")
cd "$(dirname "$0")"
if [ ! -d node_modules/vscode-languageserver-protocol ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
JAWS_BIN="$jaws" exec node --test --test-concurrency=2 ./*.test.mjs
