#!/usr/bin/python3
"""The validator's preprocessing, one image at a time, for `npm run bench -- --reference`.

Writes "R" once imported, then reads an image path per line on stdin and answers on stdout with 3 float64
timings in ms (decode, resize, tensor) followed by the float32 [3, 512, 512]
tensor, using exactly the validator's expressions:
    Image.open(path).convert("RGB").resize((512, 512), LANCZOS)
    np.array(img, dtype=np.float32) / 255.0, transposed to CHW
On end of input it writes its peak RSS (KiB) on stderr as `maxrss <n>`.
"""

import resource
import struct
import sys
import time

import numpy as np
from PIL import Image


def main():
    out = sys.stdout.buffer
    # Ready: the imports are done, so their time is not counted.
    out.write(b"R")
    out.flush()
    for line in sys.stdin:
        path = line.rstrip("\n")
        t0 = time.perf_counter()
        img = Image.open(path).convert("RGB")
        t1 = time.perf_counter()
        img = img.resize((512, 512), Image.Resampling.LANCZOS)
        t2 = time.perf_counter()
        arr = np.array(img, dtype=np.float32) / 255.0
        chw = np.ascontiguousarray(np.transpose(arr, (2, 0, 1)))
        t3 = time.perf_counter()
        out.write(struct.pack("<3d", (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000))
        out.write(chw.tobytes())
        out.flush()
    sys.stderr.write(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\n")


if __name__ == "__main__":
    main()
