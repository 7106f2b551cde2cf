#!/usr/bin/env bash
# bench/seed_fit.sh — times the seed's KL fit (bench/rows/seed_fit: 10,000 Adam steps on
# 1,000 points, the full trace kept) in kls, in the seed's PyTorch loop (python.py, CPU,
# float64) and in hand-written C with analytic gradients (c.c, cc -O2). Each runs once to
# check that it works and that the final losses agree (1e-6 relative), then RUNS timed runs
# (PyTorch: TORCH_RUNS); prints median wall and CPU (user + system) times, the ratios kls/X,
# kls's peak resident memory (/usr/bin/time -f %M) and whether the row's targets hold
# (kls ≤ 0.1 × PyTorch, ≤ 3 × C, < 64 MB; ratios of CPU time, the steadier figure on a
# loaded machine; kls and C are timed in alternation and their ratio is the median of the
# ratios of each pair of runs). Usage: bench/seed_fit.sh [KLS] (default .build/release/kls, built if
# missing). Environment: PYTHON (python3), CC (cc), RUNS (11), TORCH_RUNS (3).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
dir="$here/rows/seed_fit"
kls="${1:-$root/.build/release/kls}"
python="${PYTHON:-python3}"
cc="${CC:-cc}"
runs="${RUNS:-11}"
torch_runs="${TORCH_RUNS:-3}"
if [ ! -x "$kls" ]; then "$root/scripts/build-release" >&2 || exit 1; fi
kls="$(cd "$(dirname "$kls")" && pwd)/$(basename "$kls")"
work="$(mktemp -d "${TMPDIR:-/tmp}/kls-seed-fit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$cc" -O2 -o "$work/c" "$dir/c.c" -lm || { echo "seed_fit: cc failed" >&2; exit 1; }

middle() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# "WALL CPU" of one run of "$@" in $dir, in milliseconds.
one_run() {
  local TIMEFORMAT='%R %U %S'
  { time (cd "$dir" && "$@" >/dev/null 2>&1); } 2>&1 | awk '{ printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000 }'
}
# "WALL CPU" medians in milliseconds of N runs of "$@" in $dir.
medians() {
  local n="$1" i samples
  shift
  samples="$(for ((i = 0; i < n; i++)); do one_run "$@"; done)"
  echo "$(awk '{ print $1 }' <<<"$samples" | middle) $(awk '{ print $2 }' <<<"$samples" | middle)"
}
loss_of() { awk '{ print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); medians of $runs runs (PyTorch $torch_runs)"
status=0
k_out="$(cd "$dir" && "$kls" kls.kls)" || { echo "kls failed: $k_out"; exit 1; }
c_out="$(cd "$dir" && "$work/c")" || { echo "c failed"; exit 1; }
echo "kls:     $k_out"
echo "C:       $c_out"
have_torch=0
if "$python" -c 'import torch' 2>/dev/null; then
  have_torch=1
  t_out="$(cd "$dir" && "$python" python.py)" || { echo "PyTorch failed"; exit 1; }
  echo "PyTorch: $t_out"
fi
for other in "$c_out" ${t_out:+"$t_out"}; do
  if ! awk -v a="$(loss_of <<<"$k_out")" -v b="$(loss_of <<<"$other")" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 1e-6 * b) }'; then
    echo "final losses differ: kls $k_out vs $other"; status=1
  fi
done

# kls and C run in alternation, so a slow spell of a shared machine slows both alike; the
# ratios are the medians of the ratios of each pair of runs.
pairs="$(for ((i = 0; i < runs; i++)); do echo "$(one_run "$kls" kls.kls) $(one_run "$work/c")"; done)"
kw="$(awk '{ print $1 }' <<<"$pairs" | middle)"; kc="$(awk '{ print $2 }' <<<"$pairs" | middle)"
cw="$(awk '{ print $3 }' <<<"$pairs" | middle)"; ccpu="$(awk '{ print $4 }' <<<"$pairs" | middle)"
c_ratio_wall="$(awk '$3 > 0 { printf "%.4f\n", $1 / $3 }' <<<"$pairs" | middle)"
c_ratio_cpu="$(awk '$4 > 0 { printf "%.4f\n", $2 / $4 }' <<<"$pairs" | middle)"
memory_kb=0
for ((i = 0; i < 3; i++)); do
  m="$(cd "$dir" && /usr/bin/time -f %M "$kls" kls.kls 2>&1 >/dev/null | tail -n 1)"
  [ "$m" -gt "$memory_kb" ] && memory_kb="$m"
done
printf '\n%-10s %12s %12s %14s %14s\n' "" "wall ms" "CPU ms" "kls/X (wall)" "kls/X (CPU)"
printf '%-10s %12s %12s\n' kls "$kw" "$kc"
printf '%-10s %12s %12s %14.2f %14.2f\n' C "$cw" "$ccpu" "$c_ratio_wall" "$c_ratio_cpu"
if [ "$have_torch" = 1 ]; then
  read -r tw tc <<<"$(medians "$torch_runs" "$python" python.py)"
  printf '%-10s %12s %12s %14s %14s\n' PyTorch "$tw" "$tc" "$(ratio "$kw" "$tw")" "$(ratio "$kc" "$tc")"
fi
echo "kls peak memory: $((memory_kb / 1024)) MB ($memory_kb kB, full trace kept)"

# Appends "NAME: ok/NO" to $line (and clears the status) for value $2 against limit $3.
line="targets:"
check() {
  if awk -v r="$2" -v l="$3" 'BEGIN { exit !(r <= l) }'; then line+=" $1: ok"; else line+=" $1: NO"; status=1; fi
}
check "kls/C ≤ 3" "$c_ratio_cpu" 3
[ "$have_torch" = 1 ] && check "kls/PyTorch ≤ 0.1" "$(ratio "$kc" "$tc")" 0.1
check "memory < 64 MB" "$memory_kb" 65535
echo "$line"
exit $status
