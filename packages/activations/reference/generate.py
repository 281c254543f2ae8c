"""Reference values of every activation and its first derivative, computed with mpmath at 50
significant digits (independently of Fluxion's float64 code), for the tests in ../src/.

Run from the repository root:  python3 packages/activations/reference/generate.py
Writes packages/activations/reference/values.json. Needs mpmath (checked with 1.3.0).

Formulas follow docs/activations.md. Derivatives are written out in closed form in forms without
cancellation (mpmath's exponent range is unbounded, so e.g. σ'(x) = 1/((1 + e^−x)(1 + e^x)) is exact
at x = 1e4); for smooth pieces they are cross-checked against mpmath's numerical differentiation
(mp.diff) at 80 digits, and the cancellation-free forms against the naive ones at 250 digits.
"""

import json
import os

import mpmath as mp

mp.mp.dps = 50
DIGITS = 21

# The grid: every k/8 in [-40, 40] (exact in float32 and float64), plus tails and tiny inputs.
POINTS = [k / 8 for k in range(-320, 321)]
POINTS += [s * v for v in (2.0**-40, 2.0**-27, 2.0**-10, 100.0, 700.0, 1000.0, 10000.0) for s in (-1, 1)]
POINTS = sorted(set(POINTS))

SQRT_2_OVER_PI = lambda: mp.sqrt(2 / mp.pi)
GELU_K = mp.mpf("0.044715")
GELU_SIGMOID_BETA = mp.mpf("1.702")
SELU_ALPHA = mp.mpf("1.6732632423543772848170429916717")
SELU_LAMBDA = mp.mpf("1.0507009873554804934193349852946")


def sig(v):
    return 1 / (1 + mp.exp(-v))


def dsig(v):
    # σ(v)σ(−v)
    return 1 / ((1 + mp.exp(-v)) * (1 + mp.exp(v)))


def sech2(v):
    return 1 / mp.cosh(v) ** 2


def softplus_exact(v):
    return mp.log1p(mp.exp(v))


def make_swish(beta):
    b = mp.mpf(beta)
    return (lambda x: x * sig(b * x), lambda x: sig(b * x) + b * x * dsig(b * x))


def make_softplus(beta, threshold):
    b = mp.mpf(beta)

    def f(x):
        return x if b * x > threshold else softplus_exact(b * x) / b

    def d(x):
        return mp.mpf(1) if b * x > threshold else sig(b * x)

    return f, d


def make_squareplus(b):
    b = mp.mpf(b)

    def f(x):
        # b / (2(√(x² + b) − x)) for x < 0: no cancellation
        r = mp.sqrt(x * x + b)
        return (x + r) / 2 if x >= 0 else b / (2 * (r - x))

    def d(x):
        r = mp.sqrt(x * x + b)
        return (1 + x / r) / 2 if x >= 0 else b / (2 * r * (r - x))

    return f, d


def gelu_tanh_u(x):
    return SQRT_2_OVER_PI() * (x + GELU_K * x**3)


def gelu_tanh(x):
    # ½x(1 + tanh u) with 1 + tanh u = 2/(1 + e^−2u), an identity without cancellation
    return x / (1 + mp.exp(-2 * gelu_tanh_u(x)))


def gelu_tanh_d(x):
    u = gelu_tanh_u(x)
    du = SQRT_2_OVER_PI() * (1 + 3 * GELU_K * x**2)
    return 1 / (1 + mp.exp(-2 * u)) + x / 2 * sech2(u) * du


def mish(x):
    return x * mp.tanh(softplus_exact(x))


def mish_d(x):
    sp = softplus_exact(x)
    return mp.tanh(sp) + x * sech2(sp) * sig(x)


def swish_scale(beta):
    b = mp.mpf(beta)
    return lambda x: sig(b * x) + abs(b * x) * dsig(b * x)


def gelu_tanh_scale(x):
    u = gelu_tanh_u(x)
    du = SQRT_2_OVER_PI() * (1 + 3 * GELU_K * x**2)
    return 1 / (1 + mp.exp(-2 * u)) + abs(x / 2 * sech2(u) * du)


# Where f' is a sum of terms of opposite signs it vanishes somewhere (GELU' at x ≈ −0.7518); near
# there a double evaluation of the formula can only be accurate relative to the terms' size. These
# give Σ|terms| (the scale of that cancellation) for the tests' tolerance.
GRAD_SCALE = {
    "gelu": lambda x: mp.ncdf(x) + abs(x) * mp.npdf(x),
    "geluTanh": gelu_tanh_scale,
    "geluSigmoid": swish_scale(GELU_SIGMOID_BETA),
    "swish": swish_scale(1),
    "swishBeta0.5": swish_scale(0.5),
    "silu": swish_scale(1),
    "mish": lambda x: mp.tanh(softplus_exact(x)) + abs(x) * sech2(softplus_exact(x)) * sig(x),
}

LEAKY = mp.mpf(0.01)  # the double nearest 0.01, which is what the op receives

FUNCTIONS = {
    # name: (f, f', smooth?, params for the op)
    "sigmoid": (sig, dsig, True, {}),
    "tanh": (mp.tanh, sech2, True, {}),
    "relu": (lambda x: max(x, 0), lambda x: mp.mpf(1 if x > 0 else 0), False, {}),
    "leakyRelu": (
        lambda x: x if x >= 0 else LEAKY * x,
        lambda x: mp.mpf(1) if x > 0 else LEAKY,
        False,
        {"negativeSlope": 0.01},
    ),
    "elu": (
        lambda x: x if x > 0 else mp.expm1(x),
        lambda x: mp.mpf(1) if x > 0 else mp.exp(x),
        False,
        {"alpha": 1},
    ),
    "selu": (
        lambda x: SELU_LAMBDA * (x if x > 0 else SELU_ALPHA * mp.expm1(x)),
        lambda x: SELU_LAMBDA * (1 if x > 0 else SELU_ALPHA * mp.exp(x)),
        False,
        {},
    ),
    "gelu": (lambda x: x * mp.ncdf(x), lambda x: mp.ncdf(x) + x * mp.npdf(x), True, {"approximate": "none"}),
    "geluTanh": (gelu_tanh, gelu_tanh_d, True, {"approximate": "tanh"}),
    "geluSigmoid": (*make_swish(GELU_SIGMOID_BETA), True, {"approximate": "sigmoid"}),
    "swish": (*make_swish(1), True, {"beta": 1}),
    "swishBeta0.5": (*make_swish(0.5), True, {"beta": 0.5}),
    "silu": (*make_swish(1), True, {}),
    "lisht": (lambda x: x * mp.tanh(x), lambda x: mp.tanh(x) + x * sech2(x), True, {}),
    "mish": (mish, mish_d, True, {}),
    "softplus": (*make_softplus(1, 20), False, {"beta": 1, "threshold": 20}),
    "softplusBeta2": (*make_softplus(2, 20), False, {"beta": 2, "threshold": 20}),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2, False, {}),
    # f'(±1) = 0, PyTorch's hardtanh_backward
    "hardtanh": (
        lambda x: min(max(x, mp.mpf(-1)), mp.mpf(1)),
        lambda x: mp.mpf(1 if -1 < x < 1 else 0),
        False,
        {"minVal": -1, "maxVal": 1},
    ),
    "squareplus": (*make_squareplus(4), True, {"b": 4}),
    "squareplusB0.5": (*make_squareplus(0.5), True, {"b": 0.5}),
}

# Naive forms (with cancellation) to confirm the cancellation-free ones at high precision.
NAIVE = {
    "sigmoid": lambda x: sig(x) * (1 - sig(x)),
    "tanh": lambda x: 1 - mp.tanh(x) ** 2,
    "geluTanh": lambda x: (x / 2) * (1 + mp.tanh(gelu_tanh_u(x))),
}


def s(v):
    return mp.nstr(mp.mpf(v), DIGITS, strip_zeros=False, min_fixed=-4, max_fixed=10)


def check_derivatives():
    """mp.diff against the closed forms, away from kinks and thresholds."""
    with mp.workdps(80):
        for name, (f, d, smooth, _) in FUNCTIONS.items():
            for x in (-37.5, -10.25, -3.125, -1.5, -0.375, 0.625, 1.25, 4.5, 19.875, 39.5):
                x = mp.mpf(x)
                num = mp.diff(f, x)
                ana = d(x)
                assert abs(num - ana) <= mp.mpf(10) ** -40 * max(abs(ana), mp.mpf(10) ** -300), (name, x, num, ana)
            if smooth:
                num = mp.diff(f, mp.mpf(0))
                assert abs(num - d(mp.mpf(0))) <= mp.mpf(10) ** -40, (name, "at 0")
    with mp.workdps(250):
        for x in (-40, -12.5, -1, 0.5, 3, 40):
            x = mp.mpf(x)
            assert abs(NAIVE["sigmoid"](x) - dsig(x)) <= mp.mpf(10) ** -60 * dsig(x)
            assert abs(NAIVE["tanh"](x) - sech2(x)) <= mp.mpf(10) ** -60 * sech2(x)
        for x in (-6, -2.5, 0.5, 3):
            x = mp.mpf(x)
            assert abs(NAIVE["geluTanh"](x) - gelu_tanh(x)) <= mp.mpf(10) ** -60 * abs(gelu_tanh(x))


def softmax_rows():
    rows = [
        [1.0, 2.0, 3.0],
        [-1000.0, 0.0, 1000.0],
        [40.0, -40.0, 0.0, 0.5],
        [0.001, 0.002, 0.0],
        [-10000.0, -10000.0],
        [3.5, -2.25, 7.125, 0.0, -0.5],
    ]
    out = []
    # 1000 digits: log Σ e^z is 1.7e-145 above 0 for [-1000, 0, 1000] at T = 3.
    with mp.workdps(1000):
        for row in rows:
            out.extend(softmax_cases(row))
    return out


def softmax_cases(row):
    out = []
    z = [mp.mpf(v) for v in row]
    for temperature in (1.0, 0.5, 3.0):
        t = mp.mpf(temperature)
        m = max(z)
        e = [mp.exp((v - m) / t) for v in z]
        total = mp.fsum(e)
        out.append(
            {
                "x": row,
                "temperature": temperature,
                "softmax": [s(v / total) for v in e],
                "logSoftmax": [s((v - m) / t - mp.log(total)) for v in z],
            }
        )
    return out


def main():
    check_derivatives()
    data = {
        "generator": "packages/activations/reference/generate.py (mpmath %s, %d digits)" % (mp.__version__, mp.mp.dps),
        "points": POINTS,
        "functions": {},
        "softmax": softmax_rows(),
    }
    for name, (f, d, _, params) in FUNCTIONS.items():
        values = []
        grads = []
        for x in POINTS:
            xm = mp.mpf(x)
            values.append(s(f(xm)))
            grads.append(s(d(xm)))
        data["functions"][name] = {"params": params, "value": values, "grad": grads}
        if name in GRAD_SCALE:
            data["functions"][name]["gradScale"] = [s(GRAD_SCALE[name](mp.mpf(x))) for x in POINTS]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "values.json")
    with open(path, "w") as fh:
        json.dump(data, fh, separators=(",", ":"))
        fh.write("\n")
    print("wrote", path, len(POINTS), "points,", len(FUNCTIONS), "functions")


if __name__ == "__main__":
    main()
