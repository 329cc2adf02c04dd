#!/usr/bin/env bash
# Installs dependencies, builds tlc, compiles the bundled model (a CNN trained on
# 8x8 handwritten digits, models/digits_cnn.onnx) to a self-contained shared
# library and runs it on eight held-out digits.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TLC_BUILD_DIR:-$root/build}
out=$build/demo

"$root/scripts/setup.sh"
"$root/scripts/build.sh"

mkdir -p "$out"
echo "== tl-compile models/digits_cnn.onnx -o $out/libdigits.so"
"$build/bin/tl-compile" "$root/models/digits_cnn.onnx" -o "$out/libdigits.so"
echo "   dependencies of the compiled model:"
ldd "$out/libdigits.so" | sed 's/^/   /'

echo "== tl-run $out/libdigits.so --input models/digits_sample.npy"
"$build/bin/tl-run" "$out/libdigits.so" --input "$root/models/digits_sample.npy" \
  --output-dir "$out"

/usr/bin/python3 - "$root/models" "$out" <<'PY'
import sys, numpy as np
models, out = sys.argv[1:]
images = np.load(f"{models}/digits_sample.npy")[:, 0]
labels = np.load(f"{models}/digits_labels.npy")
probs = np.load(f"{out}/output_0.npy")
shades = " .:-=+*#%@"
for image, label, p in zip(images, labels, probs):
    art = ["".join(shades[min(9, int(v * 9.99))] * 2 for v in row) for row in image]
    print(f"\n   predicted {p.argmax()} ({p.max():.0%}), labelled {label}")
    print("\n".join("   |" + line + "|" for line in art))
print(f"\n   {int((probs.argmax(1) == labels).sum())}/{len(labels)} digits recognized")
PY
