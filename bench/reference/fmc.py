"""Peer implementation with numpy/scipy: the FMC and J_tot of Eq. 5 computed the way a Python user
would, in the vectorized form with scipy.linalg.solve_discrete_lyapunov.

  exact:  C = A C Aᵀ + ε₁ε₂ I,  A = Vᵀ ⊗ Uᵀ,  J(k) = m_kᵀ C⁻¹ m_k,  m_k = A^k vec W
  paper:  covariance Σ ⊗ Ψ with Ψ = Uᵀ Ψ U + ε₁ I, Σ = Vᵀ Σ V + ε₂ I (Eq. 9/49)
  J_tot = Tr(K G) with G = A G Aᵀ + vec W vec Wᵀ and K the inverse covariance.

Usage:
  python3 bench/reference/fmc.py bench N [N ...]      time exact+paper (K = 200) for random cases
  python3 bench/reference/fmc.py case FILE K          print JSON like `matmem fmc --json`
"""
import json
import sys
import time

import numpy as np
import scipy.linalg as sl


def vec(x):
    return x.reshape(-1, order="F")


def fisher(U, V, W, e1, e2, K, model):
    N = U.shape[0]
    A = np.kron(V.T, U.T)
    w = vec(W)
    if model == "exact":
        C = sl.solve_discrete_lyapunov(A, e1 * e2 * np.eye(N * N))
        Cinv = np.linalg.inv(C)
    else:
        Psi = sl.solve_discrete_lyapunov(U.T, e1 * np.eye(N))
        Sig = sl.solve_discrete_lyapunov(V.T, e2 * np.eye(N))
        Cinv = np.kron(np.linalg.inv(Sig), np.linalg.inv(Psi))
    G = sl.solve_discrete_lyapunov(A, np.outer(w, w))
    jtot = float(np.trace(Cinv @ G))
    fmc = []
    m = w.copy()
    for _ in range(K):
        fmc.append(float(m @ Cinv @ m))
        m = A @ m
    inp = float(np.sum(W * W) / (e1 * e2))
    return {"fmc": fmc, "jtot": jtot, "inputFisher": inp, "jtotRel": jtot / inp}


def random_case(N, seed):
    rng = np.random.default_rng(seed)
    U = rng.standard_normal((N, N))
    U *= 0.9 / max(abs(np.linalg.eigvals(U)))
    V = rng.standard_normal((N, N))
    V *= 0.9 / max(abs(np.linalg.eigvals(V)))
    W = rng.standard_normal((N, N))
    return U, V, W


def main(argv):
    if len(argv) >= 2 and argv[0] == "case":
        case = json.load(open(argv[1]))
        K = int(argv[2]) if len(argv) > 2 else 60
        U, V, W = (np.array(case[k], dtype=float) for k in ("U", "V", "W"))
        e1, e2 = float(case.get("e1", 1)), float(case.get("e2", 1))
        out = {"models": {m: fisher(U, V, W, e1, e2, K, m) for m in ("paper", "exact")}}
        print(json.dumps(out))
        return
    if len(argv) >= 2 and argv[0] == "bench":
        rows = []
        for N in (int(a) for a in argv[1:]):
            U, V, W = random_case(N, 0)
            for model in ("exact", "paper"):
                t = time.perf_counter()
                r = fisher(U, V, W, 1.0, 1.0, 200, model)
                rows.append({"N": N, "model": model, "seconds": time.perf_counter() - t, "jtot": r["jtot"]})
        print(json.dumps(rows))
        return
    print(__doc__)
    sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
