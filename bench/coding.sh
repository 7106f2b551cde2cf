#!/usr/bin/env bash
# bench/coding.sh — times the coding-theory rows (bench/rows/huffman_100k, bench/rows/arith_1mb)
# on their own: each implementation (kls.kls, and python.py where present) runs once to check it
# works, then 5 timed runs; prints the median wall time and whether kls is under the row's
# "ms LIMIT" target. Usage: bench/coding.sh [KLS] (default .build/release/kls, built if missing).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
kls="${1:-$root/.build/release/kls}"
python="${PYTHON:-python3}"
runs=5
if [ ! -x "$kls" ]; then "$root/scripts/build-release" >&2 || exit 1; fi
kls="$(cd "$(dirname "$kls")" && pwd)/$(basename "$kls")"

# "WALL CPU": the median wall time and the median CPU time (user + system) in milliseconds of
# "$@" run in directory $dir, over $runs runs. On a loaded machine CPU time is the steadier figure.
median_ms() {
  local i samples TIMEFORMAT='%R %U %S'
  samples="$(for ((i = 0; i < runs; i++)); do { time (cd "$dir" && "$@" >/dev/null 2>&1); } 2>&1; done)"
  echo "$(awk '{ print int($1 * 1000) }' <<<"$samples" | middle) $(awk '{ print int(($2 + $3) * 1000) }' <<<"$samples" | middle)"
}
middle() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '%-52s %-18s %-18s %s\n' row "kls wall (cpu)" "python wall (cpu)" "kls target (wall)"
status=0
for dir in "$here"/rows/huffman_100k "$here"/rows/arith_1mb; do
  title="$(head -n 1 "$dir/title")"
  answer="$(cd "$dir" && "$kls" kls.kls 2>&1)" || { echo "$title: kls failed: $answer"; status=1; continue; }
  read -r k kcpu <<<"$(median_ms "$kls" kls.kls)"
  p="n/a"
  if [ -f "$dir/python.py" ] && command -v "$python" >/dev/null; then
    reference="$(cd "$dir" && "$python" python.py)"
    [ "$reference" = "$answer" ] || echo "  note: kls printed $answer, python $reference"
    read -r pw pcpu <<<"$(median_ms "$python" python.py)"
    p="$pw ms ($pcpu ms)"
  fi
  limit=$(awk '$1 == "ms" { print $2 }' "$dir/targets")
  verdict="n/a"
  if [ -n "$limit" ]; then
    if [ "$k" -lt "$limit" ]; then verdict="< $limit ms: ok"; else verdict="< $limit ms: NO"; status=1; fi
  fi
  printf '%-52s %-18s %-18s %s\n' "$title" "$k ms ($kcpu ms)" "$p" "$verdict"
done
exit $status
