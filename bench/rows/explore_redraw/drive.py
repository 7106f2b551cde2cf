#!/usr/bin/env python3
"""Drives kls.kls's explore through a 101 × 30 pseudo-terminal: 100 keys (↑ and ↓ in turn),
each sent once the previous frame has arrived, then Enter. Prints the median time from a key
to the end of its frame in ms (on stderr) and, last, the number of values explore returned.

Usage: drive.py KLS"""
import re
import statistics
import sys
import time

import pexpect

KEYS = 100
child = pexpect.spawn(sys.argv[1], ["kls.kls"], env={"TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8"},
                      encoding="utf-8", dimensions=(30, 101), timeout=30)
child.delaybeforesend = None
FRAME_END = "Enter keep · q quit"
child.expect_exact(FRAME_END)
latencies = []
for index in range(KEYS):
    start = time.perf_counter()
    child.send("\x1b[A" if index % 2 == 0 else "\x1b[B")
    child.expect_exact(FRAME_END)
    latencies.append(time.perf_counter() - start)
child.send("\r")
child.expect(pexpect.EOF)
print(f"explore redraw, key to frame: median {statistics.median(latencies) * 1000:.2f} ms, "
      f"max {max(latencies) * 1000:.2f} ms", file=sys.stderr)
print(re.sub(r"\x1b\[[\d;?]*[A-Za-z]", "", child.before).strip().splitlines()[-1])
