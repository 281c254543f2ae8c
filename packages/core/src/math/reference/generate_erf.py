"""Reference values of erf and erfc computed with mpmath at 60 significant digits, for erf.test.ts.

Run from the repository root:  python3 packages/core/src/math/reference/generate_erf.py
Writes erf.json next to this script. Needs mpmath (checked with 1.3.0).
"""

import json
import math
import os
import random

import mpmath as mp

mp.mp.dps = 60


def neighbours(x, n=3):
    """x and the n doubles on either side of it (the branch boundaries of fdlibm's method)."""
    out = [x]
    lo = hi = x
    for _ in range(n):
        lo = math.nextafter(lo, -math.inf)
        hi = math.nextafter(hi, math.inf)
        out += [lo, hi]
    return out


def points():
    xs = [k / 64 for k in range(-64 * 30, 64 * 30 + 1)]
    for b in (2.0**-56, 2.0**-28, 0.25, 0.84375, 1.25, 1 / 0.35, 6.0, 26.5, 27.0, 28.0):
        for v in neighbours(b):
            xs += [v, -v]
    rng = random.Random(20240601)
    xs += [rng.uniform(-30, 30) for _ in range(3000)]
    xs += [rng.uniform(-2, 2) for _ in range(1000)]
    xs += [math.copysign(10.0 ** rng.uniform(-300, -1), rng.uniform(-1, 1)) for _ in range(300)]
    xs += [1e-310, -1e-310, 5e-324, -5e-324, 0.0, 100.0, -100.0, 1e4, -1e4]
    return sorted(set(xs))


def s(v):
    return mp.nstr(mp.mpf(v), 21, strip_zeros=False, min_fixed=-4, max_fixed=10)


def main():
    xs = points()
    data = {
        "generator": "packages/core/src/math/reference/generate_erf.py (mpmath %s, %d digits)" % (mp.__version__, mp.mp.dps),
        # x as repr() of the double: parses back to the same double in JavaScript
        "x": [repr(x) for x in xs],
        "erf": [s(mp.erf(mp.mpf(x))) for x in xs],
        "erfc": [s(mp.erfc(mp.mpf(x))) for x in xs],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "erf.json")
    with open(path, "w") as fh:
        json.dump(data, fh, separators=(",", ":"))
        fh.write("\n")
    print("wrote", path, len(xs), "points")


if __name__ == "__main__":
    main()
