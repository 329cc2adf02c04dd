#!/usr/bin/env python3
"""Compares the memrefs printed (printMemrefF32) by two runs of a test.

  compare_outputs.py FAST.txt REFERENCE.txt [--rtol R] [--atol A]

Prints "<n> outputs match" when every printed memref of FAST has the shape of
the one at the same position in REFERENCE and all elements agree within
|fast - ref| <= atol + rtol * |ref| (NaNs must match NaNs); otherwise prints
the first difference and exits with 1.
"""
import argparse
import re
import sys

import numpy as np

HEADER = re.compile(r"Memref base@ = \S+ rank = (\d+) offset = \d+ sizes = \[([^\]]*)\]")
NUMBER = re.compile(r"[-+]?(?:nan|inf|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)")


def parse(path):
    text = open(path).read()
    headers = list(HEADER.finditer(text))
    arrays = []
    for i, h in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        body = text[text.index("data =", h.end()) + len("data ="):end]
        shape = [int(s) for s in h.group(2).split(",") if s.strip()]
        values = np.array([float(v) for v in NUMBER.findall(body)], dtype=np.float64)
        if values.size != int(np.prod(shape)):
            sys.exit(f"{path}: output {i}: {values.size} values for shape {shape}")
        arrays.append(values.reshape(shape))
    return arrays


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("fast")
    parser.add_argument("reference")
    parser.add_argument("--rtol", type=float, default=1e-4)
    parser.add_argument("--atol", type=float, default=1e-4)
    args = parser.parse_args()
    fast, ref = parse(args.fast), parse(args.reference)
    if len(fast) != len(ref) or not ref:
        sys.exit(f"{len(fast)} outputs against {len(ref)} reference outputs")
    for i, (f, r) in enumerate(zip(fast, ref)):
        if f.shape != r.shape:
            sys.exit(f"output {i}: shape {f.shape} against {r.shape}")
        bad = ~(np.isclose(f, r, rtol=args.rtol, atol=args.atol) | (np.isnan(f) & np.isnan(r)))
        if bad.any():
            idx = tuple(int(j) for j in np.argwhere(bad)[0])
            sys.exit(f"output {i}: {int(bad.sum())} of {f.size} elements differ; "
                     f"first at {idx}: {f[idx]} against {r[idx]}")
    print(f"{len(ref)} outputs match")


if __name__ == "__main__":
    main()
