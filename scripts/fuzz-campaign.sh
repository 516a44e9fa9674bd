#!/usr/bin/env bash
# A longer fuzzing campaign than `make test` runs: scripts/fuzz-campaign.sh [BUILD] [SECONDS] [JOBS]
# Runs each fuzz target of the clang sanitizer tree BUILD (default build-asan,
# configured with -DCMAKE_CXX_COMPILER=clang++, docs/testing.md) for SECONDS (default 1800),
# JOBS targets at a time (default 2), from the committed seeds
# (tests/fuzz/corpus/) plus what earlier campaigns found (BUILD/fuzz-campaign/).
# Prints the executions of each target and the total; exits 1 if any target
# found a crash, a hang, a leak or a broken property (the input is kept in
# BUILD/fuzz-campaign/<target>/, its path in the target's log).
set -uo pipefail
build=${1:-build-asan} seconds=${2:-1800} jobs=${3:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
targets=(check build lsp format)
for t in "${targets[@]}"; do
  if [ ! -x "$build/tests/fuzz/jaws_fuzz_$t" ]; then
    echo "fuzz-campaign: $build/tests/fuzz/jaws_fuzz_$t is missing; build a clang sanitizer tree first (docs/testing.md)" >&2
    exit 2
  fi
done
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
out="$build/fuzz-campaign"
mkdir -p "$out"
run() {
  local t=$1
  local seeds=jaws
  [ "$t" = lsp ] && seeds=lsp
  "$root/tests/fuzz/run-fuzzer.sh" "$build/tests/fuzz/jaws_fuzz_$t" "$root/tests/fuzz/corpus/$seeds" "$out/$t" "$seconds" \
    >"$out/$t.log" 2>&1
  echo $? >"$out/$t.status"
}
running=0
for t in "${targets[@]}"; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait
failed=0 total=0
printf '%-8s %14s %10s  %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/$t.log" | tail -1 | grep -o '[0-9]*$')
  rate=$(grep -o 'stat::average_exec_per_sec: [0-9]*' "$out/$t.log" | tail -1 | grep -o '[0-9]*$')
  status=$(cat "$out/$t.status")
  result=ok
  if [ "$status" != 0 ]; then result="FAILED (exit $status; see $out/$t.log)"; failed=1; fi
  printf '%-8s %14s %10s  %s\n' "$t" "${runs:-?}" "${rate:-?}" "$result"
  total=$((total + ${runs:-0}))
done
printf '%-8s %14s\n' total "$total"
exit $failed
