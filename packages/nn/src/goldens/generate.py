"""PyTorch reference values for pytorch-goldens.test.ts, in float64.

Run with a Python that has PyTorch (Debian's python3-torch 1.13 here):
    /usr/bin/python3 packages/nn/src/goldens/generate.py
then format the JSON: npx biome check --write packages/nn/src/goldens
"""
import inspect, json, os, torch
import torch.nn.functional as F
import torch.optim.nadam as nadam_module
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
out = {}
c = torch.tensor([1.5, 0.5, 3.0]); d = torch.tensor([0.3, -0.2, 0.1]); th0 = [1.0, -2.0, 0.5]
def run_opt(make, steps=10):
    p = torch.nn.Parameter(torch.tensor(th0))
    opt = make([p]); traj = []
    for _ in range(steps):
        opt.zero_grad(); (c*p*p + d*p).sum().backward(); opt.step(); traj.append(p.detach().tolist())
    return traj
O = torch.optim
out["opt"] = {
 "RMSprop_plain": run_opt(lambda ps: O.RMSprop(ps)),
 "RMSprop_full": run_opt(lambda ps: O.RMSprop(ps, lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.9, centered=True)),
 "Adagrad": run_opt(lambda ps: O.Adagrad(ps, lr=0.1, lr_decay=0.05, weight_decay=0.1, initial_accumulator_value=0.2)),
 "Adamax": run_opt(lambda ps: O.Adamax(ps, lr=0.05, weight_decay=0.1)),
 "NAdam": run_opt(lambda ps: O.NAdam(ps, lr=0.05, weight_decay=0.1, momentum_decay=0.01)),
 "RAdam": run_opt(lambda ps: O.RAdam(ps, lr=0.05, weight_decay=0.1)),
}
# PyTorch 1.13's NAdam multiplies mu into mu_product_next twice (fixed in 2.0, which follows the
# documented algorithm); record the fixed version too, which is what Fluxion implements.
_fixed = inspect.getsource(nadam_module._single_tensor_nadam).replace(
    "mu_product_next = mu_product * mu * mu_next", "mu_product_next = mu_product * mu_next")
_ns = {}
exec(_fixed, nadam_module.__dict__, _ns)
_buggy = nadam_module._single_tensor_nadam
nadam_module._single_tensor_nadam = _ns["_single_tensor_nadam"]
out["opt"]["NAdam_fixed"] = run_opt(lambda ps: O.NAdam(ps, lr=0.05, weight_decay=0.1, momentum_decay=0.01))
nadam_module._single_tensor_nadam = _buggy
def lrs(make_opt, make_sched, steps, metric=None):
    opt = make_opt(); s = make_sched(opt); r = [[g["lr"] for g in opt.param_groups]]
    m = []
    for i in range(steps):
        if metric is None: s.step()
        else: s.step(metric[i])
        r.append([g["lr"] for g in opt.param_groups])
        g0 = opt.param_groups[0]
        m.append(g0["betas"][0] if "betas" in g0 else g0.get("momentum", 0))
    return {"lrs": r, "mom": m}
P = lambda: [torch.nn.Parameter(torch.tensor([1.0]))]
S = O.lr_scheduler
out["sched"] = {
 "LinearLR": lrs(lambda: O.SGD(P(), lr=0.1), lambda o: S.LinearLR(o, start_factor=0.25, end_factor=0.9, total_iters=4), 7),
 "ExponentialLR": lrs(lambda: O.SGD(P(), lr=0.1), lambda o: S.ExponentialLR(o, gamma=0.7), 6),
 "LambdaLR": lrs(lambda: O.SGD(P(), lr=0.1), lambda o: S.LambdaLR(o, lambda e: 1/(1+e)), 5),
 "OneCycle_cos": lrs(lambda: O.SGD(P(), lr=0.1, momentum=0.9), lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=17), 17),
 "OneCycle_lin3": lrs(lambda: O.Adam(P(), lr=0.1), lambda o: S.OneCycleLR(o, max_lr=0.5, epochs=3, steps_per_epoch=7, anneal_strategy="linear", three_phase=True, pct_start=0.25, div_factor=10, final_div_factor=50), 21),
 "Plateau": lrs(lambda: O.SGD(P(), lr=1.0), lambda o: S.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=2, threshold=0.01, threshold_mode="rel", cooldown=1, min_lr=0.05), 16, metric=[5,4,4.99,4.98,4.97,4.96,3,3,3,3,3,3,3,2.999,3,3]),
 "PlateauMaxAbs": lrs(lambda: O.SGD(P(), lr=1.0), lambda o: S.ReduceLROnPlateau(o, mode="max", factor=0.3, patience=0, threshold=0.1, threshold_mode="abs"), 6, metric=[1,1.05,1.2,1.25,1.4,1.45]),
}
def seq(o):
    a = S.LinearLR(o, start_factor=0.1, total_iters=3); b = S.ExponentialLR(o, gamma=0.8)
    return S.SequentialLR(o, [a, b], milestones=[4])
out["sched"]["Sequential"] = lrs(lambda: O.SGD(P(), lr=0.5), seq, 9)
def chain_steps():
    o = O.SGD(P(), lr=1.0); a = S.LinearLR(o, start_factor=0.5, total_iters=3); b = S.ExponentialLR(o, gamma=0.9)
    r = [o.param_groups[0]["lr"]]
    for _ in range(5): a.step(); b.step(); r.append(o.param_groups[0]["lr"])
    return r
out["sched"]["Chain"] = chain_steps()
# losses
x = torch.randn(4, 5) * 2; y = torch.randn(4, 5)
L = {}
for red in ["mean", "sum", "none"]:
    def lg(fn):
        xx = x.clone().requires_grad_(); v = fn(xx); v.sum().backward()
        return {"v": v.detach().flatten().tolist(), "g": xx.grad.flatten().tolist()}
    L[f"l1_{red}"] = lg(lambda a: F.l1_loss(a, y, reduction=red))
    L[f"smoothl1_{red}"] = lg(lambda a: F.smooth_l1_loss(a, y, reduction=red, beta=0.7))
    L[f"huber_{red}"] = lg(lambda a: F.huber_loss(a, y, reduction=red, delta=1.3))
    L[f"softmargin_{red}"] = lg(lambda a: F.soft_margin_loss(a, torch.sign(y), reduction=red))
    y1 = torch.randn(4); lab = torch.tensor([1., -1., 1., -1.])
    L[f"ranking_{red}"] = lg(lambda a: F.margin_ranking_loss(a[:, 0], y[:, 0], lab, margin=0.3, reduction=red))
    L[f"cosemb_{red}"] = lg(lambda a: F.cosine_embedding_loss(a, y, lab, margin=0.2, reduction=red))
logq = F.log_softmax(x, -1); p = F.softmax(y, -1); p[0, 0] = 0; 
for red in ["mean", "batchmean", "sum", "none"]:
    for lt in [False, True]:
        t = p.log() if lt else p
        if lt: t = F.log_softmax(y, -1)
        xx = logq.clone().requires_grad_(); v = F.kl_div(xx, t, reduction=red, log_target=lt); v.sum().backward()
        L[f"kl_{red}_{lt}"] = {"v": v.detach().flatten().tolist(), "g": xx.grad.flatten().tolist(), "t": t.flatten().tolist()}
out["loss"] = {"x": x.flatten().tolist(), "y": y.flatten().tolist(), "logq": logq.flatten().tolist(), "cases": L}
# layers
ln = torch.nn.LayerNorm([5], eps=1e-3); 
with torch.no_grad(): ln.weight.copy_(torch.randn(5)); ln.bias.copy_(torch.randn(5))
xx = x.clone().requires_grad_(); v = ln(xx); (v * y).sum().backward()
out["ln"] = {"w": ln.weight.tolist(), "b": ln.bias.tolist(), "v": v.detach().flatten().tolist(), "gx": xx.grad.flatten().tolist(), "gw": ln.weight.grad.tolist()}
bn = torch.nn.BatchNorm1d(5, momentum=0.2)
vs = []
for k in range(3):
    vs.append(bn(x * (k + 1) + k).detach().flatten().tolist())
bn.eval(); ev = bn(y).detach().flatten().tolist()
out["bn"] = {"train": vs, "eval": ev, "rm": bn.running_mean.tolist(), "rv": bn.running_var.tolist(), "n": int(bn.num_batches_tracked)}
bn3 = torch.nn.BatchNorm1d(2, momentum=None); x3 = torch.randn(3, 2, 4)
for k in range(2): bn3(x3 * (k + 2))
out["bn3"] = {"x": x3.flatten().tolist(), "rm": bn3.running_mean.tolist(), "rv": bn3.running_var.tolist()}
emb = torch.nn.Embedding(6, 3, padding_idx=2, max_norm=1.5)
w0 = torch.randn(6, 3) 
with torch.no_grad(): emb.weight.copy_(w0)
idx = torch.tensor([[0, 2, 5], [2, 1, 0]])
v = emb(idx); (v * torch.arange(18.).reshape(2, 3, 3)).sum().backward()
out["emb"] = {"w0": w0.flatten().tolist(), "v": v.detach().flatten().tolist(), "w1": emb.weight.detach().flatten().tolist(), "g": emb.weight.grad.flatten().tolist()}
ps = [torch.nn.Parameter(torch.zeros(3)), torch.nn.Parameter(torch.zeros(2))]
ps[0].grad = torch.tensor([3., -4., 1.]); ps[1].grad = torch.tensor([12., 0.5])
n2 = torch.nn.utils.clip_grad_norm_(ps, 2.0, norm_type=3.0)
out["clip"] = {"norm": float(n2), "g": ps[0].grad.tolist() + ps[1].grad.tolist()}
out["torch_version"] = torch.__version__
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pytorch-goldens.json"), "w") as fh:
    json.dump(out, fh)
