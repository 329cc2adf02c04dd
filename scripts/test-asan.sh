#!/usr/bin/env bash
# Builds tl-translate and tl-compile with AddressSanitizer (and LeakSanitizer)
# in build-asan/ and checks that bad and unusual ONNX models never crash
# them: every model of the ONNX backend test data, the importer's malformed
# models (test/Target/ONNX/Inputs/make_models.py errors) and a fixed set of
# mutants (test/Target/ONNX/fuzz_import.py) must import or fail with one
# `error:` line and exit status 1, without a sanitizer report; models that
# import are also compiled (tl-compile --emit=obj).
#
# Environment: TLC_ASAN_BUILD_DIR (default build-asan), TLC_JOBS (2),
# TLC_FUZZ_ITERATIONS (300), TLC_FUZZ_SEED (0).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TLC_ASAN_BUILD_DIR:-$root/build-asan}
jobs=${TLC_JOBS:-2}
python=/usr/bin/python3
onnx_tests=$root/test/Target/ONNX

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
fi
if [[ ! -f $build/build.ninja ]]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DLLVM_USE_LINKER=lld -DTLC_SANITIZE=address "${launcher[@]}"
fi
echo "== AddressSanitizer build ($build)"
ninja -C "$build" -j"$jobs" tl-translate tl-compile

# exitcode: a sanitizer report must not look like exit status 1 (a
# diagnostic). Leaks in Debian's libonnx/protobuf are suppressed, each with
# its reason, in lsan.supp.
# allow_user_poisoning=0: LLVM's BumpPtrAllocator, inlined from its headers
# into our instrumented code, poisons each new slab and unpoisons what it
# hands out; the same allocator used from the uninstrumented libMLIR never
# unpoisons, so ASan would report MLIR's own allocations (use-after-poison in
# the attribute/type uniquers). Heap, stack and global checks stay on.
export ASAN_OPTIONS=allow_user_poisoning=0:exitcode=86:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan.supp:print_suppressions=0
symbolizer=$(command -v llvm-symbolizer-22 || echo /usr/lib/llvm-22/bin/llvm-symbolizer)
[[ -x $symbolizer ]] && export ASAN_SYMBOLIZER_PATH=$symbolizer

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" "$onnx_tests/Inputs/make_models.py" errors "$tmp/errors"
: >"$tmp/errors/empty.onnx"

echo "== ONNX test data and malformed models under AddressSanitizer"
"$python" "$onnx_tests/import_testdata.py" --tl-translate "$build/bin/tl-translate" \
  --tl-compile "$build/bin/tl-compile" --bind --jobs "$jobs" \
  --extra "$tmp/errors" --list-imported "$tmp/imported.txt"

echo "== mutated models under AddressSanitizer"
"$python" "$onnx_tests/fuzz_import.py" --tl-translate "$build/bin/tl-translate" \
  --tl-compile "$build/bin/tl-compile" --models "$tmp/imported.txt" --jobs "$jobs" \
  --seed "${TLC_FUZZ_SEED:-0}" --iterations "${TLC_FUZZ_ITERATIONS:-300}" \
  --save "$build/fuzz-failures"
