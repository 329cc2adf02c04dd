#!/usr/bin/env bash
# Installs dependencies, builds tlc and runs the whole test suite:
# the lit suite (dialect, passes, conversions, importer, tools) and the
# numerical end-to-end suite (op families vs numpy, PyTorch models vs PyTorch,
# ONNX backend test data vs its expected outputs), then scripts/test-asan.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TLC_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
"$root/scripts/build.sh"

echo "== lit suite"
"$(command -v lit || echo /usr/lib/llvm-22/bin/lit)" -sv "$build/test"

echo "== end-to-end suite"
/usr/bin/python3 "$root/test/e2e/run_all.py" --bin "$build/bin"

# The ONNX importer and tl-compile under AddressSanitizer: the test data,
# malformed and mutated models never crash them (TLC_SKIP_ASAN=1 skips it).
if [[ ${TLC_SKIP_ASAN:-0} != 1 ]]; then
  "$root/scripts/test-asan.sh"
fi
