#!/usr/bin/env bash
# Installs every system dependency of tlc. Idempotent: re-running it only installs what is missing.
set -euo pipefail

packages=(
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools clang-22 lld-22 libclang-rt-22-dev
  cmake ninja-build ccache g++
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata
  python3-numpy python3-onnx python3-torch python3-torchvision pybind11-dev
  nodejs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ONNX Runtime (CPU) from npm: the peer for benchmarks and an oracle for tests.
# --ignore-scripts: the install script would fetch a GPU provider; the CPU
# library ships inside the package.
# Debian's nodejs leaves npm to a package of its own; NodeSource's includes it.
if ! command -v npm >/dev/null; then
  echo "setup: installing npm"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm
fi
root=$(cd "$(dirname "$0")/.." && pwd)
ort_dir=$root/.deps/ort
if [[ ! -f $ort_dir/node_modules/onnxruntime-node/package.json ]]; then
  echo "setup: installing onnxruntime-node@1.30.0 into $ort_dir"
  mkdir -p "$ort_dir"
  npm install --prefix "$ort_dir" --ignore-scripts --no-audit --no-fund --loglevel=error \
    onnxruntime-node@1.30.0
fi
