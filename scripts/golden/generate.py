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
    return results


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
