#!/usr/bin/python3
"""A benchmark model with the cost and interface of a real CancerAI model.

    /usr/bin/python3 scripts/bench/make-model.py OUT.onnx [light|heavy|tiny]

Two inputs like the competition's models (image [N, 3, 512, 512], demographics
[N, 3]), strided 3x3 Conv + Relu layers, GlobalAveragePool, the demographics
concatenated, Gemm to 11 classes, Softmax. "light" (the default) costs about
1 GFLOP per 512x512 image, what a small real model costs; "heavy" about
4 GFLOP, closer to the competition's larger models; "tiny" about 0.1 GFLOP,
real convolutions for the tests at little cost. The cost is printed. Weights
are seeded He-normal, so that activations and outputs stay in a sane range
and the file is the same on every run.
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# (in channels, out channels, stride) per layer, on a 512x512 input.
PRESETS = {
    "light": [(3, 32, 2), (32, 36, 2), (36, 72, 2), (72, 144, 2), (144, 256, 2)],
    "heavy": [(3, 64, 2), (64, 96, 2), (96, 160, 2), (160, 256, 2), (256, 384, 2)],
    "tiny": [(3, 8, 2), (8, 16, 2), (16, 16, 2)],
}
CLASSES = 11


def main(out, preset="light"):
    layers = PRESETS[preset]
    rng = np.random.default_rng(76)
    nodes, inits = [], []
    x, size, flops = "image", 512, 0
    for i, (cin, cout, stride) in enumerate(layers):
        w = (rng.standard_normal((cout, cin, 3, 3)) * np.sqrt(2.0 / (cin * 9))).astype(np.float32)
        b = np.zeros(cout, dtype=np.float32)
        inits += [numpy_helper.from_array(w, f"w{i}"), numpy_helper.from_array(b, f"b{i}")]
        size //= stride
        flops += 2 * size * size * cout * cin * 9
        nodes.append(helper.make_node("Conv", [x, f"w{i}", f"b{i}"], [f"c{i}"], kernel_shape=[3, 3], strides=[stride, stride], pads=[1, 1, 1, 1]))
        nodes.append(helper.make_node("Relu", [f"c{i}"], [f"r{i}"]))
        x = f"r{i}"
    nodes.append(helper.make_node("GlobalAveragePool", [x], ["pooled"]))
    nodes.append(helper.make_node("Flatten", ["pooled"], ["features"], axis=1))
    nodes.append(helper.make_node("Concat", ["features", "demographics"], ["all"], axis=1))
    features = layers[-1][1] + 3
    wg = (rng.standard_normal((features, CLASSES)) * 0.1).astype(np.float32)
    inits += [numpy_helper.from_array(wg, "wg"), numpy_helper.from_array(np.zeros(CLASSES, np.float32), "bg")]
    nodes.append(helper.make_node("Gemm", ["all", "wg", "bg"], ["logits"]))
    nodes.append(helper.make_node("Softmax", ["logits"], ["probabilities"], axis=-1))
    graph = helper.make_graph(
        nodes,
        "cancer-ai-bench",
        [
            helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 3, 512, 512]),
            helper.make_tensor_value_info("demographics", TensorProto.FLOAT, ["batch", 3]),
        ],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", CLASSES])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="cancer-ai-bench")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, out)
    print(f"{flops / 1e9:.2f} GFLOP per image")


if __name__ == "__main__":
    main(*sys.argv[1:3])
