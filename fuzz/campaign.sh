#!/usr/bin/env bash
# Runs the fuzz targets one after another (never in parallel), each for SECONDS (default 200),
# seeded from seeds/<target>/, growing corpus/<target>/, with logs in target/fuzz-logs/.
# Usage: fuzz/campaign.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-200}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(html feed jsonl warc sniff text annotate)
mkdir -p target/fuzz-logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    echo "== $t (${secs}s) at $(git rev-parse --short HEAD)$(git status --porcelain -- ../crates | grep -q . && echo ' + uncommitted crates/ changes')"
    cargo fuzz run "$t" -s none "corpus/$t" "seeds/$t" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        > "target/fuzz-logs/$t.log" 2>&1
    echo "   exit $? ; $(grep -E '^(Done|stat::number_of_executed_units)' "target/fuzz-logs/$t.log" | tr '\n' ' ')"
    grep -E 'panicked at|^SUMMARY|Test unit written' "target/fuzz-logs/$t.log" | head -5
done
