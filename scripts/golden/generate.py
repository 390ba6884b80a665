#!/usr/bin/python3
"""Golden fixtures from the real reference implementation.

Everything the tests compare the TypeScript engine against is produced here by
Debian's Pillow, numpy, scikit-learn and onnx, using the validator's own
expressions, and committed. Nothing in this script imports or calls the code
under test.

    sudo apt-get install python3-pil python3-numpy python3-sklearn python3-onnx
    npm run golden            # = /usr/bin/python3 scripts/golden/generate.py

Outputs (all deterministic):
  __tests__/fixtures/golden/dataset/      images of many kinds + labels.csv
  __tests__/fixtures/golden/models/       small ONNX models (good and bad)
  __tests__/fixtures/golden/golden.json   expected hashes, tables and metrics
  example/model.onnx                      the embedded example's model
  example/expected-results.json           the example's validator results
"""

import hashlib
import json
import os
import shutil

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from PIL import Image, ImageCms
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "__tests__", "fixtures", "golden")
DATASET = os.path.join(OUT, "dataset")
MODELS = os.path.join(OUT, "models")
EXAMPLE = os.path.join(ROOT, "example")
SOURCES = os.path.join(EXAMPLE, "dataset", "images")
BIG = os.path.join(SOURCES, "ebd5b2e4-ad50-46bd-a437-7c91bc5d48f7.jpg")
SMALL = os.path.join(SOURCES, "dermoscopy-256.jpg")

CLASSES = ["AKIEC", "BCC", "BEN_OTH", "BKL", "DF", "INF", "MAL_OTH", "MEL", "NV", "SCCKA", "VASC"]
LOCATIONS = ["arm", "feet", "genitalia", "hand", "head", "leg", "torso"]
RISK = {"high_risk": [1, 6, 7, 9], "medium_risk": [0, 3, 10], "benign": [2, 4, 5, 8]}
LANCZOS = Image.Resampling.LANCZOS


# --- the validator's expressions ---------------------------------------------


def validator_image_tensor(path):
    """Image.open -> RGB -> 512x512 LANCZOS -> float32 / 255 -> CHW."""
    img = Image.open(path).convert("RGB").resize((512, 512), LANCZOS)
    arr = np.array(img, dtype=np.float32) / 255.0
    return np.transpose(arr, (2, 0, 1))


def validator_second_resize(chw, width, height):
    """The runner's resize for a model whose fixed input is not 512x512."""
    hwc = np.transpose(chw, (1, 2, 0))
    u8 = (hwc * 255).astype(np.uint8)
    resized = Image.fromarray(u8).resize((width, height), LANCZOS)
    return np.array(resized), np.transpose(np.array(resized).astype(np.float32) / 255.0, (2, 0, 1))


def validator_demographics(age, gender, location):
    g = gender.strip().lower()
    gv = 1.0 if g in ("m", "male") else 0.0 if g in ("f", "female") else -1.0
    loc = location.strip().lower()
    lv = float(LOCATIONS.index(loc) + 1) if loc in LOCATIONS else -1.0
    return np.array([float(age), gv, lv], dtype=np.float32)


def validator_metrics(y_true, y_pred, size_bytes):
    labels = list(range(len(CLASSES)))
    accuracy = accuracy_score(y_true, y_pred)
    precision = precision_score(y_true, y_pred, labels=labels, average="weighted", zero_division=0)
    recall = recall_score(y_true, y_pred, labels=labels, average="weighted", zero_division=0)
    fbeta = f1_score(y_true, y_pred, labels=labels, average="weighted", zero_division=0)
    by_class = f1_score(y_true, y_pred, labels=labels, average=None, zero_division=0)
    cm = confusion_matrix(y_true, y_pred, labels=labels)
    risk = {name: float(np.mean([by_class[i] for i in idx])) for name, idx in RISK.items()}
    weighted_f1 = (3.0 * risk["high_risk"] + 2.0 * risk["medium_risk"] + 1.0 * risk["benign"]) / 6.0
    size_mb = size_bytes / (1024 * 1024)
    if size_mb <= 50:
        efficiency = 1.0
    elif size_mb >= 150:
        efficiency = 0.0
    else:
        efficiency = 1.0 - ((size_mb - 50) / (150 - 50))
    accuracy = round(accuracy, 6)
    weighted_f1 = round(weighted_f1, 6)
    efficiency = round(efficiency, 6)
    score = 0.9 * (0.5 * accuracy + 0.5 * weighted_f1) + 0.1 * efficiency
    return {
        "accuracy": accuracy,
        "precision": round(float(precision), 6),
        "recall": round(float(recall), 6),
        "fbeta": round(float(fbeta), 6),
        "weighted_f1": weighted_f1,
        "efficiency_score": efficiency,
        "score": score,
        "f1_by_class": [float(v) for v in by_class],
        "confusion_matrix": cm.tolist(),
        "risk_category_scores": risk,
    }


# --- helpers -----------------------------------------------------------------


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def rel(path):
    return os.path.relpath(path, ROOT)


# --- images of many kinds ------------------------------------------------------


def make_images():
    """Writes dataset/images/* and returns [(file, label, age, gender, location)]."""
    images = os.path.join(DATASET, "images")
    fresh_dir(images)
    big = Image.open(BIG)
    big.load()
    small = Image.open(SMALL)
    small.load()
    crop = big.crop((620, 240, 1260, 720))  # 640x480 around the lesion
    alpha = Image.linear_gradient("L").resize(crop.size)
    rgba = crop.convert("RGBA")
    rgba.putalpha(alpha)
    srgb_icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # lcms stamps the creation time into the ICC header; a fixed date keeps the fixture reproducible.
    srgb_icc[24:36] = bytes([0x07, 0xE8, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])
    srgb_icc = bytes(srgb_icc)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW": Pillow ignores it, so must we
    gray16 = Image.fromarray((np.asarray(crop.convert("L"), dtype=np.uint16) * 257).astype(np.uint16), "I;16")

    kinds = [
        ("jpeg420.jpg", crop, dict(quality=90, subsampling=2)),
        ("jpeg444.jpg", crop, dict(quality=95, subsampling=0)),
        ("jpeg422.jpg", crop.resize((600, 450)), dict(quality=85, subsampling=1)),
        ("progressive.jpg", crop, dict(quality=90, progressive=True)),
        ("gray.jpg", crop.convert("L"), dict(quality=90)),
        ("cmyk.jpg", crop.convert("CMYK"), dict(quality=90)),
        ("exif-orientation-6.jpg", crop, dict(quality=90, exif=exif.tobytes())),
        ("icc-srgb.jpg", crop, dict(quality=90, icc_profile=srgb_icc)),
        ("wide-1500x200.jpg", big.resize((1500, 200)), dict(quality=88)),
        ("rgb.png", crop.resize((500, 375)), {}),
        ("rgba.png", rgba, {}),
        ("palette.png", crop.convert("P", palette=Image.Palette.ADAPTIVE, colors=64), dict(transparency=0)),
        ("gray.png", crop.convert("L"), {}),
        ("gray-alpha.png", crop.convert("LA"), {}),
        ("bilevel.png", crop.convert("1"), {}),
        ("gray16.png", gray16, {}),
        ("tiny-40x30.png", small.resize((40, 30)), {}),
        ("tall-180x900.png", big.crop((700, 0, 880, 900)), {}),
        ("exact-512.png", crop.resize((512, 512)), {}),
        ("lossless.webp", crop, dict(lossless=True)),
        ("lossy.webp", crop, dict(quality=80)),
    ]
    rows = []
    for i, (name, im, opts) in enumerate(kinds):
        im.save(os.path.join(images, name), **opts)
        rows.append(
            (
                "images/" + name,
                CLASSES[i % len(CLASSES)],
                str(20 + 3 * i),
                ["m", "f", "male", "female"][i % 4],
                LOCATIONS[i % len(LOCATIONS)],
            )
        )
    for name, src, label in [("example-bcc.jpg", BIG, "BCC"), ("example-nv.jpg", SMALL, "NV")]:
        shutil.copyfile(src, os.path.join(images, name))
        rows.append(("images/" + name, label, "50", "f", "torso"))
    with open(os.path.join(DATASET, "labels.csv"), "w", newline="") as f:
        f.write("filepath,label,age,gender,location\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    return rows


def image_goldens(rows):
    """Pillow's decode (convert RGB) and its 512x512 LANCZOS, as hashes of the raw bytes."""
    out = []
    for file, *_ in rows:
        path = os.path.join(DATASET, file)
        src = Image.open(path)
        rgb = src.convert("RGB")
        resized = rgb.resize((512, 512), LANCZOS)
        out.append(
            {
                "file": file,
                "mode": src.mode,
                "width": src.size[0],
                "height": src.size[1],
                "rgb_sha256": sha256(rgb.tobytes()),
                "resized_sha256": sha256(resized.tobytes()),
            }
        )
    return out


def resample_goldens():
    """Pure resampler cases: lossless PNGs (so decoding is exact) resized by Pillow.

    Small inputs are noise; large ones are hard-edged stripes and checks, which
    ring under LANCZOS and so exercise the clamping, yet compress well.
    """
    folder = os.path.join(OUT, "resample")
    fresh_dir(folder)
    rng = np.random.default_rng(76)
    cases = []
    for w, h, tw, th in [
        (1, 1, 512, 512),
        (2, 2, 512, 512),
        (7, 3, 512, 512),
        (53, 37, 512, 512),
        (64, 64, 512, 512),
        (900, 700, 512, 512),
        (513, 511, 512, 512),
        (1024, 1024, 512, 512),
        (40, 30, 17, 23),
        (512, 512, 224, 224),
        (512, 512, 300, 200),
        (512, 512, 1000, 999),
    ]:
        kind = "noise" if w * h <= 64 * 64 else "edges"
        name = f"{kind}-{w}x{h}.png"
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            if kind == "noise":
                pixels = rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
            else:
                y, x = np.mgrid[0:h, 0:w]
                checks = ((x // 7 + y // 5) % 2) * 255
                pixels = np.stack([checks, (x * 255) // w, np.where((x // 3) % 4 == 0, 255, (y * 255) // h)], axis=-1)
            Image.fromarray(pixels.astype(np.uint8), "RGB").save(path)
        src = Image.open(path).convert("RGB")
        out = src.resize((tw, th), LANCZOS)
        cases.append({"file": "resample/" + name, "width": tw, "height": th, "sha256": sha256(out.tobytes())})
    return cases


def second_resize_goldens(rows):
    cases = []
    for file, *_ in rows[:3]:
        chw = validator_image_tensor(os.path.join(DATASET, file))
        for w, h in [(224, 224), (300, 200)]:
            u8, _ = validator_second_resize(chw, w, h)
            cases.append({"file": file, "width": w, "height": h, "sha256": sha256(u8.tobytes())})
    return cases


def float_tables():
    """What float32(v) / 255 is, and what the runner's truncation makes of it again."""
    v = np.arange(256, dtype=np.uint8)
    scaled = v.astype(np.float32) / 255.0
    back = (scaled * 255).astype(np.uint8)
    return {
        "scaled_bits": [int(b) for b in scaled.view(np.uint32)],
        "truncated": [int(b) for b in back],
    }


# --- models ----------------------------------------------------------------------


def save_model(path, graph):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="cancer-ai-golden")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)


def mean_softmax_model(path, weight, bias, image_dims, with_demographics, classes_out=11):
    """ReduceMean over H, W (+ demographics) -> Gemm -> Softmax: cheap, and exactly computable in numpy."""
    nodes = [helper.make_node("ReduceMean", ["image"], ["rgb"], axes=[2, 3], keepdims=0)]
    inputs = [helper.make_tensor_value_info("image", TensorProto.FLOAT, image_dims)]
    feats = "rgb"
    if with_demographics:
        inputs.append(helper.make_tensor_value_info("demographics", TensorProto.FLOAT, [image_dims[0], 3]))
        nodes.append(helper.make_node("Concat", ["rgb", "demographics"], ["feats"], axis=1))
        feats = "feats"
    nodes += [
        helper.make_node("Gemm", [feats, "W", "b"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=-1),
    ]
    graph = helper.make_graph(
        nodes,
        "cancer-ai-golden",
        inputs,
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [image_dims[0], classes_out])],
        initializer=[
            numpy_helper.from_array(weight.astype(np.float32), "W"),
            numpy_helper.from_array(bias.astype(np.float32), "b"),
        ],
    )
    save_model(path, graph)


def reference_forward(chw, demographics, weight, bias):
    feats = chw.astype(np.float64).mean(axis=(1, 2))
    if demographics is not None:
        feats = np.concatenate([feats, demographics.astype(np.float64)])
    logits = feats @ weight.astype(np.float64) + bias.astype(np.float64)
    e = np.exp(logits - logits.max())
    return e / e.sum()


MODEL_SPECS = {
    # name: (image dims, demographics?)
    "two-input-512.onnx": (["batch", 3, 512, 512], True),
    "one-input-dynamic.onnx": (["N", 3, "H", "W"], False),
    "one-input-224.onnx": ([1, 3, 224, 224], False),
    "one-input-300x200.onnx": ([1, 3, 200, 300], False),
}


def make_models(rows):
    fresh_dir(MODELS)
    rng = np.random.default_rng(2024)
    tensors = [validator_image_tensor(os.path.join(DATASET, r[0])) for r in rows]
    demos = [validator_demographics(r[2], r[3], r[4]) for r in rows]
    y_true = [CLASSES.index(r[1]) for r in rows]
    results = {}
    for name, (dims, with_demo) in MODEL_SPECS.items():
        n_feats = 6 if with_demo else 3
        weight = rng.normal(0, 1, size=(n_feats, 11)) * np.array([40, 40, 40, 0.05, 1, 0.3][:n_feats])[:, None]
        bias = rng.normal(0, 1, size=11)
        path = os.path.join(MODELS, name)
        mean_softmax_model(path, weight, bias, dims, with_demo)
        predictions = []
        for chw, demo, row in zip(tensors, demos, rows):
            if isinstance(dims[2], int) and (dims[2], dims[3]) != (512, 512):
                _, chw = validator_second_resize(chw, dims[3], dims[2])
            probs = reference_forward(chw, demo if with_demo else None, weight, bias)
            top2 = np.sort(probs)[-2:]
            assert top2[1] - top2[0] > 1e-4, f"{name}/{row[0]}: argmax too close to call"
            predictions.append({"file": row[0], "label": row[1], "probabilities": [float(p) for p in probs]})
        y_pred = [int(np.argmax(p["probabilities"])) for p in predictions]
        results[name] = {
            "size_bytes": os.path.getsize(path),
            "predictions": predictions,
            "metrics": validator_metrics(y_true, y_pred, os.path.getsize(path)),
        }
    # Models that cannot fit the competition; the tests expect a clear error.
    mean_softmax_model(os.path.join(MODELS, "bad-3-outputs.onnx"), rng.normal(size=(3, 3)), np.zeros(3), [1, 3, 512, 512], False, 3)
    mean_softmax_model(os.path.join(MODELS, "bad-1-channel.onnx"), rng.normal(size=(1, 11)), np.zeros(11), [1, 1, 512, 512], False)
    # Real convolutions (the benchmark's model, "tiny"): the tests of several inference sessions against one.
    make_conv_model(os.path.join(MODELS, "conv-tiny.onnx"))
    return results


def make_conv_model(path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_model", os.path.join(ROOT, "scripts", "bench", "make-model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(path, "tiny")


def make_example():
    """The embedded example: a tiny model fitted so that both real images get their label."""
    with open(os.path.join(EXAMPLE, "dataset", "labels.csv")) as f:
        lines = [line.strip().split(",") for line in f if line.strip()][1:]
    tensors = [validator_image_tensor(os.path.join(EXAMPLE, "dataset", row[0])) for row in lines]
    demos = [validator_demographics(row[2], row[3], row[4]) for row in lines]
    feats = [np.concatenate([t.astype(np.float64).mean(axis=(1, 2)), d]) for t, d in zip(tensors, demos)]
    labels = [CLASSES.index(row[1]) for row in lines]
    direction = feats[0] - feats[1]
    centre = (feats[0] + feats[1]) / 2
    w = 8 * direction / np.dot(direction, direction)
    weight = np.zeros((6, 11))
    bias = np.full(11, -2.0)
    weight[:, labels[0]] = w
    weight[:, labels[1]] = -w
    bias[labels[0]] = -np.dot(w, centre)
    bias[labels[1]] = np.dot(w, centre)
    path = os.path.join(EXAMPLE, "model.onnx")
    mean_softmax_model(path, weight, bias, ["batch", 3, 512, 512], True)
    predictions = []
    for t, d, row in zip(tensors, demos, lines):
        probs = reference_forward(t, d, weight, bias)
        predictions.append({"file": row[0], "label": row[1], "probabilities": [float(p) for p in probs]})
    y_pred = [int(np.argmax(p["probabilities"])) for p in predictions]
    assert y_pred == labels, "the example model must classify its own images correctly"
    expected = {"size_bytes": os.path.getsize(path), "predictions": predictions}
    expected["metrics"] = validator_metrics(labels, y_pred, expected["size_bytes"])
    with open(os.path.join(EXAMPLE, "expected-results.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


# --- metrics ---------------------------------------------------------------------------


def metric_cases():
    rng = np.random.default_rng(11)
    mib = 1024 * 1024
    cases = []

    def add(name, y_true, y_pred, size_bytes=1000):
        cases.append(
            {
                "name": name,
                "y_true": [int(v) for v in y_true],
                "y_pred": [int(v) for v in y_pred],
                "size_bytes": int(size_bytes),
                "expected": validator_metrics(list(y_true), list(y_pred), size_bytes),
            }
        )

    add("one right", [7], [7])
    add("one wrong", [7], [1])
    add("all right, every class", list(range(11)), list(range(11)))
    add("all predicted NV", list(range(11)) * 3, [8] * 33)
    add("single class present", [1] * 9, [1, 1, 1, 7, 7, 1, 1, 0, 1])
    for n in (5, 37, 128, 500, 2000):
        y = rng.integers(0, 11, size=n)
        noisy = np.where(rng.random(n) < 0.6, y, rng.integers(0, 11, size=n))
        add(f"random n={n}", y, noisy)
    skewed = rng.choice(11, size=300, p=[0.05, 0.2, 0.02, 0.1, 0.02, 0.01, 0.01, 0.2, 0.35, 0.02, 0.02])
    add("skewed, classes 2-6 rare", skewed, np.where(rng.random(300) < 0.7, skewed, 8))
    add("accuracy exactly 1/128 (rounding tie)", [0] * 128, [0] + [1] * 127)
    for size in (0, 50 * mib, 50 * mib + 1, int(99.5 * mib), 123456789, 150 * mib - 1, 150 * mib, 400 * mib):
        add(f"size {size} bytes", [1, 2, 3, 8], [1, 2, 0, 8], size)
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = make_images()
    golden = {
        "generator": "scripts/golden/generate.py",
        "reference": {
            "pillow": Image.__version__,
            "numpy": np.__version__,
            "sklearn": __import__("sklearn").__version__,
            "onnx": onnx.__version__,
        },
        "images": image_goldens(rows),
        "resample": resample_goldens(),
        "second_resize": second_resize_goldens(rows),
        "float_tables": float_tables(),
        "models": make_models(rows),
        "external_data": make_external_data_models(),  # after make_models, which empties models/
        "metrics": metric_cases(),
    }
    with open(os.path.join(OUT, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    make_example()
    print(f"wrote {rel(OUT)} and {rel(EXAMPLE)}")


# --- models with external data (appended; called from main after make_models) ---------


def python_external_tensors(path):
    """What Python's onnx says: every tensor marked external (uses_external_data), with the file it names.

    onnx's own walk (_get_all_tensors: initializers and attribute tensors, subgraphs
    included) misses sparse initializers, which onnxruntime also reads from disk, so
    their values and indices are added from the parsed proto.
    """
    from onnx.external_data_helper import ExternalDataInfo, _get_all_tensors, uses_external_data

    model = onnx.load(path, load_external_data=False)

    def sparse(graph):
        for s in graph.sparse_initializer:
            yield s.values
            yield s.indices
        for node in graph.node:
            for attribute in node.attribute:
                for g in ([attribute.g] if attribute.HasField("g") else []) + list(attribute.graphs):
                    yield from sparse(g)

    tensors = list(_get_all_tensors(model)) + list(sparse(model.graph))
    return [{"name": t.name, "location": ExternalDataInfo(t).location} for t in tensors if uses_external_data(t)]


def make_external_data_models():
    """Models whose tensors live in side files: onnxruntime loads them here, validators (who download only
    <stem>.onnx) cannot. Returns, per model file, Python's list of its external tensors (empty: all embedded)."""
    from onnx.external_data_helper import set_external_data

    rng = np.random.default_rng(1776)

    # The competition-shaped model, as PyTorch's dynamo exporter or onnx.save(save_as_external_data=True) leaves it.
    flat = os.path.join(MODELS, "external-data.onnx")
    mean_softmax_model(flat, rng.normal(size=(6, 11)), rng.normal(size=11), ["batch", 3, 512, 512], True)
    onnx.save_model(
        onnx.load(flat),
        flat,
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location="external-data.onnx.data",
        size_threshold=0,
    )

    # External tensors in every place onnxruntime reads them from: an If's then-branch initializer, Constant
    # nodes in the main graph and in the else-branch, and a sparse initializer's values in a second file.
    nested = os.path.join(MODELS, "external-subgraph.onnx")

    def f2(name, values):
        return numpy_helper.from_array(np.asarray(values, dtype=np.float32), name)

    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])
    out = helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])
    then_branch = helper.make_graph(
        [helper.make_node("Add", ["x", "then_w"], ["then_y"], name="then_add")],
        "then",
        [],
        [helper.make_tensor_value_info("then_y", TensorProto.FLOAT, [2])],
        initializer=[f2("then_w", rng.normal(size=2))],
    )
    else_branch = helper.make_graph(
        [
            helper.make_node("Constant", [], ["else_c"], name="else_const", value=f2("else_c_value", rng.normal(size=2))),
            helper.make_node("Mul", ["x", "else_c"], ["else_y"], name="else_mul"),
        ],
        "else",
        [],
        [helper.make_tensor_value_info("else_y", TensorProto.FLOAT, [2])],
    )
    indices = numpy_helper.from_array(np.array([1, 3], dtype=np.int64), "sparse_w_indices")
    sparse_w = helper.make_sparse_tensor(f2("sparse_w", rng.normal(size=2)), indices, [4])
    graph = helper.make_graph(
        [
            helper.make_node("If", ["cond"], ["y"], name="branch", then_branch=then_branch, else_branch=else_branch),
            helper.make_node("Constant", [], ["main_c"], name="main_const", value=f2("main_c_value", rng.normal(size=4))),
            helper.make_node("Add", ["main_c", "sparse_w"], ["z"], name="main_add"),
        ],
        "external-subgraph",
        [helper.make_tensor_value_info("cond", TensorProto.BOOL, []), x],
        [out, helper.make_tensor_value_info("z", TensorProto.FLOAT, [4])],
        sparse_initializer=[sparse_w],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="cancer-ai-golden")
    model.ir_version = 7
    onnx.checker.check_model(model)
    # onnx.save writes only dense tensors out; the sparse values go to their own file by hand.
    values = model.graph.sparse_initializer[0].values
    with open(os.path.join(MODELS, "external-subgraph.sparse.data"), "wb") as f:
        f.write(values.raw_data)
    set_external_data(values, "external-subgraph.sparse.data", offset=0, length=len(values.raw_data))
    values.ClearField("raw_data")
    onnx.save_model(
        model,
        nested,
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location="external-subgraph.onnx.data",
        size_threshold=0,
        convert_attribute=True,
    )

    names = ["external-data.onnx", "external-subgraph.onnx", "two-input-512.onnx", "one-input-224.onnx", "bad-3-outputs.onnx"]
    return {name: python_external_tensors(os.path.join(MODELS, name)) for name in names}


if __name__ == "__main__":
    main()


# --- validator verdicts on dataset packages and the competition configuration ----------


def validator_verdict_goldens():
    """What the validator's own code does with a package's CSV and with the
    configuration space's datasets/*.yaml, case by case.

    The bodies below are copied from safe-scan-ai/cancer-ai (commit 99ea548):
    image_csv.py DatasetImagesCSV.sync_training_data / get_training_data,
    tricorder_common.py _validate_data / _convert_labels / the skip loop of
    preprocess_and_serialize_data / get_model_result's metric calls, utils.py
    fetch_organization_data_references (parse part) /
    sync_organizations_data_references, models.py
    find_organization_by_competition_id. Only async, logging and I/O plumbing
    were removed. pydantic 2 is not packaged by Debian, so the
    OrganizationDataReference check is a stand-in with pydantic 2's rules for
    `str` fields (str only; missing -> required; min_length counts
    characters). Writes __tests__/fixtures/validator-verdicts.json.
    """
    import csv
    import io
    import sys
    import tempfile
    from pathlib import Path

    import yaml

    limit = csv.field_size_limit()
    valid_locations = ["arm", "feet", "genitalia", "hand", "head", "leg", "torso"]
    max_invalid_entries = 2

    def sync_training_data(label_path):
        entries = []
        # aiofiles.open(label_path, "r") on a validator: text mode, UTF-8 locale.
        with open(label_path, "r", encoding="utf-8") as f:
            content = f.read()
        first_line = content.split("\n")[0] if content else ""
        delimiter = ";" if ";" in first_line else ","
        reader = csv.DictReader(io.StringIO(content), delimiter=delimiter)
        for row in reader:
            row_lower = {k.lower(): v for k, v in row.items()}
            filepath = row_lower.get("newfilename") or row_lower.get("filepath") or row_lower.get("filename") or ""
            label = row_lower.get("class") or row_lower.get("label") or ""
            age = None
            age_str = row_lower.get("age") or ""
            if age_str:
                try:
                    age = int(age_str)
                except ValueError:
                    pass
            location = None
            location_str = row_lower.get("location") or ""
            if location_str:
                location = location_str.strip().lower()
                if location not in valid_locations:
                    location = None
            gender = None
            gender_str = row_lower.get("gender") or ""
            if gender_str:
                gender = gender_str.strip().lower()
            entries.append({"relative_path": filepath, "label": label, "age": age, "gender": gender, "location": location})
        return entries

    def validate_data(metadata, y_test):
        validation_errors = []
        for i, meta_entry in enumerate(metadata):
            entry_lower = {k.lower(): v for k, v in meta_entry.items()}
            age = entry_lower.get("age")
            if age is None:
                validation_errors.append(f"Missing age at index {i}")
            elif not isinstance(age, (int, float)) or age < 0 or age > 120:
                validation_errors.append(f"Invalid age at index {i}: {age} (must be 0-120)")
            gender = entry_lower.get("gender")
            if gender is None:
                validation_errors.append(f"Missing gender at index {i}")
            else:
                gender_lower = str(gender).lower()
                if gender_lower not in ["m", "f", "male", "female"]:
                    validation_errors.append(f"Invalid gender at index {i}: {gender} (must be 'm', 'f', 'male', 'female')")
                else:
                    meta_entry["gender"] = gender_lower
            location = entry_lower.get("location")
            if location is None:
                validation_errors.append(f"Missing location at index {i}")
            else:
                location_lower = str(location).lower()
                if location_lower not in valid_locations:
                    validation_errors.append(f"Invalid location at index {i}: {location} (must be one of {valid_locations})")
                else:
                    meta_entry["location"] = location_lower
        for i, label in enumerate(y_test):
            if isinstance(label, str):
                if label not in CLASSES:
                    validation_errors.append(f"Invalid label at index {i}: {label} (must be one of {CLASSES})")
        if validation_errors and len(validation_errors) > max_invalid_entries:
            raise ValueError("Not enough valid data to evaluate.")
        return validation_errors

    def convert_labels(y_test):
        converted = []
        for y in y_test:
            if isinstance(y, str) and y in CLASSES:
                converted.append(CLASSES.index(y))
            else:
                raise ValueError(f"Invalid label: {y}")
        return converted

    def prepared_images(x_test):
        prepared = 0
        for img_path in x_test:
            try:
                if not os.path.isfile(img_path):
                    raise FileNotFoundError(f"File does not exist: {img_path}")
                with Image.open(img_path) as img:
                    img.convert("RGB")
                    prepared += 1
            except Exception:  # FileNotFoundError, IOError and the rest: all skip the image
                continue
        return prepared

    def convert_metadata_to_array(metadata):
        location_name_to_value = {"ARM": 1, "FEET": 2, "GENITALIA": 3, "HAND": 4, "HEAD": 5, "LEG": 6, "TORSO": 7}
        metadata_array = []
        for entry in metadata:
            entry_lower = {k.lower(): v for k, v in entry.items()}
            age = entry_lower.get("age", 0) if entry_lower.get("age") is not None else 0
            gender_str = entry_lower.get("gender", "").lower() if entry_lower.get("gender") else ""
            if gender_str in ["male", "m"]:
                gender = 1
            elif gender_str in ["female", "f"]:
                gender = 0
            else:
                gender = -1
            location_str = entry_lower.get("location", "").lower() if entry_lower.get("location") else ""
            location = location_name_to_value.get(location_str.upper(), -1) if location_str else -1
            metadata_array.append([age, gender, location])
        return np.array(metadata_array, dtype=np.float32)

    def model_result_error(y_test, prepared):
        # What get_model_result computes when the run yields `prepared` predictions.
        y_pred = np.array([np.eye(11)[0] for _ in range(prepared)]) if prepared else np.array([])
        y_pred_classes = y_pred.astype(int) if y_pred.ndim == 1 else np.argmax(y_pred, axis=1)
        try:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                accuracy = float(accuracy_score(np.array(y_test), y_pred_classes))
                f1_score(np.array(y_test), y_pred_classes, labels=list(range(11)), average=None, zero_division=0)
            return {"accuracy": "nan" if accuracy != accuracy else accuracy}
        except Exception as e:
            return {"error": f"Error in get_model_result: {e}"}

    def expand(parts):
        out = b""
        for part in parts:
            if isinstance(part, str):
                out += part.encode("utf-8")
            elif "hex" in part:
                out += bytes.fromhex(part["hex"])
            else:
                out += (part["repeat"] * part["count"]).encode("utf-8")
        return out

    def short(text):
        # Messages and entries quote fields; a 131,073-character field is summarised.
        return text if len(text) <= 200 else f"{text[:60]}... ({len(text)} characters)"

    def dataset_case(name, parts, files):
        with tempfile.TemporaryDirectory() as root:
            for f in files:
                os.makedirs(os.path.dirname(os.path.join(root, f)), exist_ok=True)
                Image.new("RGB", (4, 3), (200, 100, 50)).save(os.path.join(root, f), "PNG")
            label_path = os.path.join(root, "labels.csv")
            with open(label_path, "wb") as f:
                f.write(expand(parts))
            case = {"name": name, "csv": parts, "files": files}
            try:
                entries = sync_training_data(label_path)
            except Exception as e:
                case.update(stage="read", error=short(f"{type(e).__name__}: {str(e).splitlines()[0]}"))
                return case
            x_test = [Path(root, e["relative_path"]).resolve() for e in entries]
            y_test = [e["label"] for e in entries]
            metadata = [{"age": e["age"], "gender": e["gender"], "location": e["location"]} for e in entries]
            case["entries"] = [
                [short(e["relative_path"]), short(e["label"]), e["age"], e["gender"] and short(e["gender"]), e["location"]] for e in entries
            ]
            try:
                case["validation_errors"] = len(validate_data(metadata, y_test))
            except ValueError as e:
                case.update(stage="validate", error=short(f"ValueError: {e}"))
                return case
            try:
                convert_labels(y_test)
            except ValueError as e:
                case.update(stage="convert", error=short(f"ValueError: {e}"))
                return case
            prepared = prepared_images(x_test)
            case.update(stage="images" if prepared < len(x_test) or not x_test else "ok", prepared=prepared)
            case["demographics"] = convert_metadata_to_array(metadata).tolist()
            if case["stage"] == "images":
                case["model"] = model_result_error(convert_labels(y_test), prepared)
            return case

    header = "filepath,label,age,gender,location\n"
    row = lambda path, label="NV", age="30", gender="m", location="leg": f"{path},{label},{age},{gender},{location}\n"  # noqa: E731
    x = lambda n: {"repeat": "x", "count": n}  # noqa: E731
    long_label = lambda n, quoted: [header, "a.png,", '"' if quoted else "", x(n), '"' if quoted else "", ",30,m,leg\n"]  # noqa: E731
    datasets = [
        dataset_case("a valid package", [header, row("a.png"), row("images/b.png", "BCC", "50", "F", "Torso")], ["a.png", "images/b.png"]),
        dataset_case("image_path is not a validator column", ["image_path,label,age,gender,location\n", row("a.png")], ["a.png"]),
        dataset_case(
            "path is not a validator column", ["path,label,age,gender,location\n", row("a.png"), row("b.png")], ["a.png", "b.png"]
        ),
        dataset_case("a BOM glued to filepath", ["\ufeff", header, row("a.png")], ["a.png"]),
        dataset_case("a blank first line", ["\n", header, row("a.png")], ["a.png"]),
        dataset_case("extra fields on line 3", [header, row("a.png"), "b.png,NV,30,m,leg,oops\n"], ["a.png", "b.png"]),
        dataset_case("an unquoted comma in a path", [header, "a,b.png,NV,30,m,leg\n"], ["a,b.png"]),
        dataset_case("a field at the limit", long_label(limit, False), ["a.png"]),
        dataset_case("a field one over the limit", long_label(limit + 1, False), ["a.png"]),
        dataset_case("a quoted field at the limit", long_label(limit, True), ["a.png"]),
        dataset_case("a quoted field one over the limit", long_label(limit + 1, True), ["a.png"]),
        dataset_case(
            "doubled quotes count once",
            [header, 'a.png,"', {"repeat": '""', "count": limit}, '",30,m,leg\n'],
            ["a.png"],
        ),
        dataset_case(
            "doubled quotes one over",
            [header, 'a.png,"', {"repeat": '""', "count": limit + 1}, '",30,m,leg\n'],
            ["a.png"],
        ),
        dataset_case(
            "characters, not UTF-16 units",
            [header, "a.png,", {"repeat": "\U0001f600", "count": limit}, ",30,m,leg\n"],
            ["a.png"],
        ),
        dataset_case(
            "a CRLF inside quotes counts as one character (text mode)",
            [header, 'a.png,"', x(limit - 1), '\r\n",30,m,leg\n'],
            ["a.png"],
        ),
        dataset_case(
            "a LF inside quotes counts",
            [header, 'a.png,"', x(limit), '\n",30,m,leg\n'],
            ["a.png"],
        ),
        dataset_case("a long header field", ["filepath,label,age,gender,location,", x(limit + 1), "\n", row("a.png")], ["a.png"]),
        dataset_case(
            "a long field in a row with extra fields",
            [header, "a.png,NV,30,m,leg,", x(limit + 1), "\n"],
            ["a.png"],
        ),
        dataset_case(
            "extra fields before a long field",
            [header, "a.png,NV,30,m,leg,oops\n", "b.png,", x(limit + 1), ",30,m,leg\n"],
            ["a.png", "b.png"],
        ),
        dataset_case(
            "a long field before extra fields",
            [header, "a.png,", x(limit + 1), ",30,m,leg\n", "b.png,NV,30,m,leg,oops\n"],
            ["a.png", "b.png"],
        ),
        dataset_case(
            "a long field after invalid labels",
            [header, row("a.png", "bcc"), row("b.png", "", "", "", ""), "c.png,", x(limit + 1), ",30,m,leg\n"],
            ["a.png", "b.png", "c.png"],
        ),
        dataset_case(
            "3 invalid demographic fields",
            [header, row("a.png", age=""), row("b.png", gender="x"), row("c.png", location="back")],
            ["a.png", "b.png", "c.png"],
        ),
        dataset_case(
            "2 invalid fields are tolerated",
            [header, row("a.png", age="121"), row("b.png", gender=" ")],
            ["a.png", "b.png"],
        ),
        dataset_case(
            "2 invalid fields and an invalid label",
            [header, row("a.png", age="abc"), row("b.png", location=""), row("c.png", "bcc")],
            ["a.png", "b.png", "c.png"],
        ),
        dataset_case("a lower-case label", [header, row("a.png"), row("b.png", "bcc")], ["a.png", "b.png"]),
        dataset_case("two invalid labels", [header, row("a.png", "1"), row("b.png", "BCC ")], ["a.png", "b.png"]),
        dataset_case("an empty label", [header, row("a.png", "")], ["a.png"]),
        dataset_case("no label column, one row", ["filepath,diagnosis,age,gender,location\n", row("a.png", "BCC")], ["a.png"]),
        dataset_case(
            "no label column, three rows",
            ["filepath,diagnosis,age,gender,location\n", row("a.png", "BCC"), row("b.png"), row("c.png")],
            ["a.png", "b.png", "c.png"],
        ),
        dataset_case(
            "image_path and 3 invalid fields",
            ["image_path,label,age,gender,location\n", row("a.png", age="", gender="", location="")],
            ["a.png"],
        ),
        dataset_case("a missing image", [header, row("a.png"), row("missing.png"), row("c.png")], ["a.png", "c.png"]),
        dataset_case("an empty path", [header, row("a.png"), row("")], ["a.png"]),
        dataset_case("a folder as path", [header, row("a.png"), row("images")], ["a.png", "images/b.png"]),
        dataset_case("every image missing", [header, row("a.png"), row("b.png")], []),
        dataset_case("header only", [header], []),
        dataset_case("header and blank lines", [header, "\n\n"], []),
        dataset_case("an empty file", [], []),
        dataset_case("Latin-1", [header, "caf", {"hex": "e9"}, ".png,NV,30,m,leg\n"], []),
        dataset_case(
            "duplicate label columns: the first key's place, the last value of that key",
            ["filepath,label,Label,label,age,gender,location\n", "a.png,BCC,NV,MEL,30,m,leg\n"],
            ["a.png"],
        ),
        dataset_case(
            "a short row hides an earlier column of the same name",
            ["label,filepath,age,gender,location,label\n", "NV,a.png,30,m,leg\n"],
            ["a.png"],
        ),
        dataset_case(
            ";-separated, semicolon found on the first line", ["filepath;label;age;gender;location\n", "a.png;NV;30;m;leg\n"], ["a.png"]
        ),
    ]

    # --- the configuration space -------------------------------------------------------

    def parse_yaml(text):
        # fetch_organization_data_references: yaml.safe_load on the file opened as UTF-8; a YAMLError skips the file.
        with tempfile.NamedTemporaryFile("wb", suffix=".yaml", delete=False) as tmp:
            tmp.write(text.encode("utf-8"))
        try:
            with open(tmp.name, "r", encoding="utf-8") as f:
                try:
                    return {"data": yaml.safe_load(f)}
                except yaml.YAMLError as e:
                    return {"skipped": f"{type(e).__name__}: {str(e).splitlines()[0]}"}
        finally:
            os.unlink(tmp.name)

    def organization_reference(org):
        # Stand-in for OrganizationDataReference(**org) (pydantic 2.8: str fields, min_length, default "").
        if not isinstance(org, dict) or not all(isinstance(k, str) for k in org):
            raise TypeError("argument after ** must be a mapping with string keys")
        fields = {"competition_id": 1, "organization_id": 1, "dataset_hf_repo": 1, "dataset_hf_dir": 0}
        ref = {}
        for field, min_length in fields.items():
            if field not in org:
                if min_length:
                    raise ValueError(f"ValidationError: {field}: Field required")
                ref[field] = ""
                continue
            value = org[field]
            if isinstance(value, (bytes, bytearray)):
                value = value.decode("utf-8")
            if not isinstance(value, str):
                raise ValueError(f"ValidationError: {field}: Input should be a valid string")
            if len(value) < min_length:
                raise ValueError(f"ValidationError: {field}: String should have at least 1 character")
            ref[field] = value
        return ref

    def sync_organizations(fetched):
        all_orgs = []
        for file in fetched:
            yaml_data = file["yaml_data"]
            for entry in yaml_data:
                if "org_id" in entry:
                    entry["organization_id"] = entry.pop("org_id")
                all_orgs.append(entry)
        return [organization_reference(org) for org in all_orgs]

    def plain(value):
        if value is None or isinstance(value, (str, bool, int)):
            return value
        if isinstance(value, float):
            return value if value == value and abs(value) != float("inf") else repr(value)
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        return {"python": type(value).__name__}

    yaml_texts = [
        "- {org_id: a, competition_id: t, dataset_hf_repo: r}\n",
        "- org_id: a\n  competition_id: t\n  competition_id: u\n  dataset_hf_repo: r\n",
        "---\n- a\n---\n- b\n",
        "- org_id: 'unclosed\n",
        "- org_id: a\n\tcompetition_id: t\n",
        "",
        "# only a comment\n",
        "- org_id: !foo bar\n",
        "- org_id: !!python/object:os.system x\n",
        "- org_id: yes\n",
        "- org_id: 0777\n",
        "- org_id: a\x07\n",
        "- &x {org_id: a}\n- *x\n",
        "- <<: {org_id: a}\n  competition_id: t\n",
        "key: value: other\n",
        "- org_id: a\n - b\n",
        "{}\n",
        "[]\n",
        "''\n",
        "abc\n",
        '- org_id: "a\\x"\n',
        "- org_id: a\n...\n- b\n",
        "%YAML 1.1\n---\n- a\n",
        "- org_id: [a\n",
        "- !!str 12\n",
        "- ~\n- null\n- Null\n- NULL\n",
        "- 1_000\n- 0x1F\n- 0b101\n- 1:20\n",
        "- On\n- off\n- TRUE\n- No\n",
        "\ufeff- a\n",
        "- a: 1\n  a: 2\n",
        "- {a: 1, a: 2}\n",
        "- *undefined\n",
        "- a\n- b\n  c\n",
        "- \x1b\n",
    ]
    parses = []
    for text in yaml_texts:
        result = parse_yaml(text)
        parses.append({"yaml": text, **({"skipped": result["skipped"]} if "skipped" in result else {"value": plain(result["data"])})})

    org = lambda org_id, competition, repo, folder="": {  # noqa: E731
        "org_id": org_id,
        "competition_id": competition,
        "dataset_hf_repo": repo,
        "dataset_hf_dir": folder,
    }
    dump = lambda orgs: yaml.safe_dump(orgs, sort_keys=False)  # noqa: E731
    configs = {
        "first by listing order": [
            ["datasets/b.yaml", dump([org("b-org", "tricorder-3", "b/data")])],
            ["datasets/a.yaml", dump([org("a-org", "tricorder-3", "a/data")])],
        ],
        "first within a file": [
            [
                "datasets/a.yaml",
                dump([org("m", "melanoma-1", "m/data"), org("one", "tricorder-3", "one/data"), org("two", "tricorder-3", "two/data")]),
            ],
        ],
        "a broken file is skipped": [
            ["datasets/a.yaml", "- org_id: 'broken\n  competition_id: tricorder-3\n"],
            ["datasets/b.yaml", dump([org("b-org", "tricorder-3", "b/data")])],
        ],
        "an empty file fails the whole configuration": [
            ["datasets/a.yaml", dump([org("a-org", "tricorder-3", "a/data")])],
            ["datasets/b.yaml", ""],
        ],
        "a mapping file fails the whole configuration": [
            ["datasets/a.yaml", dump([org("a-org", "tricorder-3", "a/data")])],
            ["datasets/b.yaml", dump({"org_id": "b"})],
        ],
        "an empty mapping and an empty string add nothing": [
            ["datasets/a.yaml", "{}\n"],
            ["datasets/b.yaml", "''\n"],
            ["datasets/c.yaml", dump([org("c-org", "tricorder-3", "c/data")])],
        ],
        "an entry without dataset_hf_repo fails the whole configuration": [
            ["datasets/a.yaml", dump([org("a-org", "tricorder-3", "a/data"), {"org_id": "x", "competition_id": "melanoma-1"}])],
        ],
        "a boolean org_id fails the whole configuration": [
            ["datasets/a.yaml", "- org_id: yes\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n"],
        ],
        "a date org_id fails the whole configuration": [
            ["datasets/a.yaml", "- org_id: 2024-01-01\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n"],
        ],
        "a number key fails the whole configuration": [
            ["datasets/a.yaml", "- org_id: a\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n  1: one\n"],
        ],
        "a null dataset_hf_dir fails the whole configuration": [
            ["datasets/a.yaml", "- org_id: a\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n  dataset_hf_dir:\n"],
        ],
        "an entry that is not a mapping fails the whole configuration": [
            ["datasets/a.yaml", dump([org("a-org", "tricorder-3", "a/data"), "stray"])],
        ],
        "organization_id, org_id wins over it, dataset_hf_dir defaults to empty": [
            [
                "datasets/a.yaml",
                "- organization_id: plain\n  competition_id: melanoma-1\n  dataset_hf_repo: m/data\n"
                "- organization_id: loses\n  org_id: wins\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n",
            ],
        ],
        "duplicate keys: the last wins": [
            ["datasets/a.yaml", "- org_id: a\n  competition_id: melanoma-1\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n"],
        ],
        "an unknown tag skips the file": [
            ["datasets/a.yaml", "- org_id: !secret a\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n"],
            ["datasets/b.yaml", dump([org("b-org", "tricorder-3", "b/data")])],
        ],
        "a control character skips the file": [
            ["datasets/a.yaml", "- org_id: a\x07\n  competition_id: tricorder-3\n  dataset_hf_repo: a/data\n"],
            ["datasets/b.yaml", dump([org("b-org", "tricorder-3", "b/data")])],
        ],
        "two documents skip the file": [
            ["datasets/a.yaml", "---\n" + dump([org("a-org", "tricorder-3", "a/data")]) + "---\n- {}\n"],
            ["datasets/b.yaml", dump([org("b-org", "tricorder-3", "b/data")])],
        ],
        "no organisation for the competition": [
            ["datasets/a.yaml", dump([org("m", "melanoma-1", "m/data")])],
        ],
    }
    config_cases = []
    for name, files in configs.items():
        fetched, skipped = [], []
        for path, text in files:
            result = parse_yaml(text)
            if "skipped" in result:
                skipped.append([path, result["skipped"]])
                continue
            fetched.append({"file_name": path, "yaml_data": result["data"], "date_uploaded": None})
        case = {"name": name, "files": files, "skipped": skipped}
        try:
            organizations = sync_organizations(fetched)
        except Exception as e:
            case["error"] = f"{type(e).__name__}: {e}" if not isinstance(e, ValueError) else str(e)
            config_cases.append(case)
            continue
        first = next((o for o in organizations if o["competition_id"] == "tricorder-3"), None)
        case["organizations"] = organizations
        case["first"] = first
        config_cases.append(case)

    out = os.path.join(ROOT, "__tests__", "fixtures", "validator-verdicts.json")
    with open(out, "w") as f:
        json.dump(
            {
                "generator": "scripts/golden/generate.py validator_verdict_goldens",
                "validator": "safe-scan-ai/cancer-ai 99ea548",
                "python": sys.version.split()[0],
                "csv_field_limit": limit,
                "pyyaml": yaml.__version__,
                "datasets": datasets,
                "yaml_parses": parses,
                "configs": config_cases,
            },
            f,
            indent=1,
        )
        f.write("\n")
    print(f"wrote {rel(out)}")


if __name__ == "__main__":
    validator_verdict_goldens()


# --- formats beyond JPEG/PNG/WebP (appended; run with the rest, or alone) ---------------
#
#   /usr/bin/python3 -c 'import sys; sys.path.insert(0, "scripts/golden"); import generate; generate.make_format_goldens()'
#
# Writes __tests__/fixtures/golden/formats/: images in every format and mode a
# dataset might hold, and formats.json with, for each, what Debian's Pillow
# makes of it (the hashes of convert("RGB") and of its 512x512 LANCZOS), and
# the files Pillow cannot open. Where Pillow 10.4 (the validators') differs
# from 9.4, the expectation emulates 10.4 and says so in "pillow_10_4".

FORMATS = os.path.join(OUT, "formats")


def _bmp(width, height, bits, pixel_rows, palette=b"", header_size=40, compression=0, masks=(), top_down=False, colors=0):
    """A BMP from raw rows (already padded, in file order), with any header size and masks."""
    import struct

    info = struct.pack("<iiHHIIiiII", width, -height if top_down else height, 1, bits, compression, len(pixel_rows), 2835, 2835, colors, 0)
    extra = b""
    if header_size == 40:
        extra = b"".join(struct.pack("<I", m) for m in masks)
    else:
        tail = b"".join(struct.pack("<I", m) for m in masks)
        info = (info + tail).ljust(header_size - 4, b"\0")
    header = struct.pack("<I", header_size) + info + extra + palette
    offset = 14 + len(header)
    return b"BM" + struct.pack("<IHHI", offset + len(pixel_rows), 0, 0, offset) + header + pixel_rows


def _rows(arr, bytes_per_pixel_fn, bits, bottom_up=True):
    """Pack an HxW(xC) array into BMP rows padded to 4 bytes."""
    h, w = arr.shape[:2]
    stride = ((w * bits + 31) >> 3) & ~3
    out = b""
    order = range(h - 1, -1, -1) if bottom_up else range(h)
    for y in order:
        out += bytes_per_pixel_fn(arr[y]).ljust(stride, b"\0")
    return out


def _tiff(path, arr, photometric, bps, extra=(), planar=1, fillorder=1, orientation=None, colormap=None, big_endian=False, sample_format=None, width=None):
    """A raw (uncompressed) TIFF from samples: arr is HxWxC uint8/uint16, or HxW packed bytes (and width) for < 8 bits."""
    import struct

    e = ">" if big_endian else "<"
    h, w = arr.shape[:2]
    w = width or w
    if planar == 2:
        data = b"".join(np.ascontiguousarray(arr[:, :, c]).astype(arr.dtype.newbyteorder(e)).tobytes() for c in range(arr.shape[2]))
    else:
        data = arr.astype(arr.dtype.newbyteorder(e)).tobytes()
    if fillorder == 2:
        data = bytes(int(f"{b:08b}"[::-1], 2) for b in data)
    spp = len(bps)
    tags = [(256, 4, [w]), (257, 4, [h]), (258, 3, list(bps)), (259, 3, [1]), (262, 3, [photometric])]
    if fillorder != 1:
        tags.append((266, 3, [fillorder]))
    tags.append((273, 4, [0]))  # patched below
    if orientation:
        tags.append((274, 3, [orientation]))
    tags += [(277, 3, [spp]), (278, 4, [h]), (279, 4, [len(data)]), (284, 3, [planar])]
    if planar == 2:
        plane = len(data) // spp
        tags = [t for t in tags if t[0] not in (273, 279)]
        tags += [(273, 4, [0] * spp), (279, 4, [plane] * spp)]
    if colormap is not None:
        tags.append((320, 3, list(colormap)))
    if extra:
        tags.append((338, 3, list(extra)))
    if sample_format:
        tags.append((339, 3, list(sample_format)))
    tags.sort()
    ifd_offset = 8
    n = len(tags)
    blob_at = ifd_offset + 2 + 12 * n + 4
    blobs = b""
    entries = b""
    value_at = {}
    for tag, typ, values in tags:
        size = {3: 2, 4: 4}[typ]
        raw = b"".join(struct.pack(e + ("H" if typ == 3 else "I"), v) for v in values)
        if len(raw) <= 4:
            entries += struct.pack(e + "HHI", tag, typ, len(values)) + raw.ljust(4, b"\0")
        else:
            value_at[tag] = blob_at + len(blobs)
            entries += struct.pack(e + "HHII", tag, typ, len(values), blob_at + len(blobs))
            blobs += raw
        del size
    data_at = blob_at + len(blobs)
    # patch the strip offsets
    if planar == 2:
        offs = b"".join(struct.pack(e + "I", data_at + i * (len(data) // spp)) for i in range(spp))
        if 273 in value_at:
            start = value_at[273] - blob_at
            blobs = blobs[:start] + offs + blobs[start + len(offs) :]
        else:
            raise ValueError("planar offsets must not be inline")
    else:
        i = [t[0] for t in tags].index(273)
        at = 2 + 12 * i + 8
        entries = entries[: at - 2] + struct.pack(e + "I", data_at) + entries[at + 2 :]
    head = (b"MM\x00\x2a" if big_endian else b"II\x2a\x00") + struct.pack(e + "I", ifd_offset)
    body = head + struct.pack(e + "H", n) + entries + struct.pack(e + "I", 0) + blobs + data
    with open(path, "wb") as f:
        f.write(body)


def _qoi(path, rgba, channels):
    """The reference QOI encoder (qoi.h), so the expectation is the source pixels."""
    import struct

    h, w = rgba.shape[:2]
    out = bytearray(b"qoif" + struct.pack(">IIBB", w, h, channels, 0))
    index = [(0, 0, 0, 0)] * 64
    prev = (0, 0, 0, 255)
    run = 0
    px_list = [tuple(int(v) for v in p) for p in rgba.reshape(-1, 4)]
    for i, px in enumerate(px_list):
        if px == prev:
            run += 1
            if run == 62 or i == len(px_list) - 1:
                out.append(0xC0 | (run - 1))
                run = 0
            continue
        if run:
            out.append(0xC0 | (run - 1))
            run = 0
        h_ = (px[0] * 3 + px[1] * 5 + px[2] * 7 + px[3] * 11) % 64
        if index[h_] == px:
            out.append(h_)
        else:
            index[h_] = px
            if px[3] == prev[3]:
                dr, dg, db = ((px[0] - prev[0] + 128) % 256) - 128, ((px[1] - prev[1] + 128) % 256) - 128, ((px[2] - prev[2] + 128) % 256) - 128
                if -2 <= dr <= 1 and -2 <= dg <= 1 and -2 <= db <= 1:
                    out.append(0x40 | ((dr + 2) << 4) | ((dg + 2) << 2) | (db + 2))
                elif -32 <= dg <= 31 and -8 <= dr - dg <= 7 and -8 <= db - dg <= 7:
                    out += bytes([0x80 | (dg + 32), ((dr - dg + 8) << 4) | (db - dg + 8)])
                else:
                    out += bytes([0xFE, px[0], px[1], px[2]])
            else:
                out += bytes([0xFF, *px])
        prev = px
    out += b"\0" * 7 + b"\1"
    with open(path, "wb") as f:
        f.write(bytes(out))


def make_format_goldens():
    fresh_dir(FORMATS)
    big = Image.open(BIG)
    big.load()
    rgb = big.crop((760, 330, 821, 377))  # 61x47: odd, so rows need padding
    arr = np.asarray(rgb)
    gray = rgb.convert("L")
    garr = np.asarray(gray)
    h, w = garr.shape
    rgba = rgb.convert("RGBA")
    alpha = Image.linear_gradient("L").resize(rgb.size)
    rgba.putalpha(alpha)
    aarr = np.asarray(rgba)
    pal = rgb.convert("P", palette=Image.Palette.ADAPTIVE, colors=200)
    pal16 = rgb.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    cases = []  # (file, note-or-None, expected-override-or-None)

    def save(name, im, **opts):
        im.save(os.path.join(FORMATS, name), **opts)
        cases.append((name, None, None))

    def write(name, data, note=None, expected=None):
        with open(os.path.join(FORMATS, name), "wb") as f:
            f.write(data)
        cases.append((name, note, expected))

    def put(name, note=None, expected=None):
        cases.append((name, note, expected))

    # BMP / DIB
    save("bmp-24.bmp", rgb)
    save("bmp-8-palette.bmp", pal)
    save("bmp-8-gray.bmp", gray)
    save("bmp-1.bmp", rgb.convert("1"))
    bgr = lambda row: row[:, ::-1].tobytes()  # noqa: E731
    p16 = np.asarray(pal16)
    pal16_bytes = b"".join(bytes([b, g, r, 0]) for r, g, b in np.asarray(pal16.getpalette()[:48]).reshape(16, 3))
    write("bmp-4-palette.bmp", _bmp(w, h, 4, _rows(p16, lambda row: bytes((int(row[i]) << 4) | (int(row[i + 1]) if i + 1 < len(row) else 0) for i in range(0, len(row), 2)), 4), pal16_bytes, colors=16))
    write("bmp-32-bgrx.bmp", _bmp(w, h, 32, _rows(aarr, lambda row: row[:, [2, 1, 0, 3]].tobytes(), 32)))
    write("bmp-32-v5-bgra.bmp", _bmp(w, h, 32, _rows(aarr, lambda row: row[:, [2, 1, 0, 3]].tobytes(), 32), header_size=124, compression=3, masks=(0xFF0000, 0xFF00, 0xFF, 0xFF000000)))
    write("bmp-32-v4-rgba.bmp", _bmp(w, h, 32, _rows(aarr, lambda row: row.tobytes(), 32), header_size=108, compression=3, masks=(0xFF, 0xFF00, 0xFF0000, 0xFF000000)))
    write("bmp-32-xbgr-bitfields.bmp", _bmp(w, h, 32, _rows(aarr, lambda row: row[:, [3, 2, 1, 0]].tobytes(), 32), compression=3, masks=(0xFF000000, 0xFF0000, 0xFF00)))
    r5, g5, b5 = (arr[:, :, 0].astype(np.uint16) >> 3), (arr[:, :, 1].astype(np.uint16) >> 3), (arr[:, :, 2].astype(np.uint16) >> 3)
    w555 = (r5 << 10) | (g5 << 5) | b5 | 0x8000
    write("bmp-16-555.bmp", _bmp(w, h, 16, _rows(w555.astype("<u2"), lambda row: row.tobytes(), 16)))
    g6 = arr[:, :, 1].astype(np.uint16) >> 2
    w565 = (r5 << 11) | (g6 << 5) | b5
    write("bmp-16-565-bitfields.bmp", _bmp(w, h, 16, _rows(w565.astype("<u2"), lambda row: row.tobytes(), 16), compression=3, masks=(0xF800, 0x7E0, 0x1F)))
    write("bmp-24-top-down.bmp", _bmp(w, h, 24, _rows(arr, bgr, 24, bottom_up=False), top_down=True))
    import struct as _struct

    os2 = _struct.pack("<IHHHH", 12, w, h, 1, 8)
    pal_bgr = b"".join(bytes([b, g, r]) for r, g, b in np.asarray(pal.getpalette()[:768]).reshape(256, 3))
    os2_body = os2 + pal_bgr + _rows(np.asarray(pal), lambda row: row.tobytes(), 8)
    write("bmp-os2-12-palette.bmp", b"BM" + _struct.pack("<IHHI", 14 + len(os2_body), 0, 0, 14 + 12 + len(pal_bgr)) + os2_body)
    with open(os.path.join(FORMATS, "bmp-24.bmp"), "rb") as f:
        write("dib-24.dib", f.read()[14:])
    # RLE8: runs, an absolute run (odd length, so word-aligned), end of line, a delta, end of bitmap.
    rle8 = bytearray()
    for y in range(8):
        rle8 += bytes([5, 7 + y, 0, 3, 1, 2, 3, 0]) + bytes([4, 9]) + bytes([0, 0])
    rle8 += bytes([0, 2, 0, 0, 1, 1, 2, 6]) + bytes([0, 0])  # the delta quirk: 2 bytes read, 2 ignored
    rle8 += bytes([0, 0]) * 0 + bytes([12, 200, 0, 1])
    rle_pal = b"".join(bytes([(i * 37) % 256, (i * 91) % 256, (i * 53) % 256, 0]) for i in range(256))
    write("bmp-rle8.bmp", _bmp(12, 10, 8, bytes(rle8), rle_pal, compression=1))
    rle4 = bytearray()
    for y in range(6):
        rle4 += bytes([6, 0x1F - y, 0, 5, 0x23, 0x45, 0x60, 0]) + bytes([0, 0])
    rle4 += bytes([11, 0x7A, 0, 1])
    write("bmp-rle4.bmp", _bmp(11, 7, 4, bytes(rle4), rle_pal[: 16 * 4], compression=2, colors=16))
    # An 8-bit BMP whose palette (16 colours) is shorter than its indices: 10.4 maps the rest to black.
    short = (np.arange(w * h).reshape(h, w) * 7 % 256).astype(np.uint8)
    short_pal = rle_pal[: 16 * 4]
    write(
        "bmp-8-short-palette.bmp",
        _bmp(w, h, 8, _rows(short, lambda row: row.tobytes(), 8), short_pal, colors=16),
        "10.4: palette entries past the file's 16 are black (9.4: a grey ramp)",
        np.stack([np.where(short < 16, np.frombuffer(short_pal, np.uint8).reshape(16, 4)[np.minimum(short, 15), 2 - c], 0) for c in range(3)], axis=-1).astype(np.uint8),
    )
    # 10.4 reads 52- and 56-byte headers (9.4 refuses them): the expectation is the source pixels.
    write("bmp-v2-52-bitfields.bmp", _bmp(w, h, 32, _rows(aarr, lambda row: row[:, [2, 1, 0, 3]].tobytes(), 32), header_size=52, compression=3, masks=(0xFF0000, 0xFF00, 0xFF)), "10.4 only (BITMAPV2INFOHEADER)", arr)
    write("bmp-v3-56-bitfields.bmp", _bmp(w, h, 32, _rows(aarr, lambda row: row[:, [2, 1, 0, 3]].tobytes(), 32), header_size=56, compression=3, masks=(0xFF0000, 0xFF00, 0xFF, 0xFF000000)), "10.4 only (BITMAPV3INFOHEADER)", arr)

    # PPM family
    save("ppm-p6.ppm", rgb)
    save("pgm-p5.pgm", gray)
    save("pbm-p4.pbm", rgb.convert("1"))
    write("pgm-p5-16bit.pgm", b"P5\n%d %d\n65535\n" % (w, h) + (garr.astype(">u2") * 3).tobytes())
    write("pgm-p5-maxval-1000.pgm", b"P5 %d %d 1000\n" % (w, h) + (garr.astype(">u2") * 1000 // 255).astype(">u2").tobytes())
    write("ppm-p6-16bit.ppm", b"P6\n# a comment\n%d %d\n65535\n" % (w, h) + (arr.astype(">u2") * 257).astype(">u2").tobytes())
    write("ppm-p6-maxval-100.ppm", b"P6\n%d %d\n100\n" % (w, h) + (arr.astype(np.uint16) * 100 // 255).astype(np.uint8).tobytes())
    write("pbm-p1-plain.pbm", b"P1\n# plain\n%d %d\n" % (w, h) + b"\n".join(b"".join(b"1" if v < 128 else b"0" for v in row) for row in garr) + b"\n")
    write("pgm-p2-plain.pgm", b"P2\n%d %d\n# maxval next\n255\n" % (w, h) + b"\n".join(b" ".join(b"%d" % v for v in row) for row in garr) + b"\n")
    write("pgm-p2-plain-300.pgm", b"P2 %d %d 300\n" % (w, h) + b" ".join(b"%d" % (v * 300 // 255) for v in garr.ravel()) + b"\n")
    write("ppm-p3-plain-31.ppm", b"P3\n%d %d\n31\n" % (w, h) + b"\n".join(b" ".join(b"%d" % (v >> 3) for v in row.ravel()) for row in arr) + b"\n")

    # TGA
    save("tga-24.tga", rgb)
    save("tga-32-rle.tga", rgba, compression="tga_rle")
    save("tga-8-gray.tga", gray)
    save("tga-8-palette.tga", pal)
    save("tga-8-palette-rle.tga", pal, compression="tga_rle")
    save("tga-16-la.tga", rgb.convert("LA"))
    tga16 = _struct.pack("<BBBHHBHHHHBB", 0, 0, 2, 0, 0, 0, 0, 0, w, h, 16, 0x20 | 0x10)
    write("tga-16-top-down-mirrored.tga", tga16 + w555.astype("<u2").tobytes())
    tga24td = _struct.pack("<BBBHHBHHHHBB", 5, 0, 2, 0, 0, 0, 0, 0, w, h, 24, 0x20)
    write("tga-24-top-down-id.tga", tga24td + b"hello" + arr[:, :, ::-1].tobytes())

    # GIF: frame 0 only
    save("gif-palette.gif", pal)
    save("gif-transparent.gif", pal, transparency=3)
    save("gif-interlaced.gif", pal, interlace=True)
    save("gif-gray.gif", gray)
    frames = [pal, rgb.rotate(90).convert("P", palette=Image.Palette.ADAPTIVE, colors=64)]
    frames[0].save(os.path.join(FORMATS, "gif-animated.gif"), save_all=True, append_images=frames[1:], duration=100, loop=0, disposal=2)
    put("gif-animated.gif")
    # Frame 0 smaller than the logical screen, at an offset, with a transparent index.
    small = pal.crop((0, 0, 40, 30))
    buf = __import__("io").BytesIO()
    small.save(buf, "GIF", transparency=5)
    g = bytearray(buf.getvalue())
    g[6:10] = _struct.pack("<HH", 50, 40)  # the screen
    at = g.index(b"\x2c", 13 + 3 * 256 if g[10] & 0x80 else 13)
    g[at + 1 : at + 5] = _struct.pack("<HH", 7, 6)  # the frame's offset
    write("gif-offset-frame.gif", bytes(g))

    # TIFF: raw and compressed, the tags Pillow applies
    save("tiff-rgb-raw.tif", rgb)
    save("tiff-rgb-lzw.tif", rgb, compression="tiff_lzw")
    save("tiff-rgb-deflate.tif", rgb, compression="tiff_adobe_deflate")
    save("tiff-rgb-packbits.tif", rgb, compression="packbits")
    save("tiff-rgb-jpeg.tif", rgb, compression="jpeg", quality=90)
    save("tiff-rgba-lzw.tif", rgba, compression="tiff_lzw")
    save("tiff-gray.tif", gray)
    save("tiff-la.tif", rgb.convert("LA"))
    save("tiff-1-group4.tif", rgb.convert("1"), compression="group4")
    save("tiff-1-raw.tif", rgb.convert("1"))
    save("tiff-palette.tif", pal)
    save("tiff-cmyk.tif", rgb.convert("CMYK"))
    save("tiff-gray16.tif", Image.fromarray((garr.astype(np.uint16) * 3).astype(np.uint16), "I;16"))
    _tiff(os.path.join(FORMATS, "tiff-rgb16.tif"), arr.astype(np.uint16) * 257 + 13, 2, (16, 16, 16))
    put("tiff-rgb16.tif")
    _tiff(os.path.join(FORMATS, "tiff-rgba16-big-endian.tif"), aarr.astype(np.uint16) * 257, 2, (16, 16, 16, 16), extra=(2,), big_endian=True)
    put("tiff-rgba16-big-endian.tif")
    _tiff(os.path.join(FORMATS, "tiff-miniswhite.tif"), garr[:, :, None], 0, (8,))
    put("tiff-miniswhite.tif")
    _tiff(os.path.join(FORMATS, "tiff-fillorder2.tif"), garr[:, :, None], 1, (8,), fillorder=2)
    put("tiff-fillorder2.tif")
    _tiff(os.path.join(FORMATS, "tiff-planar.tif"), arr, 2, (8, 8, 8), planar=2)
    put("tiff-planar.tif")
    _tiff(os.path.join(FORMATS, "tiff-rgbx.tif"), aarr, 2, (8, 8, 8, 8), extra=(0,))
    put("tiff-rgbx.tif")
    packed4 = np.asarray([[(int(r[i]) >> 4 << 4) | (int(r[i + 1]) >> 4 if i + 1 < len(r) else 0) for i in range(0, len(r), 2)] for r in garr], np.uint8)
    _tiff(os.path.join(FORMATS, "tiff-gray4.tif"), packed4, 1, (4,), width=w)
    put("tiff-gray4.tif")
    cmap = [((i * 37) % 256) * 257 for i in range(16)] + [((i * 91) % 256) * 257 for i in range(16)] + [((i * 53) % 256) * 257 for i in range(16)]
    packed_p4 = np.asarray([[(int(r[i]) << 4) | (int(r[i + 1]) if i + 1 < len(r) else 0) for i in range(0, len(r), 2)] for r in p16], np.uint8)
    _tiff(os.path.join(FORMATS, "tiff-palette4.tif"), packed_p4, 3, (4,), colormap=cmap, width=w)
    put("tiff-palette4.tif")
    _tiff(os.path.join(FORMATS, "tiff-palette-8bit-colormap.tif"), np.asarray(pal)[:, :, None], 3, (8,), colormap=[v // 257 for v in ([((i * 37) % 256) * 257 for i in range(256)] * 3)])
    put("tiff-palette-8bit-colormap.tif")
    # Pillow applies a TIFF's Orientation tag on load (9.4: _tile_orientation; 10.4: ImageOps.exif_transpose in load_end).
    for o in (3, 6, 8):
        _tiff(os.path.join(FORMATS, f"tiff-orientation-{o}.tif"), arr, 2, (8, 8, 8), orientation=o)
        put(f"tiff-orientation-{o}.tif")
    _tiff(os.path.join(FORMATS, "tiff-orientation-5.tif"), garr[:, :, None], 1, (8,), orientation=5)
    put("tiff-orientation-5.tif")

    # QOI (Pillow 10.4 only): the reference encoder's output decodes to the source pixels.
    _qoi(os.path.join(FORMATS, "qoi-rgb.qoi"), np.asarray(rgb.convert("RGBA")), 3)
    put("qoi-rgb.qoi", "10.4 only (QoiImagePlugin); lossless, so the source pixels", arr)
    _qoi(os.path.join(FORMATS, "qoi-rgba.qoi"), aarr, 4)
    put("qoi-rgba.qoi", "10.4 only (QoiImagePlugin); lossless, so the source pixels", arr)

    # PNG and WebP modes through sharp
    save("png-rgb16.png", Image.fromarray(arr.astype(np.uint16) * 257 + 7, None).convert("RGB") if False else rgb)  # placeholder replaced below
    cases.pop()
    import zlib

    def png(name, bit_depth, color_type, raw_rows, extra_chunks=b""):
        def chunk(t, d):
            return _struct.pack(">I", len(d)) + t + d + _struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

        ihdr = _struct.pack(">IIBBBBB", w, h, bit_depth, color_type, 0, 0, 0)
        data = zlib.compress(b"".join(b"\0" + r for r in raw_rows))
        write(name, b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra_chunks and b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra_chunks + chunk(b"IDAT", data) + chunk(b"IEND", b""))

    def chunk(t, d):
        return _struct.pack(">I", len(d)) + t + d + _struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    png("png-rgb16.png", 16, 2, [(r.astype(np.uint16) * 257 + 7).astype(">u2").tobytes() for r in arr])
    png("png-rgba16.png", 16, 6, [(r.astype(np.uint16) * 257).astype(">u2").tobytes() for r in aarr])
    png("png-la16.png", 16, 4, [np.stack([g.astype(np.uint16) * 257, a.astype(np.uint16) * 257], -1).astype(">u2").tobytes() for g, a in zip(garr, aarr[:, :, 3])])
    png("png-gray16-trns.png", 16, 0, [(r.astype(np.uint16) * 2).astype(">u2").tobytes() for r in garr], chunk(b"tRNS", _struct.pack(">H", 200)))
    png("png-rgb-trns.png", 8, 2, [r.tobytes() for r in arr], chunk(b"tRNS", _struct.pack(">HHH", *[int(v) for v in arr[0, 0]])))
    png("png-gray2.png", 2, 0, [bytes(sum((int(r[i + k]) >> 6) << (6 - 2 * k) for k in range(4) if i + k < len(r)) for i in range(0, len(r), 4)) for r in garr])
    png("png-palette4-short.png", 4, 3, [bytes((int(r[i]) << 4) | (int(r[i + 1]) if i + 1 < len(r) else 0) for i in range(0, len(r), 2)) for r in p16], chunk(b"PLTE", bytes(pal16.getpalette()[:48])))
    save("webp-rgba-lossless.webp", rgba, lossless=True)
    save("webp-rgba-lossy.webp", rgba, quality=80)
    rgb.save(os.path.join(FORMATS, "png-apng.png"), save_all=True, append_images=[rgb.rotate(90)], duration=100)
    put("png-apng.png")

    # Files Pillow opens but this tool refuses to guess at, and files Pillow cannot open.
    # JPEG 2000 through OpenJPEG's WebAssembly build; float TIFF through "L" (more in formats_jp2_tiff.py).
    save("jpeg2000.jp2", rgb)
    save("tiff-float.tif", gray.convert("F"))
    # PCX, ICO, SGI, XBM and IM have decoders of their own (many more cases in formats_rare.py).
    save("pcx.pcx", rgb)
    save("ico.ico", rgb)
    save("sgi.sgi", rgb)
    save("xbm.xbm", rgb.convert("1"))
    save("im.im", rgb)
    unreproducible = []
    for name, im, opts in [
        # Rebuilt from its bytes: convert("LAB") attaches an ICC profile stamped with the time, so the file changed on every run.
        ("tiff-lab.tif", Image.frombytes("LAB", rgb.size, rgb.convert("LAB").tobytes()), {}),
    ]:
        im.save(os.path.join(FORMATS, name), **opts)
        unreproducible.append(name)
    # Associated alpha: Pillow divides it out in integers when unpacking (libvips in floats: decoded from the strips).
    _tiff(os.path.join(FORMATS, "tiff-rgba-associated.tif"), (aarr.astype(np.uint16) * aarr[:, :, 3:4] // 255).astype(np.uint8), 2, (8, 8, 8, 8), extra=(1,))
    put("tiff-rgba-associated.tif")
    refused = []
    # Pillow reads uncompressed YCbCr with rawmode RGBX (4 bytes a pixel) and runs out of data.
    _tiff(os.path.join(FORMATS, "tiff-ycbcr-raw.tif"), arr, 6, (8, 8, 8))
    refused.append("tiff-ycbcr-raw.tif")

    def refuse(name, data):
        with open(os.path.join(FORMATS, name), "wb") as f:
            f.write(data)
        refused.append(name)

    refuse("avif.avif", b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf" + bytes(64))
    refuse("heic.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(64))
    refuse("svg.svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="red"/></svg>\n')
    refuse("pdf.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    refuse("jxl.jxl", b"\xff\x0a" + bytes(64))
    with open(os.path.join(FORMATS, "bmp-24.bmp"), "rb") as f:
        bmp24 = f.read()
    refuse("bmp-truncated.bmp", bmp24[: len(bmp24) // 2])
    refuse("bmp-jpeg-compression.bmp", _bmp(w, h, 24, b"\xff\xd8\xff" + bytes(100), compression=4))
    refuse("bmp-odd-bitfields.bmp", _bmp(w, h, 16, _rows(w565.astype("<u2"), lambda row: row.tobytes(), 16), compression=3, masks=(0xF000, 0xF00, 0xF0)))
    refuse("bmp-rle8-ends-early.bmp", _bmp(12, 10, 8, bytes([12, 1, 0, 0, 0, 1]), rle_pal, compression=1))
    refuse("tga-rle-run-across-rows.tga", _struct.pack("<BBBHHBHHHHBB", 0, 0, 11, 0, 0, 0, 0, 0, 4, 2, 8, 0) + bytes([0x87, 9]))
    refuse("ppm-truncated.ppm", b"P6\n10 10\n255\n" + bytes(100))
    refuse("ppm-maxval-0.pgm", b"P5\n2 2\n0\n" + bytes(4))
    with open(os.path.join(FORMATS, "gif-palette.gif"), "rb") as f:
        gif = f.read()
    refuse("gif-truncated.gif", gif[: len(gif) * 2 // 3])
    _tiff(os.path.join(FORMATS, "tiff-unknown-mode.tif"), np.stack([garr, garr], -1), 1, (8, 8), extra=(1,))
    refused.append("tiff-unknown-mode.tif")

    images, pillow_refuses = pillow_outcomes("formats", cases, unreproducible, refused)
    write_format_json("formats", "formats.json", "scripts/golden/generate.py make_format_goldens", images, unreproducible, pillow_refuses)


def pillow_outcomes(folder, cases, unreproducible, refused):
    """What Pillow makes of the files of OUT/folder: for each case (name, note, expected), its format and
    mode and the hashes of convert("RGB") and of its 512x512 LANCZOS, where `expected` (an RGB array)
    stands for Pillow 10.4's pixels when they differ from this Pillow's, as `note` says; then a check
    that Pillow opens each unreproducible file, and the message with which it refuses each refused one."""
    images = []
    for name, note, expected in cases:
        path = os.path.join(OUT, folder, name)
        entry = {"file": f"{folder}/{name}"}
        if expected is None:
            src = Image.open(path)
            entry["format"], entry["mode"] = src.format, src.mode
            out = src.convert("RGB")
        else:
            out = Image.fromarray(np.ascontiguousarray(expected), "RGB")
            entry["format"], entry["mode"] = name.rsplit(".", 1)[1].upper(), "emulated"
        if note:
            entry["pillow_10_4"] = note
        entry["width"], entry["height"] = out.size
        entry["rgb_sha256"] = sha256(out.tobytes())
        entry["resized_sha256"] = sha256(out.resize((512, 512), LANCZOS).tobytes())
        images.append(entry)
    for name in unreproducible:
        Image.open(os.path.join(OUT, folder, name)).convert("RGB")  # Pillow opens it: it must be reported as not reproduced
    pillow_refuses = []
    for name in refused:
        try:
            Image.open(os.path.join(OUT, folder, name)).convert("RGB")
        except Exception as e:  # noqa: BLE001 - any failure is a skip on validators
            message = f"{type(e).__name__}: {e}".replace(os.path.join(OUT, folder, ""), "")
            pillow_refuses.append({"file": f"{folder}/{name}", "pillow_9_4": message[:160]})
        else:
            raise AssertionError(f"Pillow opened {name}, which the tests expect it to refuse")
    return images, pillow_refuses


def write_format_json(folder, json_name, generator, images, unreproducible, refused):
    """The goldens of OUT/folder, in the schema the format tests read (__tests__/helpers/format-goldens.ts)."""
    with open(os.path.join(OUT, folder, json_name), "w") as f:
        json.dump(
            {
                "generator": generator,
                "pillow": Image.__version__,
                "images": images,
                "unreproducible": [f"{folder}/{n}" for n in unreproducible],
                "refused": refused,
            },
            f,
            indent=1,
        )
        f.write("\n")
    print(f"wrote {rel(os.path.join(OUT, folder))}: {len(images)} images, {len(unreproducible)} unreproducible, {len(refused)} refused")


if __name__ == "__main__":
    make_format_goldens()


# --- output 0 of any shape and type, and the time limit (appended; run with the rest, or alone) ----
#
#   /usr/bin/python3 -c 'import sys; sys.path.insert(0, "scripts/golden"); import generate; generate.make_output_goldens()'
#
# Writes __tests__/fixtures/golden/outputs/: 16 small images + labels.csv, models
# whose output 0 is float64, float16, int64, bool, [1, 12], a scalar, [1], NaN,
# a column, [2, 11], empty, ragged, a sequence; models that fail or take long at
# run time; and outputs.json with what the validator makes of each (its runner's
# squeeze, get_model_result's np.array + astype/argmax, sklearn's metrics, or the
# exception it records), plus metric cases with predictions outside 0..10.
#
# sklearn: Debian has 1.2.1, validators pin 1.5.1. For predictions outside
# `labels`, both build the per-class counts the same way (multilabel_confusion_matrix:
# LabelEncoder over labels + the extra values, bincount, keep 0..10; confusion_matrix
# drops pairs outside labels), so support (true_sum) counts every true label. They
# differ in the F-score: 1.2.1 forms it from precision and recall, 1.5.1 from the
# counts, 2 tp / (true + pred). sklearn_151_metrics below is 1.5.1's algorithm
# spelled out; the expectations come from it, and each case asserts that Debian's
# 1.2.1 agrees on the counts, precision and recall exactly and on F1 to 1e-12.

OUTPUTS = os.path.join(OUT, "outputs")
OUTPUT_MODELS = os.path.join(OUTPUTS, "models")


def validator_squeeze(single_result):
    """onnx_runner.py, after session.run(None, feeds)[0]: a leading 1 goes only when ndim > 1."""
    if len(single_result.shape) > 1 and single_result.shape[0] == 1:
        single_result = np.squeeze(single_result, axis=0)
    return single_result


def validator_y_pred_classes(results):
    """tricorder_common.get_model_result: np.array of the runner's results, then astype(int) or argmax(axis=1)."""
    y_pred = np.array(results)
    if y_pred.ndim == 1:
        y_pred_classes = y_pred.astype(int)
    else:
        y_pred_classes = np.argmax(y_pred, axis=1)
    return y_pred_classes


def sklearn_151_metrics(y_true, y_pred, n_labels):
    """sklearn 1.5.1's accuracy_score, precision/recall/f1_score(labels=range(n), average="weighted"
    and None, zero_division=0) and confusion_matrix(labels=range(n)), for 1-D integer targets."""
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    labels = np.arange(n_labels)
    accuracy = float(np.average(y_true == y_pred))
    # multilabel_confusion_matrix: labels, then the present labels outside them; encode; bincount; keep labels.
    present = np.unique(np.concatenate([y_true, y_pred]))
    all_labels = np.hstack([labels, np.setdiff1d(present, labels, assume_unique=True)])
    sorted_labels = np.sort(all_labels)
    encode = {v: i for i, v in enumerate(sorted_labels)}
    t = np.array([encode[v] for v in y_true])
    p = np.array([encode[v] for v in y_pred])
    tp_bins = t[t == p]
    tp_sum = np.bincount(tp_bins, minlength=len(all_labels)) if len(tp_bins) else np.zeros(len(all_labels))
    pred_sum = np.bincount(p, minlength=len(all_labels))
    true_sum = np.bincount(t, minlength=len(all_labels))
    keep = np.searchsorted(sorted_labels, labels)
    tp_sum, pred_sum, true_sum = tp_sum[keep], pred_sum[keep], true_sum[keep]

    def prf_divide(numerator, denominator):  # zero_division=0
        mask = denominator == 0.0
        denominator = denominator.copy()
        denominator[mask] = 1
        result = numerator / denominator
        result[mask] = 0.0
        return result

    precision = prf_divide(tp_sum, pred_sum)
    recall = prf_divide(tp_sum, true_sum)
    f_score = prf_divide(2 * tp_sum, 1 * true_sum + pred_sum)

    def nanaverage(a, weights):
        mask = np.isnan(a)
        return float(np.average(a[~mask], weights=weights[~mask]))

    # confusion_matrix(labels=range(n)): pairs with a label outside are dropped.
    inside = (y_pred >= 0) & (y_pred < n_labels) & (y_true >= 0) & (y_true < n_labels)
    cm = np.zeros((n_labels, n_labels), dtype=np.int64)
    np.add.at(cm, (y_true[inside], y_pred[inside]), 1)
    return {
        "accuracy": accuracy,
        "precision": nanaverage(precision, true_sum),
        "recall": nanaverage(recall, true_sum),
        "fbeta": nanaverage(f_score, true_sum),
        "f1_by_class": f_score,
        "confusion_matrix": cm,
        "true_sum": true_sum,
    }


def validator_metrics_151(y_true, y_pred, size_bytes):
    """validator_metrics with sklearn 1.5.1's algorithm; asserts Debian's 1.2.1 agrees as the header says."""
    m = sklearn_151_metrics(y_true, y_pred, len(CLASSES))
    old = validator_metrics(list(y_true), list(y_pred), size_bytes)
    assert old["accuracy"] == round(m["accuracy"], 6)
    assert old["precision"] == round(m["precision"], 6) and old["recall"] == round(m["recall"], 6)
    assert np.allclose(old["f1_by_class"], m["f1_by_class"], rtol=0, atol=1e-12)
    assert old["confusion_matrix"] == m["confusion_matrix"].tolist()
    by_class = m["f1_by_class"]
    risk = {name: float(np.mean([by_class[i] for i in idx])) for name, idx in RISK.items()}
    weighted_f1 = (3.0 * risk["high_risk"] + 2.0 * risk["medium_risk"] + 1.0 * risk["benign"]) / 6.0
    accuracy, weighted_f1 = round(m["accuracy"], 6), round(weighted_f1, 6)
    efficiency = old["efficiency_score"]
    return {
        "accuracy": accuracy,
        "precision": round(m["precision"], 6),
        "recall": round(m["recall"], 6),
        "fbeta": round(m["fbeta"], 6),
        "weighted_f1": weighted_f1,
        "efficiency_score": efficiency,
        "score": 0.9 * (0.5 * accuracy + 0.5 * weighted_f1) + 0.1 * efficiency,
        "f1_by_class": [float(v) for v in by_class],
        "confusion_matrix": m["confusion_matrix"].tolist(),
        "risk_category_scores": risk,
    }


def validator_outcome(y_true, results, size_bytes):
    """get_model_result's try block: the metrics, or the exception it turns into an error result (score 0).

    The exceptions here (numpy's inhomogeneous shape and empty argmax, sklearn's
    _check_targets refusing multioutput or unknown targets) come from code that is
    the same in numpy 2.0.2 / sklearn 1.5.1 for these inputs.
    """
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # numpy's "invalid value encountered in cast", sklearn's column-vector warning
            classes = validator_y_pred_classes(results)
            accuracy_score(y_true, classes)  # raises for anything but one class per image
            f1_score(y_true, classes, labels=list(range(len(CLASSES))), average=None, zero_division=0)
            flat = np.ravel(classes)
    except Exception as e:  # noqa: BLE001 - the validator catches everything here
        return {"error": f"{type(e).__name__}: {e}"}
    return {
        "y_pred": [int(v) for v in flat],
        "predicted": [CLASSES[v] if 0 <= v < len(CLASSES) else str(int(v)) for v in flat],
        "metrics": validator_metrics_151(y_true, flat, size_bytes),
    }


def make_output_images():
    """16 small PNGs whose channel means spread widely, and their labels.csv."""
    images = os.path.join(OUTPUTS, "images")
    fresh_dir(images)
    rng = np.random.default_rng(1976)
    rows = []
    for i in range(16):
        base = rng.integers(0, 256, size=3)
        noise = rng.integers(-40, 41, size=(30, 40, 3))
        pixels = np.clip(base + noise, 0, 255).astype(np.uint8)
        name = f"lesion-{i:02d}.png"
        Image.fromarray(pixels, "RGB").save(os.path.join(images, name))
        rows.append(("images/" + name, CLASSES[(i * 7) % len(CLASSES)], str(30 + i), ["m", "f"][i % 2], LOCATIONS[i % len(LOCATIONS)]))
    with open(os.path.join(OUTPUTS, "labels.csv"), "w", newline="") as f:
        f.write("filepath,label,age,gender,location\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    return rows


def output_model(name, k, tail, outputs, extra_init=(), opset=13):
    """image -> ReduceMean over H, W -> Gemm to k logits ("logits"), then the `tail` nodes; output 0 first in `outputs`."""
    rng = np.random.default_rng(sum(map(ord, name)))
    weight = rng.normal(0, 1, size=(3, k)) * 40
    bias = rng.normal(0, 1, size=k)
    nodes = [
        helper.make_node("ReduceMean", ["image"], ["rgb"], axes=[2, 3], keepdims=0),
        helper.make_node("Gemm", ["rgb", "W", "b"], ["logits"]),
    ] + tail
    graph = helper.make_graph(
        nodes,
        "cancer-ai-outputs",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, "H", "W"])],
        outputs,
        initializer=[numpy_helper.from_array(weight.astype(np.float32), "W"), numpy_helper.from_array(bias.astype(np.float32), "b")]
        + list(extra_init),
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="cancer-ai-golden")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUTPUT_MODELS, name))
    return weight, bias


def const(name, values, dtype=np.int64):
    return numpy_helper.from_array(np.array(values, dtype=dtype), name)


def out(name, elem, dims):
    return helper.make_tensor_value_info(name, elem, dims)


def softmax(logits):
    e = np.exp(logits - logits.max())
    return e / e.sum()


def far(values, boundaries, margin, what):
    """The reference is float64, onnxruntime float32: a decision this close to a boundary could go either way."""
    gap = np.min(np.abs(np.subtract.outer(np.ravel(values), np.ravel(boundaries))))
    assert gap > margin, f"{what}: {gap} from a boundary"


def clear_argmax(values, what, margin=1e-3):
    top2 = np.sort(np.ravel(values))[-2:]
    assert top2[1] - top2[0] > margin, f"{what}: argmax too close to call"


def output_model_cases(features):
    """Each model, and its output per image computed in float64 by numpy (the reference forward)."""
    f = FLOAT = TensorProto.FLOAT
    cases = {}

    def case(name, k, tail, outputs, forward, extra_init=(), note=""):
        weight, bias = output_model(name, k, tail, outputs, extra_init)
        cases[name] = (note, [forward(x @ weight + bias) for x in features])

    def argmax_checked(name, values):
        for v in values:
            clear_argmax(v, name)
        return values

    probs = [helper.make_node("Softmax", ["logits"], ["probs"], axis=-1)]
    case(
        "float64-1x11.onnx",
        11,
        probs + [helper.make_node("Cast", ["probs"], ["out"], to=TensorProto.DOUBLE)],
        [out("out", TensorProto.DOUBLE, [1, 11])],
        lambda z: argmax_checked("float64", softmax(z)[None, :]),
        note="float64 class scores",
    )
    case(
        "float16-1x11.onnx",
        11,
        probs + [helper.make_node("Cast", ["probs"], ["out"], to=TensorProto.FLOAT16)],
        [out("out", TensorProto.FLOAT16, [1, 11])],
        lambda z: (clear_argmax(softmax(z), "float16", 1e-2), softmax(z).astype(np.float16)[None, :])[1],
        note="float16 class scores",
    )
    case(
        "scores-1x12.onnx",
        12,
        probs,
        [out("probs", f, [1, 12])],
        lambda z: argmax_checked("1x12", softmax(z)[None, :]),
        note="12 scores: argmax 11 is outside the 11 classes",
    )

    def scalar(z):
        v = np.sqrt(z[0]) * 7 if z[0] >= 0 else np.float64("nan")
        if not np.isnan(v):
            far(v, np.arange(-100, 101), 1e-2, "scalar")
        far(z[0], [0.0], 1e-3, "scalar sign")
        return np.array(v, dtype=np.float32)

    case(
        "scalar.onnx",
        1,
        [
            helper.make_node("Sqrt", ["logits"], ["root"]),
            helper.make_node("Mul", ["root", "seven"], ["scaled"]),
            helper.make_node("Reshape", ["scaled", "scalar_shape"], ["value"]),
        ],
        [out("value", f, [])],
        scalar,
        [const("seven", 7.0, np.float32), const("scalar_shape", [], np.int64)],
        note="one value per image (shape []): its integer part is the class, NaN gives INT64_MIN",
    )
    case(
        "one-value.onnx",
        1,
        [helper.make_node("Reshape", ["logits", "one"], ["value"])],
        [out("value", f, [1])],
        lambda z: np.array([z[0]], dtype=np.float32),
        [const("one", [1])],
        note="shape [1] (not squeezed, 1-D): argmax over one value, always class 0",
    )

    def above(z, what):
        p = softmax(z)
        far(p, [0.1], 1e-4, what)
        return (p > 0.1)[None, :]

    case(
        "int64-1x11.onnx",
        11,
        probs
        + [helper.make_node("Greater", ["probs", "tenth"], ["hot"]), helper.make_node("Cast", ["hot"], ["out"], to=TensorProto.INT64)],
        [out("out", TensorProto.INT64, [1, 11])],
        lambda z: above(z, "int64").astype(np.int64),
        [const("tenth", 0.1, np.float32)],
        note="int64 0/1 flags: ties, the first maximum wins",
    )
    case(
        "bool-1x11.onnx",
        11,
        probs + [helper.make_node("Greater", ["probs", "tenth"], ["out"])],
        [out("out", TensorProto.BOOL, [1, 11])],
        lambda z: above(z, "bool"),
        [const("tenth", 0.1, np.float32)],
        note="bool flags",
    )

    shift = np.full(11, 100.0)
    shift[3] = -10.0  # class 3 alone goes below 0 (NaN) for some images; the others never do

    def with_nan(z):
        shifted = z + shift
        far(shifted, [0.0], 1e-3, "nan sign")
        v = np.where(shifted >= 0, np.sqrt(np.maximum(shifted, 0)), np.nan)
        if not np.isnan(v).any():
            clear_argmax(v, "nan")
        return v[None, :]

    case(
        "nan-1x11.onnx",
        11,
        [helper.make_node("Add", ["logits", "shift"], ["shifted"]), helper.make_node("Sqrt", ["shifted"], ["out"])],
        [out("out", f, [1, 11])],
        with_nan,
        [const("shift", shift, np.float32)],
        note="NaN at class 3 for some images: numpy's argmax picks the first NaN",
    )
    case(
        "column-1x11x1.onnx",
        11,
        probs + [helper.make_node("Unsqueeze", ["probs", "last"], ["out"])],
        [out("out", f, [1, 11, 1])],
        lambda z: argmax_checked("column", softmax(z)[None, :, None]),
        [const("last", [2])],
        note="[1, 11, 1]: a column per image, which sklearn accepts",
    )
    case(
        "rows-2x11.onnx",
        11,
        probs + [helper.make_node("Concat", ["probs", "probs"], ["out"], axis=0)],
        [out("out", f, [2, 11])],
        lambda z: np.stack([softmax(z), softmax(z)]),
        note="[2, 11]: not squeezed; argmax over axis 1 leaves 11 values per image, which sklearn refuses",
    )
    case(
        "empty-1x0.onnx",
        11,
        probs + [helper.make_node("Slice", ["probs", "zero", "zero", "one_axis"], ["out"])],
        [out("out", f, [1, 0])],
        lambda z: np.zeros((1, 0), dtype=np.float32),
        [const("zero", [0]), const("one_axis", [1])],
        note="no values: numpy's argmax of an empty sequence raises",
    )

    def ragged(z):
        p = softmax(z * np.float32(0.1))
        far(p, [0.05], 1e-4, "ragged")
        return p[p > 0.05]

    case(
        "ragged.onnx",
        12,
        [
            helper.make_node("Mul", ["logits", "tenth"], ["soft"]),
            helper.make_node("Softmax", ["soft"], ["probs"], axis=-1),
            helper.make_node("Reshape", ["probs", "flat"], ["row"]),
            helper.make_node("Greater", ["row", "twentieth"], ["keep"]),
            helper.make_node("Compress", ["row", "keep"], ["out"], axis=0),
        ],
        [out("out", f, ["kept"])],
        ragged,
        [const("flat", [12]), const("twentieth", 0.05, np.float32), const("tenth", 0.1, np.float32)],
        note="the scores above 0.05: a length that changes with the image, which np.array cannot stack",
    )
    return cases


def timing_and_failure_models(features):
    """Models that take long, never end, fail at run time, or give a sequence as output 0."""
    f = TensorProto.FLOAT
    info = {}

    def loop_model(name, trips):
        """probs through a Loop of `trips` iterations of x * 1 (exact): the cost of a slow model, the scores of a quick one."""
        body = helper.make_graph(
            [helper.make_node("Mul", ["x_in", "one_f"], ["x_out"]), helper.make_node("Identity", ["cond_in"], ["cond_out"])],
            "body",
            [
                helper.make_tensor_value_info("i", TensorProto.INT64, []),
                helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
                helper.make_tensor_value_info("x_in", f, [1, 11]),
            ],
            [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []), helper.make_tensor_value_info("x_out", f, [1, 11])],
            initializer=[const("one_f", 1.0, np.float32)],
        )
        weight, bias = output_model(
            name,
            11,
            [
                helper.make_node("Softmax", ["logits"], ["probs"], axis=-1),
                helper.make_node("Loop", ["trips", "go", "probs"], ["out"], body=body),
            ],
            [out("out", f, [1, 11])],
            [const("trips", trips), const("go", True, np.bool_)],
        )
        results = [softmax(x @ weight + bias)[None, :] for x in features]
        for r in results:
            clear_argmax(r, name)
        return results

    info["loop-50k.onnx"] = {"trips": 50_000, "results": loop_model("loop-50k.onnx", 50_000)}
    loop_model("loop-forever.onnx", 2**62)

    # Gather at index floor(20 * mean red): onnxruntime refuses an index past the 11 scores.
    weight, bias = output_model(
        "gather-error.onnx",
        11,
        [
            helper.make_node("Softmax", ["logits"], ["probs"], axis=-1),
            helper.make_node("Slice", ["rgb", "zero", "one", "one"], ["red"]),
            helper.make_node("Mul", ["red", "twenty"], ["scaled"]),
            helper.make_node("Floor", ["scaled"], ["floored"]),
            helper.make_node("Cast", ["floored"], ["index"], to=TensorProto.INT64),
            helper.make_node("Reshape", ["index", "one"], ["indices"]),
            helper.make_node("Gather", ["probs", "indices"], ["out"], axis=1),
        ],
        [out("out", f, [1, 1])],
        [const("zero", [0]), const("one", [1]), const("twenty", 20.0, np.float32)],
    )
    indices = [20 * x[0] for x in features]
    far(indices, np.arange(0, 21), 1e-3, "gather index")
    failing = [i for i, v in enumerate(indices) if np.floor(v) > 10]
    assert failing and failing[0] > 0, "some image but not the first must fail"
    info["gather-error.onnx"] = {"first_failure": failing[0]}

    output_model(
        "sequence.onnx",
        11,
        [helper.make_node("Softmax", ["logits"], ["probs"], axis=-1), helper.make_node("SequenceConstruct", ["probs"], ["out"])],
        [helper.make_tensor_sequence_value_info("out", f, [1, 11])],
    )
    return info


def out_of_range_metric_cases():
    """Predictions outside 0..10, as get_model_result would pass them to sklearn."""
    rng = np.random.default_rng(76)
    int64_min = -(2**63)
    cases = []

    def add(name, y_true, y_pred):
        cases.append(
            {
                "name": name,
                "y_true": [int(v) for v in y_true],
                "y_pred": [int(v) for v in y_pred],
                "size_bytes": 1000,
                "expected": validator_metrics_151(np.array(y_true), np.array(y_pred, dtype=np.int64), 1000),
            }
        )

    add("argmax 11 of 12 scores", [0, 1, 2, 3, 11 - 1], [0, 11, 2, 11, 10])
    add("a scalar output of 42", [7, 7, 1], [42, 7, 42])
    add("negative values", [0, 0, 5, 5], [-1, 0, -3, 5])
    add("NaN cast to INT64_MIN", [3, 8, 8], [int64_min, 8, int64_min])
    add("every prediction outside", [1, 2, 3], [11, 12, 99])
    add("one class, predicted outside once", [4] * 5, [4, 4, 4, 4, 11])
    y = rng.integers(0, 11, size=300)
    noisy = np.where(rng.random(300) < 0.6, y, rng.integers(-2, 14, size=300))
    add("random n=300, values -2..13", y, noisy)
    return cases


def make_output_goldens():
    fresh_dir(OUTPUTS)
    os.makedirs(OUTPUT_MODELS)
    rows = make_output_images()
    tensors = [validator_image_tensor(os.path.join(OUTPUTS, r[0])) for r in rows]
    features = [t.astype(np.float64).mean(axis=(1, 2)) for t in tensors]
    y_true = [CLASSES.index(r[1]) for r in rows]
    files = [r[0] for r in rows]

    def outcome(path, results):
        return validator_outcome(y_true, [validator_squeeze(r) for r in results], os.path.getsize(path))

    models = {}
    for name, (note, results) in output_model_cases(features).items():
        models[name] = {"note": note, **outcome(os.path.join(OUTPUT_MODELS, name), results)}
    refused = {name for name, m in models.items() if "error" in m}
    assert refused == {"rows-2x11.onnx", "empty-1x0.onnx", "ragged.onnx"}, refused
    timing = timing_and_failure_models(features)
    loop = timing["loop-50k.onnx"]
    models["loop-50k.onnx"] = {"note": "50,000 Loop iterations per image", **outcome(os.path.join(OUTPUT_MODELS, "loop-50k.onnx"), loop["results"])}
    with open(os.path.join(OUTPUTS, "outputs.json"), "w") as f:
        json.dump(
            {
                "generator": "scripts/golden/generate.py (make_output_goldens)",
                "files": files,
                "models": models,
                "gather_error_first_failure": files[timing["gather-error.onnx"]["first_failure"]],
                "metrics": out_of_range_metric_cases(),
            },
            f,
            indent=1,
        )
        f.write("\n")
    print(f"wrote {rel(OUTPUTS)}")


if __name__ == "__main__":
    make_output_goldens()


if __name__ == "__main__":
    # The rarer formats live in modules of their own, which import this one for its helpers.
    import formats_jp2_tiff
    import formats_rare

    formats_rare.make_rare_format_goldens()
    formats_jp2_tiff.make_jp2_tiff_goldens()


if __name__ == "__main__":
    # The forecast's rules, from the validators' own functions (needs the cancer-ai mirror; see that module).
    import forecast_rules

    forecast_rules.make_forecast_rule_goldens()


if __name__ == "__main__":
    # The paired bootstrap of the score delta: its resampling reimplemented, scores from validator_metrics above.
    import bootstrap_goldens

    bootstrap_goldens.make_bootstrap_goldens()
