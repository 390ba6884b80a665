export const id = 604;
export const ids = [604];
export const modules = {

/***/ 22184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ loadSharp),
/* harmony export */   s: () => (/* binding */ loadOrt)
/* harmony export */ });
let sharp;
let ort;
function loadSharp() {
    return (sharp ??= import(/* webpackIgnore: true */ "sharp").then((m) => m.default));
}
/**
 * The named exports, not `default`: onnxruntime-node is CommonJS marked
 * `__esModule`, so tsx's interop leaves `default` undefined where Node and
 * jest make it `module.exports`.
 */
function loadOrt() {
    return (ort ??= import(/* webpackIgnore: true */ "onnxruntime-node"));
}


/***/ }),

/***/ 35863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ workerEntry)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Where a worker thread of this folder starts. Bundled, it is the bundle's
 * own index.js again, which dispatches on workerData.role; from the sources
 * (tests), it is the module itself behind tsx's loader.
 */




/** `from`: the starting module's import.meta.url; `file` and `serve`: the worker's module beside it and the function it runs. */
function workerEntry(from, file, serve) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(from));
    // Bundled, the starting module is in index.js or in a chunk beside it.
    if (!from.endsWith(".ts"))
        return (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, "index.js"));
    // `--import tsx` in execArgv does not reach a worker's entry module on Node 20; registering tsx's API first does.
    const tsxPackage = (0,node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)(from).resolve("tsx/package.json");
    const manifest = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(tsxPackage, "utf8"));
    const tsx = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(tsxPackage), manifest.exports["./esm/api"].import.default)).href;
    const module = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, file)).href;
    const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); ` +
        `await (await import(${JSON.stringify(module)})).${serve}();`;
    return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}


/***/ }),

/***/ 27604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serveInference: () => (/* binding */ serveInference)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./src/workers/entry.ts
var entry = __webpack_require__(35863);
// EXTERNAL MODULE: ./src/util/natives.ts
var natives = __webpack_require__(22184);
// EXTERNAL MODULE: ./src/workers/inference-protocol.ts
var inference_protocol = __webpack_require__(39093);
;// CONCATENATED MODULE: ./src/workers/inference-reader.ts
/**
 * The inference process's reading thread. It takes the requests from stdin
 * and their tensors from the shared tensor file while the main thread is
 * inside onnxruntime, so the next image is already in memory when its turn
 * comes and the copy costs the model no time.
 *
 * Requests go to the main thread over a MessagePort, tensors transferred
 * (not copied); a counter in shared memory wakes the main thread, which waits
 * with Atomics.wait because it has no event loop turn to spare. Buffers come
 * back the same way for reuse.
 *
 * It is also the process's watchdog: the end of stdin means the evaluation
 * is done or gone, and a main thread stuck in onnxruntime then cannot exit
 * by itself.
 */


const REQUESTS_FD = 0;
const TENSORS_FD = 4;
/** Once its parent is gone, a process stuck in onnxruntime would run on unseen: it ends itself this long after. */
const ORPHAN_GRACE_MS = 2000;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** Fills `target` from stdin; false at a clean end of input (no byte read). */
function fill(target) {
    let got = 0;
    while (got < target.length) {
        let n;
        try {
            n = (0,external_node_fs_.readSync)(REQUESTS_FD, target, got, target.length - got, null);
        }
        catch (err) {
            // An fd left non-blocking by someone else: wait a millisecond and read again.
            if (err.code !== "EAGAIN")
                throw err;
            Atomics.wait(pause, 0, 0, 1);
            continue;
        }
        if (n === 0) {
            if (got === 0)
                return false;
            throw new Error("the evaluation closed its pipe in the middle of a request");
        }
        got += n;
    }
    return true;
}
function serveInferenceReader() {
    const { port, posted } = external_node_worker_threads_.workerData;
    const spare = new Map();
    const post = (incoming, transfer = []) => {
        port.postMessage(incoming, transfer);
        Atomics.add(posted, 0, 1);
        Atomics.notify(posted, 0);
    };
    const buffer = (bytes) => {
        for (let back = (0,external_node_worker_threads_.receiveMessageOnPort)(port); back; back = (0,external_node_worker_threads_.receiveMessageOnPort)(port)) {
            const returned = back.message;
            spare.set(returned.byteLength, [...(spare.get(returned.byteLength) ?? []), returned]);
        }
        return spare.get(bytes)?.pop() ?? new ArrayBuffer(bytes);
    };
    try {
        for (;;) {
            const length = new Uint8Array(4);
            if (!fill(length))
                break;
            const json = new Uint8Array(Buffer.from(length).readUInt32LE(0));
            if (!fill(json))
                break;
            const message = JSON.parse(Buffer.from(json).toString("utf8"));
            const feeds = message.type === "run" ? message.feeds : [];
            const tensors = feeds.map((feed) => {
                const tensor = buffer(feed.tensor.bytes);
                let got = 0;
                while (got < tensor.byteLength) {
                    const n = (0,external_node_fs_.readSync)(TENSORS_FD, new Uint8Array(tensor), got, tensor.byteLength - got, feed.offset + got);
                    if (n === 0)
                        throw new Error("the tensor file ends before a request's tensor");
                    got += n;
                }
                return tensor;
            });
            post({ message, tensors }, tensors);
        }
    }
    finally {
        post({ end: true });
        // The main thread exits on the end it was just sent; only a main thread stuck in onnxruntime lets this fire.
        setTimeout(() => process.kill(process.pid, "SIGKILL"), ORPHAN_GRACE_MS);
    }
}

// EXTERNAL MODULE: ./src/workers/protocol.ts
var protocol = __webpack_require__(86775);
;// CONCATENATED MODULE: ./src/workers/inference-process.ts
/**
 * An inference process: one onnxruntime session, run on the requests that
 * arrive on stdin, one after the other, replies on fd 3 (inference-protocol.ts).
 *
 * The main thread does nothing but run the session: a second thread
 * (inference-reader.ts) reads the requests, so each tensor is in memory
 * before its turn. While a run is in onnxruntime this thread is gone (it may
 * never come back), so the parent times each image and kills this process
 * when the limit passes.
 */







const REPLIES_FD = 3;
/** The validator's runner: SessionOptions with intra_op_num_threads = inter_op_num_threads = 1, CPU. */
const SESSION_OPTIONS = {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionProviders: ["cpu"],
    // onnxruntime's warnings (unused initializers, ...) would reach the user's log as noise; errors still come back as messages.
    logSeverityLevel: 3,
};
const inference_process_pause = new Int32Array(new SharedArrayBuffer(4));
function send(message, payload) {
    for (const bytes of payload ? [(0,inference_protocol/* encodeHeader */.YS)(message), payload] : [(0,inference_protocol/* encodeHeader */.YS)(message)]) {
        let sent = 0;
        while (sent < bytes.length) {
            try {
                sent += (0,external_node_fs_.writeSync)(REPLIES_FD, bytes, sent, bytes.length - sent);
            }
            catch (err) {
                // An fd left non-blocking by someone else: wait a millisecond and write again.
                if (err.code !== "EAGAIN")
                    throw err;
                Atomics.wait(inference_process_pause, 0, 0, 1);
            }
        }
    }
}
/** The reading thread: this very entry again, as pool.ts starts its workers (bundled: index.js; sources: behind tsx). */
function startReader(data) {
    const options = { workerData: { ...data, role: protocol/* INFERENCE_ROLE */.f7 }, transferList: [data.port] };
    new external_node_worker_threads_.Worker((0,entry/* workerEntry */.x)(import.meta.url, "inference-reader.ts", "serveInferenceReader"), options).unref();
}
/** The next request from the reading thread, waiting for it without an event loop; undefined at the end. */
function receiver(port, posted) {
    return () => {
        for (;;) {
            const seen = Atomics.load(posted, 0);
            const received = (0,external_node_worker_threads_.receiveMessageOnPort)(port);
            if (received) {
                const incoming = received.message;
                return "end" in incoming ? undefined : incoming;
            }
            Atomics.wait(posted, 0, seen);
        }
    };
}
async function serveInference() {
    if (!external_node_worker_threads_.isMainThread)
        return serveInferenceReader();
    // Nothing this process starts is an inference process.
    delete process.env[protocol/* ROLE_VARIABLE */.k8];
    const channel = new external_node_worker_threads_.MessageChannel();
    const posted = new Int32Array(new SharedArrayBuffer(4));
    startReader({ port: channel.port1, posted });
    const next = receiver(channel.port2, posted);
    const { env, InferenceSession, Tensor } = await (0,natives/* loadOrt */.s)();
    env.logLevel = "error";
    const load = next()?.message;
    if (load?.type !== "load")
        process.exit(0);
    let session;
    try {
        session = await InferenceSession.create(load.modelPath, SESSION_OPTIONS);
    }
    catch (err) {
        send({ type: "load-failed", message: err instanceof Error ? err.message : String(err) });
        process.exit(0);
    }
    send({ type: "loaded", inputs: session.inputMetadata, outputs: session.outputMetadata });
    for (let incoming = next(); incoming; incoming = next()) {
        const { message: request, tensors } = incoming;
        if (request.type !== "run")
            throw new Error(`unexpected request ${request.type}`);
        const feeds = {};
        request.feeds.forEach((feed, i) => {
            if (feed.tensor.type !== "float32")
                throw new Error(`inputs are float32 tensors; got ${feed.tensor.type}`);
            feeds[feed.name] = new Tensor("float32", new Float32Array(tensors[i]), [...feed.tensor.dims]);
        });
        let outputs;
        const started = performance.now();
        try {
            outputs = await session.run(feeds, [...request.fetches]);
        }
        catch (err) {
            send({
                type: "run-failed",
                id: request.id,
                message: err instanceof Error ? err.message : String(err),
                ms: performance.now() - started,
            });
        }
        const ms = performance.now() - started;
        // Back to the reading thread for the next tensors of their size.
        for (const tensor of tensors)
            channel.port2.postMessage(tensor, [tensor]);
        if (!outputs)
            continue;
        const kept = outputs[request.keep];
        if (!(0,inference_protocol/* isTensorType */.kx)(kept.type)) {
            send({ type: "unsupported-output", id: request.id, outputType: kept.type, ms });
            continue;
        }
        const data = kept.data;
        const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        send({ type: "output", id: request.id, tensor: { type: kept.type, dims: kept.dims, bytes: bytes.length }, ms }, bytes);
    }
    process.exit(0);
}


/***/ }),

/***/ 39093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YS: () => (/* binding */ encodeHeader),
/* harmony export */   kx: () => (/* binding */ isTensorType),
/* harmony export */   wI: () => (/* binding */ FrameDecoder)
/* harmony export */ });
/* unused harmony exports TENSOR_TYPES, payloadBytes */
/** The tensor element types whose bytes the protocol carries (onnxruntime's names). */
const TENSOR_TYPES = [
    "float32",
    "float64",
    "float16",
    "int8",
    "uint8",
    "int16",
    "uint16",
    "int32",
    "uint32",
    "int64",
    "uint64",
    "bool",
];
const isTensorType = (type) => TENSOR_TYPES.includes(type);
/** The frame's header part: length, then JSON. The payload, if any, is written after it as it is. */
function encodeHeader(message) {
    const json = Buffer.from(JSON.stringify(message), "utf8");
    const frame = Buffer.allocUnsafe(4 + json.length);
    frame.writeUInt32LE(json.length, 0);
    json.copy(frame, 4);
    return frame;
}
/** The byte count of the tensor that follows the header in the stream, 0 for none. */
function payloadBytes(message) {
    return message.type === "output" ? message.tensor.bytes : 0;
}
/**
 * Frames from a byte stream, for the side that reads asynchronously (the
 * parent). Chunks are kept as they come and joined only for a frame that
 * spans several of them.
 */
class FrameDecoder {
    onFrame;
    chunks = [];
    buffered = 0;
    header;
    constructor(onFrame) {
        this.onFrame = onFrame;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.buffered += chunk.length;
        for (;;) {
            if (!this.header) {
                if (this.buffered < 4)
                    return;
                const length = this.peek(4).readUInt32LE(0);
                if (this.buffered < 4 + length)
                    return;
                this.take(4);
                this.header = JSON.parse(this.take(length).toString("utf8"));
            }
            const bytes = payloadBytes(this.header);
            if (this.buffered < bytes)
                return;
            // A copy of its own: typed arrays over it need an aligned, unshared buffer.
            const payload = new Uint8Array(bytes);
            payload.set(this.take(bytes));
            const message = this.header;
            this.header = undefined;
            this.onFrame(message, payload);
        }
    }
    peek(n) {
        if (this.chunks[0].length < n)
            this.chunks = [Buffer.concat(this.chunks)];
        return this.chunks[0].subarray(0, n);
    }
    take(n) {
        if (n === 0)
            return Buffer.alloc(0);
        const out = this.peek(n);
        this.chunks[0] = this.chunks[0].subarray(n);
        if (this.chunks[0].length === 0)
            this.chunks.shift();
        this.buffered -= n;
        return out;
    }
}


/***/ })

};
