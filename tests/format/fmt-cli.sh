#!/usr/bin/env bash
# `jaws fmt` on the command line: --check lists unformatted files and writes
# nothing; a rewrite touches only files that change (atomically: a new inode,
# the permissions kept); files with syntax errors are reported and left alone;
# `-` formats standard input; --stdout prints instead of writing; folders are
# searched recursively. Usage: fmt-cli.sh path/to/jaws
set -euo pipefail
jaws=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected [$2], got [$1]"; }

mkdir -p "$work/project/sub" "$work/project/node_modules"
printf 'project p {\nruntime="nodejs22.x"\nmemory=256MB\n}\n' > "$work/project/unformatted.jaws"
printf 'stage dev {}\n' > "$work/project/formatted.jaws"
printf 'let   x=1\n' > "$work/project/sub/nested.jaws"
printf 'let y=2\n' > "$work/project/node_modules/ignored.jaws"
printf 'project broken {\n  runtime = \n}\n' > "$work/broken.jaws"
chmod 640 "$work/project/unformatted.jaws"

# --check: lists the two unformatted files, exits 1, changes nothing.
before=$(cd "$work" && find . -type f -exec md5sum {} + | sort)
set +e
out=$(cd "$work" && "$jaws" fmt --check project 2>&1)
rc=$?
set -e
expect_eq "$rc" 1 "--check exit code"
expect_eq "$out" "$(printf 'project/sub/nested.jaws\nproject/unformatted.jaws')" "--check output"
after=$(cd "$work" && find . -type f -exec md5sum {} + | sort)
expect_eq "$after" "$before" "--check writes nothing"

# A file named twice (directly and through its folder) is listed once.
set +e
out=$(cd "$work" && "$jaws" fmt --check project/unformatted.jaws project 2>&1)
set -e
expect_eq "$out" "$(printf 'project/unformatted.jaws\nproject/sub/nested.jaws')" "a file named twice"

# --stdout prints the formatted file and writes nothing.
out=$("$jaws" fmt --stdout "$work/project/unformatted.jaws")
expect_eq "$out" "$(printf 'project p {\n  runtime = "nodejs22.x"\n  memory  = 256MB\n}')" "--stdout output"
after=$(cd "$work" && find . -type f -exec md5sum {} + | sort)
expect_eq "$after" "$before" "--stdout writes nothing"

# A rewrite: only the files that change get a new inode; permissions stay.
inode_formatted=$(stat -c %i "$work/project/formatted.jaws")
inode_unformatted=$(stat -c %i "$work/project/unformatted.jaws")
"$jaws" fmt "$work/project" || fail "fmt on a clean project exits 0"
expect_eq "$(stat -c %i "$work/project/formatted.jaws")" "$inode_formatted" "an unchanged file is not rewritten"
[ "$(stat -c %i "$work/project/unformatted.jaws")" != "$inode_unformatted" ] || fail "a changed file is replaced by a rename"
expect_eq "$(stat -c %a "$work/project/unformatted.jaws")" 640 "permissions kept"
expect_eq "$(cat "$work/project/sub/nested.jaws")" "let x = 1" "nested folders are formatted"
expect_eq "$(cat "$work/project/node_modules/ignored.jaws")" "let y=2" "node_modules is skipped"
[ -z "$(find "$work/project" -name '.*.fmt-*')" ] || fail "no temporary file is left behind"
"$jaws" fmt --check "$work/project" > /dev/null || fail "--check passes after formatting"

# A file with syntax errors: diagnostics on stderr, exit 1, file untouched.
broken_before=$(md5sum < "$work/broken.jaws")
set +e
err=$("$jaws" fmt "$work/broken.jaws" 2>&1 >/dev/null)
rc=$?
set -e
expect_eq "$rc" 1 "syntax errors exit code"
[[ "$err" == *"error[JW1"* ]] || fail "syntax errors are printed: $err"
expect_eq "$(md5sum < "$work/broken.jaws")" "$broken_before" "a file with syntax errors is not touched"

# `-`: standard input to standard output.
out=$(printf 'output   url=api1.url' | "$jaws" fmt -)
expect_eq "$out" "output url = api1.url" "stdin formatting"
set +e
printf 'output url = \n' | "$jaws" fmt - > /dev/null 2>&1
rc=$?
set -e
expect_eq "$rc" 1 "stdin with syntax errors"

# A missing file is reported.
set +e
err=$("$jaws" fmt "$work/missing.jaws" 2>&1)
rc=$?
set -e
expect_eq "$rc" 1 "missing file exit code"
[[ "$err" == *"JW9001"* ]] || fail "a missing file is reported: $err"

# The examples are in the canonical layout: a user who runs `jaws fmt` on
# them changes nothing.
examples="$(cd "$(dirname "$0")/../../examples" && pwd)"
set +e
out=$("$jaws" fmt --check "$examples" 2>&1)
rc=$?
set -e
expect_eq "$rc" 0 "the examples are formatted ($out)"

if [ "$failures" -ne 0 ]; then
  echo "$failures failed"
  exit 1
fi
echo "jaws fmt command line: all checks passed"
