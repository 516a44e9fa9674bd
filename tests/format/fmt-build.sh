#!/usr/bin/env bash
# Formatting never changes the compiled artifacts: every example project is
# built as written and again after its layout was scrambled (leading
# whitespace stripped from every line) and then restored by `jaws fmt`; the two
# build folders must be byte for byte the same. Usage: fmt-build.sh path/to/jaws
set -euo pipefail
jaws=$1
examples="$(cd "$(dirname "$0")/../../examples" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$examples" "$work/original"
cp -r "$examples" "$work/formatted"
find "$work/formatted" -name '*.jaws' -exec sed -i 's/^[ \t]*//' {} +
"$jaws" fmt "$work/formatted" > /dev/null
"$jaws" fmt --check "$work/formatted" > /dev/null

build() {
  "$jaws" build "$1" -o "$2" > "$work/build.log" 2>&1 || { echo "FAIL: jaws build $1"; cat "$work/build.log"; exit 1; }
}

projects=0
for project in "$work"/original/*/; do
  name=$(basename "$project")
  build "$work/original/$name" "$work/build-original/$name"
  build "$work/formatted/$name" "$work/build-formatted/$name"
  if ! diff -r "$work/build-original/$name" "$work/build-formatted/$name" > "$work/diff.txt"; then
    echo "FAIL: formatting $name changed its artifacts:"
    head -40 "$work/diff.txt"
    exit 1
  fi
  projects=$((projects + 1))
done
[ "$projects" -gt 0 ] || { echo "FAIL: no example project found"; exit 1; }
echo "formatting changed no artifact of the $projects example projects"
