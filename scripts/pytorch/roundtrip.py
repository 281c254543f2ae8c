#!/usr/bin/python3
"""PyTorch side of Fluxion's PyTorch round trip (test/pytorch/roundtrip.test.ts reads what this writes).

    /usr/bin/python3 scripts/pytorch/roundtrip.py write   # PyTorch's weights and golden values
    /usr/bin/python3 scripts/pytorch/roundtrip.py check   # read back the files Fluxion wrote

`write` builds a small network, saves its state_dict as safetensors (float32, PyTorch's key names),
and records in float64, from those weights: the outputs, the cross-entropy loss, every parameter's
gradient, and the losses and parameters of 5 steps of SGD (momentum, Nesterov, weight decay) and of
Adam. `check` loads the state_dicts Fluxion saved after the same training into the same PyTorch
network (strict: every key must match) and asserts they equal PyTorch's own trajectory, then
continues training from them in PyTorch, which is the "prototype in Fluxion, continue in PyTorch"
path. Needs only PyTorch (Debian's python3-torch); safetensors is read and written by hand here, so
the `safetensors` package is not needed.
"""

import json
import struct
import sys
from pathlib import Path

import torch
from torch import nn

HERE = Path(__file__).resolve().parent / "golden"
STEPS = 5
SGD_OPTIONS = dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
ADAM_OPTIONS = dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)

DTYPES = {torch.float32: ("F32", 4), torch.float64: ("F64", 8), torch.int32: ("I32", 4)}
FROM_NAME = {"F32": torch.float32, "F64": torch.float64, "I32": torch.int32, "I64": torch.int64}


class Net(nn.Module):
    """The architecture both sides build: Fluxion's test defines the same modules with the same names."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 8), nn.GELU())
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        return self.head(self.encoder(x))


def save_safetensors(path, tensors, metadata=None):
    """The safetensors format: 8-byte little-endian header size, JSON header, raw little-endian data."""
    header, chunks, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous().cpu()
        code, size = DTYPES[t.dtype]
        data = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        assert len(data) == t.numel() * size
        header[name] = {"dtype": code, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + b"".join(chunks))


def load_safetensors(path):
    blob = path.read_bytes()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + n])
    header.pop("__metadata__", None)
    out = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        data = bytearray(blob[8 + n + start : 8 + n + end])
        t = torch.frombuffer(data, dtype=FROM_NAME[info["dtype"]]) if data else torch.empty(0)
        out[name] = t.reshape(info["shape"]).clone()
    return out


def make_data():
    g = torch.Generator().manual_seed(1)
    x = torch.randn(8, 4, generator=g, dtype=torch.float64)
    y = torch.tensor([0, 1, 2, 0, 1, 2, 0, 1], dtype=torch.int32)
    return x, y


def loss_of(model, x, y):
    return nn.functional.cross_entropy(model(x), y.long())


def trajectory(state, x, y, make_optimizer):
    """Losses before each step and parameters after each, from `state` (float64)."""
    model = Net().double()
    model.load_state_dict(state)
    opt = make_optimizer(model.parameters())
    losses, params = [], {k: [] for k, _ in model.named_parameters()}
    for _ in range(STEPS):
        opt.zero_grad()
        loss = loss_of(model, x, y)
        loss.backward()
        opt.step()
        losses.append(loss.detach())
        for k, p in model.named_parameters():
            params[k].append(p.detach().clone())
    return torch.stack(losses), {k: torch.stack(v) for k, v in params.items()}


def optimizers():
    return {
        "sgd": lambda ps: torch.optim.SGD(ps, **SGD_OPTIONS),
        "adam": lambda ps: torch.optim.Adam(ps, **ADAM_OPTIONS),
    }


def write():
    HERE.mkdir(exist_ok=True)
    torch.manual_seed(0)
    net = Net()
    save_safetensors(HERE / "net.safetensors", net.state_dict(), {"format": "pt"})
    # the goldens start from exactly the float32 weights saved above, computed in float64
    state = {k: v.double() for k, v in load_safetensors(HERE / "net.safetensors").items()}
    x, y = make_data()
    model = Net().double()
    model.load_state_dict(state)
    out = model(x)
    loss = nn.functional.cross_entropy(out, y.long())
    loss.backward()
    golden = {"input": x, "target": y, "output": out, "loss": loss.detach()}
    for k, p in model.named_parameters():
        golden[f"grad.{k}"] = p.grad
    for name, make in optimizers().items():
        losses, params = trajectory(state, x, y, make)
        golden[f"{name}.loss"] = losses
        for k, v in params.items():
            golden[f"{name}.{k}"] = v
    meta = {"torch": torch.__version__, "sgd": json.dumps(SGD_OPTIONS), "adam": json.dumps(ADAM_OPTIONS)}
    save_safetensors(HERE / "golden.safetensors", golden, meta)
    print(f"wrote {HERE / 'net.safetensors'} and {HERE / 'golden.safetensors'} (torch {torch.__version__})")


def check():
    golden = load_safetensors(HERE / "golden.safetensors")
    x, y = golden["input"], golden["target"]
    for name, make in optimizers().items():
        path = HERE / f"fluxion-{name}.safetensors"
        state = load_safetensors(path)
        model = Net().double()
        model.load_state_dict({k: v.double() for k, v in state.items()}, strict=True)
        worst = 0.0
        for k, p in model.named_parameters():
            want = golden[f"{name}.{k}"][-1]
            worst = max(worst, ((p - want).abs() / (want.abs() + 1e-12)).max().item())
            assert torch.allclose(p, want, rtol=1e-9, atol=1e-12), f"{path.name}: {k} differs from PyTorch's {name} run"
        # continue in PyTorch from Fluxion's weights: one more step lowers the loss
        opt = make(model.parameters())
        before = loss_of(model, x, y)
        opt.zero_grad()
        before.backward()
        opt.step()
        after = loss_of(model, x, y).item()
        assert after < before.item(), f"{name}: one more PyTorch step did not lower the loss"
        print(f"{path.name}: {len(state)} tensors load into torch (strict); largest relative difference "
              f"from PyTorch's own {name} run {worst:.1e}; one more step in PyTorch: loss {before.item():.6f} -> {after:.6f}")


if __name__ == "__main__":
    {"write": write, "check": check}[sys.argv[1] if len(sys.argv) > 1 else "write"]()
