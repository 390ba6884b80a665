#!/usr/bin/python3
"""Golden fixtures for the forecast's pure rules, from the validators' OWN functions.

    /usr/bin/python3 scripts/golden/forecast_rules.py

The functions are cut out of the validators' source (safe-scan-ai/cancer-ai at
SNAPSHOT_COMMIT, read from the local git mirror) with `ast` and run here with stub
objects in place of bittensor, pydantic, Hugging Face and the chain:

  tricorder_common.py   BaseTricorderCompetitionHandler.get_comparable_result (copy signature)
  competition_manager.py CompetitionManager.group_duplicate_scores, _process_duplicate_detection,
                         slash_model_copiers (copy groups, who keeps the score)
  model_manager.py       ModelManager.get_pioneer_models, _extract_raw_value; utils.py decode_params, decode_raw
  rewarder.py            CompetitionResultsStore.add_score, update_average_score, get_top_hotkey,
                         get_hotkeys_with_non_zero_scores and the module constants
  neurons/validator.py   Validator.update_scores
  base_validator.py      BaseValidatorNeuron.set_weights (up to process_weights_for_netuid, stubbed)

Writes __tests__/fixtures/golden/forecast/{signatures,copy_rules,rewards}.json. Nothing here
calls the code under test. Two environment differences are bridged, both on purpose:
  * validators run Python 3.12 (DOCS/validator.md), whose built-in sum() over floats is
    Neumaier-compensated (CPython Python/bltinmodule.c, builtin_sum_impl); Debian's 3.11 sums
    naively. The rewarder's functions get `py312_sum` below as their `sum`.
  * validators pin numpy 2.0.2 (requirements.txt), whose NEP 50 promotion keeps
    `float32 scalar + Python float` in float32; Debian's numpy 1.24 is switched to the same
    rules with np._set_promotion_state("weak").
"""

import ast
import binascii
import hashlib
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timezone

import numpy as np

SNAPSHOT_COMMIT = "99ea548717317d710eb36999f1bb4b3a80ee8aff"
MIRROR = os.environ.get("CANCER_AI_MIRROR", "/work/.mirror/safe-scan-ai+cancer-ai/repo")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "__tests__", "fixtures", "golden", "forecast")


# --- the validators' source ----------------------------------------------------------


def source(path):
    """The file at SNAPSHOT_COMMIT, or a clear stop when the mirror or the commit is missing."""
    try:
        return subprocess.run(
            ["git", "-C", MIRROR, "show", f"{SNAPSHOT_COMMIT}:{path}"], check=True, capture_output=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", "") or str(e)
        sys.exit(
            f"forecast_rules.py: cannot read {path} at {SNAPSHOT_COMMIT} from the cancer-ai mirror {MIRROR} "
            f"(set CANCER_AI_MIRROR to a clone of safe-scan-ai/cancer-ai that has this commit): {detail.strip()}"
        )


def _strip_annotations(fn):
    # Argument annotations are evaluated at def time and name pydantic/bittensor types; they change nothing else.
    for a in fn.args.args + fn.args.kwonlyargs + fn.args.posonlyargs:
        a.annotation = None
    fn.returns = None
    return fn


def extract(path, names, cls=None, constants=(), namespace=None):
    """Functions (methods of `cls`, or module level) and module constants of `path`, executed in `namespace`."""
    tree = ast.parse(source(path))
    scope = tree.body
    if cls is not None:
        scope = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls).body
    body = []
    for name in constants:
        body.append(next(n for n in tree.body if isinstance(n, ast.Assign) and any(getattr(t, "id", None) == name for t in n.targets)))
    for name in names:
        found = [n for n in scope if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name]
        if not found:
            sys.exit(f"forecast_rules.py: {name} not found in {path} at {SNAPSHOT_COMMIT}")
        body.append(_strip_annotations(found[0]))
    module = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
    ns = namespace if namespace is not None else {}
    exec(compile(module, f"{SNAPSHOT_COMMIT[:7]}:{path}", "exec"), ns)
    return ns


class Quiet:
    """Stands for the validators' structured logger and bt.logging: every call is a no-op."""

    def __getattr__(self, _name):
        return self

    def __call__(self, *args, **kwargs):
        return self


def py312_sum(iterable, start=0):
    """CPython 3.12 builtin_sum_impl for an int start and float items: 0 + first, then Neumaier compensation."""
    it = iter(iterable)
    total = start
    for item in it:
        total = total + item
        break
    else:
        return total
    if not isinstance(total, float):
        return total + py312_sum(it)  # not reached here: the rewarder sums floats
    c = 0.0
    for x in it:
        x = float(x)
        t = total + x
        if abs(total) >= abs(x):
            c += (total - t) + x
        else:
            c += (x - t) + total
        total = t
    if c and np.isfinite(c):
        total += c
    return total


# --- 1. copy signatures (tricorder_common.py get_comparable_result) -----------------------


class TricorderEvaluationResult:
    def __init__(self, predictions_raw, accuracy=0.0, weighted_f1=0.0, score=0.5):
        self.predictions_raw = predictions_raw
        self.accuracy = accuracy
        self.weighted_f1 = weighted_f1
        self.score = score
        self.error = ""


TC = extract(
    "cancer_ai/validator/competition_handlers/tricorder_common.py",
    ["get_comparable_result"],
    cls="BaseTricorderCompetitionHandler",
    namespace={"np": np, "json": json, "hashlib": hashlib, "TricorderEvaluationResult": TricorderEvaluationResult},
)


def get_comparable_result(result):
    return TC["get_comparable_result"](None, result)


def modgen(n, k, dtype, a=7919, b=104729, m=1000003):
    """Rows both sides can rebuild: element (i, j) = dtype(((i * a + j * b) % m) / m)."""
    arr = np.array([[((i * a + j * b) % m) / m for j in range(k)] for i in range(n)], dtype=np.float64)
    return arr.astype(dtype)


def as_json_value(v):
    """A Python number of predictions_raw as JSON: non-finite values, -0.0 and big ints as strings."""
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v if abs(v) <= 2**53 else str(v)
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0 and str(v).startswith("-"):
        return "-0"
    return v


def to_json_rows(raw):
    if isinstance(raw, list):
        return [to_json_rows(x) for x in raw]
    return as_json_value(raw)


def signature_case(name, stack=None, gen=None, note=""):
    """`stack`: the validators' y_pred (np.array of the per-image outputs); its tolist() is predictions_raw (tc:769)."""
    if gen is not None:
        stack = modgen(gen["n"], gen["k"], np.dtype(gen["dtype"]))
    raw = stack.tolist()
    case = {"name": name, "dtype": str(stack.dtype), "shape": list(stack.shape)}
    if note:
        case["note"] = note
    if gen is not None:
        case["gen"] = gen
    else:
        case["raw"] = to_json_rows(raw)
    try:
        key = get_comparable_result(TricorderEvaluationResult(raw, accuracy=0.4567895, weighted_f1=0.25))
    except Exception as e:  # noqa: BLE001 (the crash that voids the package, memo section 4)
        case["crash"] = f"{type(e).__name__}: {e}"
        return case
    if len(key) == 1:
        n = stack.shape[0]
        step = max(1, n // 200)
        arr = np.asarray(raw, dtype=float)
        arr = arr.reshape(-1, 1) if arr.ndim == 1 else arr
        top = np.argmax(arr, axis=1)
        probs = arr[np.arange(n), top]
        sig = [(int(top[i]), round(float(probs[i]), 6)) for i in range(0, n, step)]
        encoded = json.dumps(sig, separators=(",", ":"), sort_keys=False)
        assert hashlib.sha256(encoded.encode("utf-8")).hexdigest() == key[0]
        case.update({"sha256": key[0], "rows": len(sig), "step": step})
        if len(encoded) <= 600:
            case["encoded"] = encoded
        else:
            case["encoded_head"] = encoded[:300]
    else:
        case["metrics_key"] = list(key)
    return case


def signature_cases():
    f32, f64, f16 = np.float32, np.float64, np.float16
    cases = []
    for n in (1, 2, 199, 200, 201, 399, 400, 401, 1000):
        cases.append(signature_case(f"rows n={n}", gen={"n": n, "k": 3, "dtype": "float32"}))
    cases.append(signature_case("eleven classes float64", gen={"n": 250, "k": 11, "dtype": "float64"}))
    cases.append(signature_case("float16 scores", gen={"n": 60, "k": 4, "dtype": "float16"}))
    cases.append(signature_case("memo example", np.array([[0.1, 0.7, 0.2], [0.5, 0.5, 0.0], [1e-5, 5e-5, 0.99994]], dtype=f32)))
    cases.append(
        signature_case(
            "edge values", np.array([[np.nan, 1.0], [-1e-7, -2e-7], [1e16, 3.0], [np.inf, 0.0], [-np.inf, -np.inf]], dtype=f64)
        )
    )
    cases.append(signature_case("first NaN wins argmax", np.array([[5.0, np.nan, np.nan], [np.nan, 9.0, 1.0]], dtype=f64)))
    cases.append(
        signature_case(
            "tiny and huge floats",
            np.array([[1e-6, 0], [5e-5, 0], [1.2e-5, 0], [1e-4, 0], [0.0001234, 0], [1e-7, 0], [4.9e-7, 0], [5.1e-7, 0],
                      [1e15 + 0.5, 0], [123456789.123456789, 0], [2.0**33 + 2.0**-19, 0], [1.5e22, 0], [1e300, 0]], dtype=f64),
        )
    )
    cases.append(signature_case("signed zeros", np.array([[-0.0, -0.0], [0.0, -0.0], [-0.0, 0.0], [-5e-7, -1.0]], dtype=f64)))
    cases.append(
        signature_case(
            "sixth-decimal halves",
            np.array([[0.1234565, 0], [0.0078125, 0], [0.0234375, 0], [0.5000005, 0], [0.9999995, 0], [2.5e-6, 0], [0.3000005, 0]], dtype=f32),
            note="float32 values near a 6th-decimal half; 1/128 and 3/128 are exact ties (to even)",
        )
    )
    cases.append(
        signature_case("same halves in float64", np.array([[0.1234565, 0], [0.5000005, 0], [0.9999995, 0], [1.0000005, 0]], dtype=f64))
    )
    cases.append(signature_case("ties take the first", np.array([[0.25, 0.25, 0.5, 0.5], [1 / 128, 1 / 128, 0, 0]], dtype=f32)))
    cases.append(
        signature_case(
            "int64 outputs",
            np.array([[3, 9, 9], [2**53 + 1, 2**53, 0], [-5, -7, -9], [2**62, 2**63 - 1, 0]], dtype=np.int64),
            note="2^53+1 and 2^53 are the same double: a tie, the first wins",
        )
    )
    cases.append(signature_case("bool outputs", np.array([[False, True], [False, False], [True, True]], dtype=np.bool_)))
    cases.append(signature_case("scalar outputs (1-D stack)", np.array([3.0, 7.9, 0.1234565, -2.0], dtype=f32)))
    cases.append(signature_case("scalar int64 outputs", np.array([3, 0, 10], dtype=np.int64)))
    cases.append(signature_case("one image", np.array([[0.2, 0.8]], dtype=f32)))
    cases.append(signature_case("(k,1) outputs, one image", np.array([[[0.2], [0.8], [0.1]]], dtype=f32)))
    cases.append(
        signature_case(
            "(k,1) outputs crash", np.array([[[0.2], [0.8]], [[0.9], [0.1]], [[0.5], [0.5]]], dtype=f32),
            note="float() of a size-n array raises; the exception escapes evaluate(): the package is void for every hotkey",
        )
    )
    cases.append(signature_case("no images", np.zeros((0, 3), dtype=f32), note="num_samples == 0: (round(accuracy, 6), round(weighted_f1, 6))"))
    cases.append(signature_case("float16 specials", np.array([[np.float16(6.1e-5), 0], [np.float16(65504), 1], [np.float16(1e-7), 0]], dtype=f16)))
    return cases


# --- 2. the copy rule (competition_manager.py + model_manager.py) --------------------------

UT = extract("cancer_ai/validator/utils.py", ["decode_raw", "decode_params"], namespace={"binascii": binascii})


class World:
    """What the stubs serve: records by repo, blocks by number."""

    records = {}
    blocks = {}


class FakeFileSystem:
    def __init__(self, token=None):
        pass

    def glob(self, pattern, refresh=False):
        repo = pattern[: -len("/extrinsic_record.json")]
        return [pattern] if repo in World.records else []

    def open(self, path, mode="r", encoding=None):
        return io.StringIO(World.records[path[: -len("/extrinsic_record.json")]])


class FakeExtrinsic:
    def __init__(self, value):
        self.value = value


class FakeSubstrate:
    def get_block(self, block_number):
        return World.blocks.get(block_number)


MM = extract(
    "cancer_ai/validator/model_manager.py",
    ["get_pioneer_models", "_extract_raw_value"],
    cls="ModelManager",
    namespace={"HfFileSystem": FakeFileSystem, "json": json, "log": Quiet(), "decode_params": UT["decode_params"]},
)
CM = extract(
    "cancer_ai/validator/competition_manager.py",
    ["group_duplicate_scores", "_process_duplicate_detection", "slash_model_copiers"],
    cls="CompetitionManager",
    namespace={"log": Quiet()},
)


def bind(obj, ns, names):
    for name in names:
        setattr(obj, name, ns[name].__get__(obj))
    return obj


class Obj:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def copy_scenario(name, members, note=""):
    """members: hotkey, score, rows (predictions_raw), slashed, hash (the current commitment's), record (the text of
    extrinsic_record.json, or None), extrinsic (block, index, signer, raw Raw-field text, variant) as the chain serves it."""
    World.records = {}
    World.blocks = {}
    hotkey_store = {}
    results = []
    for m in members:
        repo = f"org/{m['hotkey'].lower()}"
        if m.get("record") is not None:
            World.records[repo] = m["record"]
        e = m["extrinsic"]
        chain = World.blocks.setdefault(e["block"], {"extrinsics": []})["extrinsics"]
        while len(chain) <= e["index"]:
            chain.append(FakeExtrinsic({"address": "filler", "call": {"call_args": [{"name": "info", "value": {"fields": [{"Raw8": "0x00"}]}}]}}))
        chain[e["index"]] = FakeExtrinsic(
            {
                "address": e["signer"],
                "call": {
                    "call_module": "Commitments",
                    "call_function": "set_commitment",
                    "call_args": [
                        {"name": "netuid", "value": 76},
                        {"name": "info", "value": {"fields": [{e["variant"]: "0x" + e["raw"].encode().hex()}]}},
                    ],
                },
            }
        )
        hotkey_store[m["hotkey"]] = Obj(hf_repo_id=repo, hf_model_filename="model.onnx", model_hash=m["hash"])
        results.append((m["hotkey"], TricorderEvaluationResult(m["rows"], score=m["score"])))
    mm = bind(Obj(config=Obj(hf_token=None), hotkey_store=hotkey_store, subtensor=Obj(substrate=FakeSubstrate())), MM,
              ["get_pioneer_models", "_extract_raw_value"])
    db = Obj(get_model=lambda hotkey: None, delete_model=lambda *a: None)
    cm = bind(
        Obj(results=results, model_manager=mm, db_controller=db, competition_handler=Obj(get_comparable_result=get_comparable_result)),
        CM,
        ["group_duplicate_scores", "_process_duplicate_detection", "slash_model_copiers"],
    )
    hotkeys_to_slash = [m["hotkey"] for m in members if m.get("slashed")]
    groups = cm.group_duplicate_scores(hotkeys_to_slash)
    pioneers, errors = mm.get_pioneer_models(groups) if groups else ([], {})
    # competition_manager.py:356-369, in evaluate(): duplicates, then every slashed hotkey is zeroed.
    duplicates = cm._process_duplicate_detection(hotkeys_to_slash)
    cm.slash_model_copiers(list(set(hotkeys_to_slash + duplicates)))
    winner = sorted(cm.results, key=lambda x: x[1].score, reverse=True)[0][0]  # competition_manager.py:372-374
    out = {"name": name}
    if note:
        out["note"] = note
    out["members"] = [{k: v for k, v in m.items()} for m in members]
    out["expected"] = {
        "groups": groups,
        "pioneers": pioneers,
        "invalid": sorted(errors),
        "scores": {h: r.score for h, r in cm.results},
        "winner": winner,
    }
    return out


def copy_scenarios():
    H1, H2 = "1" * 64, "2" * 64
    same = [[0.1, 0.7, 0.2], [0.6, 0.3, 0.1]]
    other = [[0.7, 0.1, 0.2], [0.6, 0.3, 0.1]]

    def member(hotkey, score, rows, blk, idx=1, signer=None, chain_hash=H1, current_hash=H1, record="ok", slashed=False, variant="Raw100"):
        rec = None
        if record == "ok":
            rec = json.dumps({"hotkey": hotkey, "extrinsic": f"{blk}-{idx}"})
        elif record is not None:
            rec = record
        ext = {"block": blk, "index": idx, "signer": signer or hotkey, "raw": f"org/{hotkey.lower()}:model:tricorder-3:{chain_hash}",
               "variant": variant}
        return {"hotkey": hotkey, "score": score, "rows": rows, "slashed": slashed, "hash": current_hash, "record": rec, "extrinsic": ext}

    return [
        copy_scenario("earliest block wins", [member("A", 0.8, same, 1000), member("B", 0.8, same, 1200), member("C", 0.7, other, 900)]),
        copy_scenario("later uid, earlier block", [member("A", 0.8, same, 1500), member("B", 0.8, same, 1200)]),
        copy_scenario("same block: first in uid order", [member("A", 0.8, same, 1000, idx=2), member("B", 0.8, same, 1000, idx=1)]),
        copy_scenario("signer mismatch", [member("A", 0.8, same, 1000, signer="MALLORY"), member("B", 0.8, same, 1200)]),
        copy_scenario(
            "extrinsic hash != current commitment hash",
            [member("A", 0.8, same, 1000, chain_hash=H2), member("B", 0.8, same, 1200)],
            note="the record names an extrinsic whose hash is not the hotkey's current commitment hash (model_manager.py:535-541)",
        ),
        copy_scenario("missing record", [member("A", 0.8, same, 1000, record=None), member("B", 0.8, same, 1200)]),
        copy_scenario(
            "record names another hotkey",
            [member("A", 0.8, same, 1000, record=json.dumps({"hotkey": "B", "extrinsic": "1000-1"})), member("B", 0.8, same, 1200)],
        ),
        copy_scenario(
            "hex extrinsic index",
            [member("A", 0.8, same, 1000, record=json.dumps({"hotkey": "A", "extrinsic": "1000-0x1"})), member("B", 0.8, same, 1200)],
            note="model_manager.py:499 reads 0x as hex; the download check (model_manager.py:415, int(idx_str)) would already have failed",
        ),
        copy_scenario("Raw64 variant", [member("A", 0.8, same, 1000, variant="Raw64"), member("B", 0.8, same, 1200)]),
        copy_scenario("index out of range", [member("A", 0.8, same, 1000, record=json.dumps({"hotkey": "A", "extrinsic": "1000-7"})),
                                             member("B", 0.8, same, 1200)]),
        copy_scenario("no valid member", [member("A", 0.8, same, 1000, signer="X"), member("B", 0.8, same, 1200, record=None)]),
        copy_scenario(
            "score 0 is never grouped",
            [member("A", 0.0, same, 1000), member("B", 0.8, same, 1200), member("C", 0.8, other, 1300)],
        ),
        copy_scenario(
            "slashed are left out",
            [member("A", 0.8, same, 1000, slashed=True), member("B", 0.8, same, 1200), member("C", 0.8, same, 1300)],
        ),
        copy_scenario(
            "candidate copies A",
            [member("A", 0.812345, same, 1000), member("B", 0.812345, same, 1200), member("CAND", 0.812345, same, 10**12)],
            note="the candidate as a new valid member with the latest block",
        ),
        copy_scenario(
            "candidate alone valid",
            [member("A", 0.8, same, 1000, signer="X"), member("B", 0.8, same, 1200, chain_hash=H2), member("CAND", 0.8, same, 10**12)],
        ),
        copy_scenario("two groups", [member("A", 0.8, same, 1000), member("B", 0.7, other, 1100), member("C", 0.8, same, 900),
                                     member("D", 0.7, other, 1000, idx=2)]),
        copy_scenario("no copies", [member("A", 0.8, same, 1000), member("B", 0.7, other, 1100)]),
    ]


# --- 3. rewards (rewarder.py, validator.py update_scores, base_validator.py set_weights) --------


class ModelScore:
    def __init__(self, date, score):
        self.date = date
        self.score = score


RW_NAMES = ["add_score", "update_average_score", "get_top_hotkey", "get_hotkeys_with_non_zero_scores"]
RW = extract(
    "cancer_ai/validator/rewarder.py",
    RW_NAMES,
    cls="CompetitionResultsStore",
    constants=["HISTORY_LENGTH", "MOVING_AVERAGE_LENGTH", "BEYOND_TOP_10_TOTAL_SCORE", "SCORE_DISTRIBUTION"],
    namespace={"ModelScore": ModelScore, "datetime": datetime, "timezone": timezone, "bt": Obj(logging=Quiet()), "sum": py312_sum},
)
VAL = extract(
    "neurons/validator.py",
    ["update_scores"],
    cls="Validator",
    namespace={"np": np, "log": Quiet(), "SCORE_DISTRIBUTION": RW["SCORE_DISTRIBUTION"],
               "BEYOND_TOP_10_TOTAL_SCORE": RW["BEYOND_TOP_10_TOTAL_SCORE"]},
)


class WeightsCaptured(Exception):
    pass


def capture_weights(uids, weights, netuid, subtensor, metagraph):
    raise WeightsCaptured(weights)


BV = extract(
    "cancer_ai/base/base_validator.py",
    ["set_weights"],
    cls="BaseValidatorNeuron",
    namespace={"np": np, "bt": Obj(logging=Quiet()), "process_weights_for_netuid": capture_weights},
)


def new_store():
    return bind(Obj(score_map={}, average_scores={}, current_top_hotkeys={}), RW, RW_NAMES)


def f(x):
    return float(x)


def reward_case(name, n, ranked_uids, averages, weight):
    """Averages set through add_score (one package per score, five packages) for hotkeys at `ranked_uids`."""
    np._set_promotion_state("weak")  # numpy 2.0.2 promotion, as validators run it (see the docstring)
    store = new_store()
    hotkeys = [f"hk{u}" for u in range(n)]
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for p in range(5):
        # Hotkeys enter the store in uid order, the order the forecast assumes for equal averages (memo section 10.4).
        for uid, avg in sorted(zip(ranked_uids, averages)):
            store.add_score("tricorder-3", hotkeys[uid], avg, date=t0.replace(day=1 + p))
    ordered = store.get_hotkeys_with_non_zero_scores("tricorder-3")
    v = Obj(metagraph=Obj(n=n, hotkeys=hotkeys, uids=np.arange(n)), competition_results_store=store, save_state=lambda: None,
            config=Obj(filesystem_evaluation=False, netuid=76), subtensor=None)
    VAL["update_scores"](v, {"tricorder-3": weight})
    assert v.scores.dtype == np.float32
    try:
        BV["set_weights"](v)
        raise AssertionError("set_weights returned before process_weights_for_netuid")
    except WeightsCaptured as e:
        raw_weights = e.args[0]
    assert raw_weights.dtype == np.float32
    np._set_promotion_state("legacy")
    return {
        "name": name,
        "n": n,
        "weight": weight,
        "averages_by_uid": [store.average_scores["tricorder-3"].get(h, 0.0) for h in hotkeys],
        "order": [hotkeys.index(h) for h in ordered],
        "scores_f32": [f(x) for x in v.scores],
        "weights_f32": [f(x) for x in raw_weights],
    }


def reward_cases():
    cases = []
    for m in (1, 3, 10, 11, 13, 25):
        for weight in (1.0, 0.5):
            n = 32
            uids = [(7 * i + 3) % n for i in range(m)]
            avgs = [round(0.9 - 0.013 * i, 6) for i in range(m)]
            cases.append(reward_case(f"m={m} weight={weight}", n, uids, avgs, weight))
    cases.append(reward_case("equal averages keep insertion order", 16, [9, 2, 5, 12], [0.7, 0.8, 0.7, 0.7], 1.0))
    cases.append(reward_case("zeros and negatives are not ranked", 8, [1, 4, 6, 7], [0.0, 0.5, -0.1, 1e-9], 1.0))
    cases.append(reward_case("nobody ranked", 8, [1, 2], [0.0, 0.0], 1.0))
    cases.append(reward_case("256 uids, 40 ranked", 256, [(37 * i + 11) % 256 for i in range(40)],
                             [0.5 + ((i * 7919) % 97) / 1000 for i in range(40)], 1.0))
    return cases


def moving_average_cases():
    """The rewarder's history and moving average, package by package (add_score + update_average_score)."""
    seqs = [
        [0.8],
        [0.8, 0.8, 0.8],
        [0.1, 0.2, 0.3, 0.4, 0.5],
        [0.3, 0.2, 0.1, 0.4, 0.5],
        [0.1, 0.2, 0.3, 0.0, 0.7, 0.6, 0.1, 0.2, 0.9, 0.3, 0.5, 0.81234567],
        [1e16, 1.0, -1e16, 0.1, 0.2],
    ]
    out = []
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for seq in seqs:
        store = new_store()
        averages, histories = [], []
        for i, s in enumerate(seq):
            store.add_score("c", "hk", s, date=t0.replace(day=1 + i))
            averages.append(store.average_scores["c"]["hk"])
            histories.append(len(store.score_map["c"]["hk"]))
        out.append({"scores": seq, "averages": averages, "history_lengths": histories,
                    "naive_py311": [sum(seq[max(0, i - 4): i + 1]) / 5 for i in range(len(seq))]})
    return out


def hysteresis_cases():
    """get_top_hotkey over successive average tables (dict order = insertion order)."""
    seqs = [
        ("keeps within 1e-4", [{"A": 0.8}, {"A": 0.7999, "B": 0.80009}]),
        ("0.8 then 0.8001 (0.8001 - 0.8 < 1e-4 in binary)", [{"A": 0.8}, {"A": 0.8, "B": 0.8001}]),
        ("0.7999 vs 0.8 is within", [{"A": 0.8}, {"A": 0.7, "B": 0.7999}]),
        ("0.5 then 0.5001 and 0.50010001", [{"A": 0.5}, {"A": 0.5, "B": 0.5001}, {"A": 0.5, "B": 0.50010001}]),
        ("two-sided: a lower new top also keeps", [{"A": 0.8}, {"A": 0.79995, "B": 0.7}]),
        ("compares with the score at crowning", [{"A": 0.8}, {"A": 0.85, "B": 0.80005}, {"A": 0.79, "B": 0.80011}]),
        ("crowned hotkey gone", [{"A": 0.8}, {"B": 0.80001}]),
        ("memo example", [{"A": 0.8}, {"A": 0.7999, "B": 0.80008}, {"A": 0.7999, "B": 0.80011}]),
        ("ties: first in order", [{"B": 0.6, "A": 0.6}, {"A": 0.9, "B": 0.9}]),
    ]
    out = []
    for name, steps in seqs:
        store = new_store()
        results = []
        for table in steps:
            store.average_scores["c"] = dict(table)
            winner = store.get_top_hotkey("c")
            results.append({"winner": winner, "stored": list(store.current_top_hotkeys["c"])})
        out.append({"name": name, "steps": [list(t.items()) for t in steps], "expected": results})
    return out


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w") as fh:
        json.dump({"source": f"safe-scan-ai/cancer-ai@{SNAPSHOT_COMMIT}", **data}, fh, separators=(",", ":"), allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}")


def make_forecast_rule_goldens():
    write("signatures.json", {"cases": signature_cases()})
    write("copy_rules.json", {"scenarios": copy_scenarios()})
    write(
        "rewards.json",
        {
            "constants": {
                "HISTORY_LENGTH": RW["HISTORY_LENGTH"],
                "MOVING_AVERAGE_LENGTH": RW["MOVING_AVERAGE_LENGTH"],
                "BEYOND_TOP_10_TOTAL_SCORE": RW["BEYOND_TOP_10_TOTAL_SCORE"],
                "SCORE_DISTRIBUTION": RW["SCORE_DISTRIBUTION"],
            },
            "shares": reward_cases(),
            "moving_average": moving_average_cases(),
            "hysteresis": hysteresis_cases(),
        },
    )


if __name__ == "__main__":
    make_forecast_rule_goldens()
