#!/usr/bin/python3
"""PyTorch's values for Fluxion's shape, masking and indexing ops (test/pytorch/shape-ops.test.ts).

    /usr/bin/python3 scripts/pytorch/shape_ops.py
    npx biome format --write scripts/pytorch/golden/shape-ops.json

Writes golden/shape-ops.json: for each case, the op and its arguments, the float64 inputs (rounded
to 6 decimals, so the file stays small; both sides read the same decimals) and int32 masks or
indices, PyTorch's outputs, a random upstream gradient per output, and the gradient of
sum(output · upstream) with respect to each input. Ops: masked_fill (number and 0-d tensor value),
tril, triu, flip, roll, split, chunk, unbind, repeat, tile, scatter (tensor and number), scatter_add
and F.pad in every mode. Checked with Debian's python3-torch 1.13. PyTorch 1.13 cannot
differentiate scatter/scatter_add with a src larger than index, so those cases record outputs only.
"""

import json
from pathlib import Path

import torch
import torch.nn.functional as F

OUT = Path(__file__).resolve().parent / "golden" / "shape-ops.json"
torch.manual_seed(0)
cases = []


def flat(x):
    return x.detach().reshape(-1).tolist()


def r(*shape):
    return torch.round(torch.randn(shape, dtype=torch.float64), decimals=6)


def add(op, args, inputs, fn, ints=()):
    xs = [x.clone().requires_grad_(True) for x in inputs]
    outs = fn(*xs)
    outs = [outs] if isinstance(outs, torch.Tensor) else list(outs)
    gs = [r(*o.shape) for o in outs]
    total = sum((o * g).sum() for o, g in zip(outs, gs))
    try:
        grads = [None if g is None else flat(g) for g in torch.autograd.grad(total, xs, allow_unused=True)]
    except RuntimeError:
        grads = [None] * len(xs)
    cases.append(
        dict(
            op=op,
            args=args,
            inputs=[dict(shape=list(x.shape), data=flat(x)) for x in xs],
            ints=[dict(shape=list(i.shape), data=flat(i)) for i in ints],
            outputs=[dict(shape=list(o.shape), data=flat(o)) for o in outs],
            upstream=[flat(g) for g in gs],
            grads=grads,
        )
    )


for shape, mshape in [((3, 4), (3, 4)), ((2, 3, 4), (4,)), ((2, 3), (2, 1)), ((3,), (2, 3))]:
    m = torch.rand(mshape) > 0.5
    add("maskedFill", dict(value=-1.5), [r(*shape)], lambda x: x.masked_fill(m, -1.5), [m.int()])
    add("maskedFill", {}, [r(*shape), r()], lambda x, v: x.masked_fill(m, v), [m.int()])

for shape in [(4, 4), (3, 5), (2, 4, 3), (2, 2, 3, 3)]:
    for d in [-2, -1, 0, 1, 3]:
        add("tril", dict(diagonal=d), [r(*shape)], lambda x: torch.tril(x, d))
        add("triu", dict(diagonal=d), [r(*shape)], lambda x: torch.triu(x, d))

for shape, dims in [((5,), [0]), ((3, 4), [1]), ((3, 4), [0, 1]), ((2, 3, 4), [0, 2]), ((2, 3, 4), [-1])]:
    add("flip", dict(dims=dims), [r(*shape)], lambda x: torch.flip(x, dims))

for shape, shifts, dims in [
    ((5,), 2, None),
    ((3, 4), 1, None),
    ((3, 4), -5, None),
    ((3, 4), [1, -2], [0, 1]),
    ((2, 3, 4), 7, 1),
    ((2, 3, 4), [3], [-1]),
]:
    add("roll", dict(shifts=shifts, dims=dims), [r(*shape)],
        lambda x: torch.roll(x, shifts) if dims is None else torch.roll(x, shifts, dims))

for shape, s, d in [((7,), 3, 0), ((7,), [2, 0, 5], 0), ((3, 5), 2, 1), ((3, 5), [1, 2], 0), ((2, 6, 2), 4, -2)]:
    add("split", dict(splitSizeOrSections=s, dim=d), [r(*shape)], lambda x: torch.split(x, s, d))

for shape, c, d in [((5,), 4, 0), ((6,), 4, 0), ((7, 3), 3, 0), ((2, 5), 2, 1), ((2, 1), 3, 1), ((4, 2), 10, 0)]:
    add("chunk", dict(chunks=c, dim=d), [r(*shape)], lambda x: torch.chunk(x, c, d))

for shape, d in [((3,), 0), ((3, 4), 1), ((2, 3, 4), -2)]:
    add("unbind", dict(dim=d), [r(*shape)], lambda x: torch.unbind(x, d))

for shape, reps in [((3,), [2]), ((3,), [2, 2]), ((2, 3), [2, 1]), ((2, 3), [1, 3, 2]), ((2, 1, 2), [2, 2, 2]), ((2, 3), [0, 1])]:
    add("repeat", dict(reps=reps), [r(*shape)], lambda x: x.repeat(*reps))

for shape, reps in [((3,), [2]), ((2, 3), [2]), ((2, 3), [2, 1, 2]), ((2, 2, 2), [3, 1])]:
    add("tile", dict(reps=reps), [r(*shape)], lambda x: torch.tile(x, reps))

for shape, dim, ishape, sshape in [
    ((4, 5), 0, (2, 5), (3, 5)),
    ((3, 5), 1, (3, 3), (3, 4)),
    ((2, 3, 4), 2, (2, 2, 4), (2, 2, 4)),
    ((2, 3, 4), 1, (1, 3, 2), (2, 3, 3)),
]:
    n = shape[dim]
    # distinct positions along dim in every line, so that which value wins is defined
    lines = torch.stack([torch.randperm(n)[: ishape[dim]] for _ in range(torch.Size(ishape).numel() // ishape[dim])])
    moved = [s for k, s in enumerate(ishape) if k != dim] + [ishape[dim]]
    idx = lines.reshape(moved).movedim(-1, dim).contiguous()
    add("scatter", dict(dim=dim), [r(*shape), r(*ishape)], lambda x, s: x.scatter(dim, idx, s), [idx.int()])
    add("scatter", dict(dim=dim), [r(*shape), r(*sshape)], lambda x, s: x.scatter(dim, idx, s), [idx.int()])
    add("scatter", dict(dim=dim, value=2.5), [r(*shape)], lambda x: x.scatter(dim, idx, 2.5), [idx.int()])
    rep = torch.randint(0, n, ishape)  # repeated positions add up
    add("scatterAdd", dict(dim=dim), [r(*shape), r(*ishape)], lambda x, s: x.scatter_add(dim, rep, s), [rep.int()])
    add("scatterAdd", dict(dim=dim), [r(*shape), r(*sshape)], lambda x, s: x.scatter_add(dim, rep, s), [rep.int()])

for shape, p, mode in [
    ((2, 3, 5), [2, 1], "constant"),
    ((2, 3, 5), [-1, 2, 1, -2], "constant"),
    ((2, 3, 5), [1, 1, 2, 0, 1, 1], "constant"),
    ((2, 3, 5), [2, 3], "reflect"),
    ((2, 2, 4, 5), [1, 4, 3, 2], "reflect"),
    ((2, 3, 5), [4, 6], "replicate"),
    ((2, 2, 4, 5), [1, 4, 3, 2], "replicate"),
    ((1, 2, 3, 4, 5), [1, 1, 2, 2, 3, 0], "replicate"),
    ((2, 3, 5), [2, 5], "circular"),
    ((2, 2, 4, 5), [1, 4, 3, 2], "circular"),
]:
    if mode == "constant":
        add("pad", dict(pad=p, value=0.75), [r(*shape)], lambda x: F.pad(x, p, mode="constant", value=0.75))
    else:
        add("pad", dict(pad=p, mode=mode), [r(*shape)], lambda x: F.pad(x, p, mode=mode))

OUT.write_text(json.dumps(dict(generator=f"scripts/pytorch/shape_ops.py (torch {torch.__version__})", cases=cases)))
print(f"wrote {len(cases)} cases to {OUT}")
