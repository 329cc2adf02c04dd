#!/usr/bin/env python3
"""Imports every DIR/*.onnx (sorted) with TL_TRANSLATE, naming each function
after its file, and prints the modules one after the other.

Usage: import_all.py TL_TRANSLATE DIR [EXTRA_ARGS...]
Exit status 1 (after printing the errors) if any import failed.
"""

import os
import subprocess
import sys


def main(argv):
    tool, directory, extra = argv[1], argv[2], argv[3:]
    status = 0
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".onnx"):
            continue
        stem = name[:-len(".onnx")]
        proc = subprocess.run(
            [tool, "--import-onnx", os.path.join(directory, name),
             f"--onnx-entry-name={stem}"] + extra,
            capture_output=True, text=True)
        sys.stdout.write(proc.stdout)
        if proc.returncode != 0:
            sys.stderr.write(f"{name}: exit status {proc.returncode}\n{proc.stderr}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
