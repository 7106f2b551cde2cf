#!/usr/bin/env bash
# bench/kernel.sh — the Jupyter kernel's rows: kernel start to kernel_info_reply, the round
# trip of `1 + 1`, and the seed's KL fit cell against the same fit in ipykernel with PyTorch
# (bench/kernel.py does the timing). Makes a Python environment in .build/kernel-bench-venv
# (jupyter_client, ipykernel, numpy, and torch: a CPU wheel the machine holds in /opt/wheels, else
# torch from PyPI), installs both kernelspecs into a private Jupyter data directory, and
# runs. Usage: bench/kernel.sh [KLS] (default .build/release/kls, built if missing).
# Environment: STARTS (10), ROUNDS (200), FITS (3).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kls="${1:-$root/.build/release/kls}"
if [ ! -x "$kls" ]; then "$root/scripts/build-release" >&2 || exit 1; fi
kls="$(realpath "$kls")"
venv="$root/.build/kernel-bench-venv"
if ! "$venv/bin/python" -c "import jupyter_client, ipykernel, numpy, torch" 2>/dev/null; then
  python3 -m venv "$venv" || exit 1
  "$venv/bin/pip" install -q --disable-pip-version-check jupyter_client ipykernel numpy || exit 1
  wheel=$(ls /opt/wheels/torch-*+cpu-*.whl 2>/dev/null | head -1)
  "$venv/bin/pip" install -q "${wheel:-torch}" || exit 1
fi
jupyter=$(mktemp -d)
trap 'rm -rf "$jupyter"' EXIT
export JUPYTER_DATA_DIR=$jupyter/data JUPYTER_RUNTIME_DIR=$jupyter/runtime JUPYTER_CONFIG_DIR=$jupyter/config
export JUPYTER_PLATFORM_DIRS=1
"$kls" kernel install --user >/dev/null || exit 1
"$venv/bin/python" -m ipykernel install --user --name bench-python3 >/dev/null || exit 1
echo "kls: $kls"
"$venv/bin/python" "$root/bench/kernel.py" bench-python3
