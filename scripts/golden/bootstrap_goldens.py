#!/usr/bin/python3
"""Golden fixtures for the paired bootstrap of the score delta (src/report/bootstrap.ts).

    /usr/bin/python3 scripts/golden/bootstrap_goldens.py    (also run by generate.py)

The resampling is reimplemented here from its definition, with numpy: mulberry32
(vectorized: after k draws its state is seed + k * 0x6D2B79F5 mod 2^32, checked
against the step-by-step generator), indices floor(u * n), packages drawn in
order within each resample. Each resample's scores come from generate.py's
validator_metrics (sklearn's accuracy_score and f1_score, the validator's
formula and rounding), the mean over packages from Python's sum, the interval
from numpy.percentile(deltas, [2.5, 97.5]) with its default 'linear' method.
Nothing here calls the code under test. Writes
__tests__/fixtures/golden/bootstrap/bootstrap.json.
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

OUT = os.path.join(generate.OUT, "bootstrap")
SEED = 76
MASK = np.uint64(0xFFFFFFFF)
MiB = 1024 * 1024


def mulberry32_step(seed, count):
    """The generator as written: one 32-bit state, one draw at a time."""
    a = seed & 0xFFFFFFFF
    out = []
    for _ in range(count):
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = ((a ^ (a >> 15)) * (a | 1)) & 0xFFFFFFFF
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF) ^ t
        out.append(((t ^ (t >> 14)) & 0xFFFFFFFF) / 2**32)
    return out


def mulberry32(seed, count):
    """The same draws, vectorized (products of two 32-bit values are exact in uint64)."""
    k = np.arange(1, count + 1, dtype=np.uint64)
    a = (np.uint64(seed & 0xFFFFFFFF) + k * np.uint64(0x6D2B79F5)) & MASK
    t = ((a ^ (a >> np.uint64(15))) * (a | np.uint64(1))) & MASK
    t = ((t + (((t ^ (t >> np.uint64(7))) * (t | np.uint64(61))) & MASK)) & MASK) ^ t
    return ((t ^ (t >> np.uint64(14))) & MASK).astype(np.float64) / 2.0**32


def score(y_true, y_pred, size_bytes):
    return generate.validator_metrics(list(y_true), list(y_pred), size_bytes)["score"]


def bootstrap(packages, resamples, seed=SEED):
    sizes = [len(p["labels"]) for p in packages]
    u = mulberry32(seed, resamples * sum(sizes))
    per_package = [[] for _ in packages]
    overall = []
    at = 0
    for _ in range(resamples):
        candidate_scores, base_scores = [], []
        for i, p in enumerate(packages):
            n = sizes[i]
            idx = np.floor(u[at : at + n] * n).astype(np.int64)
            at += n
            y = np.asarray(p["labels"])[idx]
            c = score(y, np.asarray(p["candidate"])[idx], p["candidate_bytes"])
            b = score(y, np.asarray(p["base"])[idx], p["base_bytes"])
            per_package[i].append(c - b)
            candidate_scores.append(c)
            base_scores.append(b)
        overall.append(sum(candidate_scores) / len(packages) - sum(base_scores) / len(packages))
    interval = lambda deltas: [float(v) for v in np.percentile(np.array(deltas), [2.5, 97.5])]  # noqa: E731
    return {
        "packages": [interval(d) for d in per_package],
        "overall": interval(overall),
        "first_deltas": [float(v) for v in overall[:5]],
    }


def synthetic(rng, n, accuracy_candidate, accuracy_base, outside=0):
    """Skewed labels (NV and BCC common, some classes rare); each run right with its own probability."""
    weights = np.array([4, 10, 2, 6, 1, 1, 2, 8, 20, 4, 2], dtype=np.float64)
    labels = rng.choice(11, size=n, p=weights / weights.sum())

    def run(accuracy):
        wrong = rng.integers(0, 11, size=n)
        pred = np.where(rng.random(n) < accuracy, labels, wrong)
        if outside:
            pred = np.where(rng.random(n) < outside, outside_value, pred)
        return pred

    outside_value = 11
    candidate = run(accuracy_candidate)
    outside_value = -1
    base = run(accuracy_base)
    return labels, candidate, base


def package(labels, candidate, base, candidate_bytes=10 * MiB, base_bytes=10 * MiB):
    full_c = generate.validator_metrics(list(labels), list(candidate), candidate_bytes)
    full_b = generate.validator_metrics(list(labels), list(base), base_bytes)
    return {
        "labels": [int(v) for v in labels],
        "candidate": [int(v) for v in candidate],
        "base": [int(v) for v in base],
        "candidate_bytes": candidate_bytes,
        "base_bytes": base_bytes,
        "candidate_efficiency": full_c["efficiency_score"],
        "base_efficiency": full_b["efficiency_score"],
        "candidate_score": full_c["score"],
        "base_score": full_b["score"],
    }


def make_bootstrap_goldens():
    step = mulberry32_step(SEED, 1000)
    assert np.array_equal(np.array(step), mulberry32(SEED, 1000)), "vectorized mulberry32 differs from the step-by-step one"
    rng = np.random.default_rng(2017)
    cases = []

    def add(name, packages, resamples):
        print(f"  bootstrap: {name} ({resamples} resamples)", flush=True)
        cases.append({"name": name, "seed": SEED, "resamples": resamples, "packages": packages, "expected": bootstrap(packages, resamples)})

    add("n=50, noise", [package(*synthetic(rng, 50, 0.7, 0.7))], 2000)
    add("n=300, a real drop", [package(*synthetic(rng, 300, 0.62, 0.8))], 2000)
    add("n=1000, noise", [package(*synthetic(rng, 1000, 0.75, 0.76))], 1000)
    labels, candidate, _ = synthetic(rng, 300, 0.7, 0.7)
    add("n=300, identical runs", [package(labels, candidate, candidate.copy())], 300)
    add(
        "two packages, model sizes apart, predictions outside the classes",
        [
            package(*synthetic(rng, 120, 0.7, 0.72, outside=0.05), candidate_bytes=60 * MiB, base_bytes=10 * MiB),
            package(*synthetic(rng, 200, 0.66, 0.74, outside=0.05), candidate_bytes=60 * MiB, base_bytes=10 * MiB),
        ],
        800,
    )
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "bootstrap.json")
    with open(path, "w") as f:
        json.dump(
            {
                "generator": "scripts/golden/bootstrap_goldens.py",
                "first_uniforms": {"seed": SEED, "values": step[:8]},
                "cases": cases,
            },
            f,
            indent=None,
            separators=(",", ":"),
        )
        f.write("\n")
    print(f"wrote {generate.rel(path)}")


if __name__ == "__main__":
    make_bootstrap_goldens()
