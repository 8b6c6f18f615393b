"""Peer for bench/matntm.ts: one training iteration of the authors' PyTorch MatNTM (copy configuration of
Table 1: 3 cells of 15x15, 5x5 input/output, memory 120x6x6, shift range 1; batch 16; l = 10; BCE; gradient
clamp +-10; RMSprop lr 1e-4, momentum 0.9), timed on CPU.

The reference code is not part of matmem: MATNTM_REF must point at its "RNN Controller Final" folder, with
the in-place activations on torch.split views made to act on copies (current PyTorch refuses them).
Prints one JSON line: {"parameters", "secondsPerIteration", "iterations", "torch", "threads"}.
"""
import json, os, sys, time

ref = os.environ.get("MATNTM_REF")
if not ref or not os.path.isdir(ref):
    print(json.dumps({"error": "MATNTM_REF is not set to the reference folder"}))
    sys.exit(3)
sys.path.insert(0, ref)
import torch  # noqa: E402
try:
    import prettytable  # noqa: F401  (the reference imports it only to print a parameter table)
except ImportError:
    import types
    sys.modules["prettytable"] = types.SimpleNamespace(PrettyTable=object)
import MatrixNTM  # noqa: E402

threads = int(os.environ.get("TORCH_THREADS", "0"))
if threads > 0:
    torch.set_num_threads(threads)
iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 10
warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 3
B, L = 16, 10
torch.manual_seed(1)
model = MatrixNTM.MatRNN_NTM(batch_size=B, input_dims=[5, 5], hidden_dims=[[15, 15]] * 3, output_dims=[5, 5],
                             NumSlots=120, MemorySlot_dims=[6, 6], shift_range=1, eps=1e-8, device=None)
params = sum(p.numel() for p in model.parameters() if p.requires_grad)
for p in model.parameters():
    p.register_hook(lambda g: torch.clamp(g, -10, 10))
optim = torch.optim.RMSprop(params=model.parameters(), lr=1e-4, momentum=0.9)
loss_func = torch.nn.BCELoss()


def batch():
    data = (torch.rand([B, 5, 5 * L]) > 0.5).float()
    data[:, -1, :] = 0.0
    delim = torch.zeros([B, 5, 5])
    delim[:, -1, :] = 1.0
    return torch.cat([data, delim], dim=2), data


def iteration():
    inp, out = batch()
    model.HiddenReset()
    model.zero_grad()
    for t in range(L + 1):
        model(inp[:, :, 5 * t:5 * (t + 1)])
    blank = torch.zeros([B, 5, 5])
    res = torch.cat([model(blank) for _ in range(L)], dim=2)
    loss = loss_func(res, out)
    loss.backward()
    optim.step()
    return float(loss)


for _ in range(warmup):  # untimed, as on the matmem side
    iteration()
t0 = time.perf_counter()
for _ in range(iterations):
    iteration()
dt = (time.perf_counter() - t0) / iterations
print(json.dumps({"parameters": params, "secondsPerIteration": dt, "iterations": iterations,
                  "torch": torch.__version__, "threads": torch.get_num_threads()}))
