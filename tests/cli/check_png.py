#!/usr/bin/env python3
"""Checks a PNG: signature, IHDR chunk, and a plausible size for a diagram.
usage: check_png.py FILE MIN_SIDE MAX_SIDE"""
import struct
import sys
import zlib

path, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG signature")
length, kind = struct.unpack(">I4s", data[8:16])
if kind != b"IHDR" or length != 13:
    sys.exit("first chunk is not IHDR")
width, height = struct.unpack(">II", data[16:24])
crc = struct.unpack(">I", data[29:33])[0]
if zlib.crc32(data[12:29]) != crc:
    sys.exit("IHDR checksum mismatch")
if not data.endswith(b"IEND\xaeB`\x82"):
    sys.exit("no IEND chunk: truncated")
for side in (width, height):
    if not lo <= side <= hi:
        sys.exit("implausible size %dx%d" % (width, height))
print("ok: %dx%d" % (width, height))
