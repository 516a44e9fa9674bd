#!/usr/bin/env bash
# Runs one fuzz target for a bounded time: run-fuzzer.sh TARGET SEEDS WORK SECONDS [libFuzzer flags...]
# The committed seeds are read, never written: new inputs go to WORK/corpus,
# and a crashing input to WORK/ (its path is printed). Exit status: libFuzzer's
# (0 when the time ran out with nothing found).
set -euo pipefail
target=$1 seeds=$2 work=$3 seconds=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/corpus"
dict=()
case $(basename "$target") in
  jaws_fuzz_lsp) dict=(-dict="$here/lsp.dict") ;;
  *) dict=(-dict="$here/jaws.dict") ;;
esac
# Per input: at most 10 s (a hang), 2 GB and 16 KiB. Leaks are reported by
# LeakSanitizer at the end of each input.
exec "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -print_final_stats=1 -artifact_prefix="$work/" "${dict[@]}" "$@" "$work/corpus" "$seeds"
