export const id = 785;
export const ids = [785];
export const modules = {

/***/ 80785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  servePreprocessing: () => (/* binding */ servePreprocessing)
});

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/natives.ts
var natives = __webpack_require__(22184);
// EXTERNAL MODULE: ./src/preprocess/index.ts + 17 modules
var preprocess = __webpack_require__(5221);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(8333);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
;// CONCATENATED MODULE: ./src/workers/gc.ts
/**
 * A young-generation collection on demand. sharp hands each decoded image
 * over as an external buffer that is freed only when V8 collects its
 * wrapper; left to V8, dozens of dead 6-20 MB buffers pile up between
 * collections, glibc returns their pages to the kernel, and every decode
 * then writes into fresh pages. Page faults made decoding 2-3x slower than
 * Pillow's on CI-like VMs; a minor collection after each image (under 1 ms)
 * frees the buffer while its pages are still warm.
 */


let gc;
function collectYoungGarbage() {
    if (gc === undefined) {
        try {
            // The flag exposes gc() to contexts created after it is set: this one.
            external_node_v8_default().setFlagsFromString("--expose-gc");
            gc = external_node_vm_default().runInNewContext("gc");
        }
        catch {
            gc = null;
        }
    }
    gc?.({ type: "minor" });
}

;// CONCATENATED MODULE: ./src/workers/preprocess-worker.ts
/**
 * A preprocessing worker: decode + Pillow-exact resize + float tensor, for
 * the jobs the main thread sends, in order.
 */





function serialize(err) {
    if (err instanceof errors/* ImageError */.C8)
        return { image: { file: err.file, reason: err.reason, kind: err.kind }, message: err.message };
    return { message: err instanceof Error ? err.message : String(err) };
}
async function servePreprocessing() {
    const port = external_node_worker_threads_.parentPort;
    if (!port)
        throw new Error("servePreprocessing runs in a worker thread");
    const sharp = await (0,natives/* loadSharp */.P)();
    // Parallelism comes from the workers; libvips' own threads per image would only compete with them.
    sharp.concurrency(1);
    sharp.cache(false);
    const spare = [];
    const send = (message, transfer = []) => port.postMessage(message, transfer);
    async function run(job) {
        try {
            const { tensor, times } = await (0,preprocess/* preprocessTimed */.M)(job.file, job.path, job.imageSize, job.inputSize, spare.pop());
            send({ type: "done", id: job.id, tensor, times }, [tensor.buffer]);
        }
        catch (err) {
            send({ type: "failed", id: job.id, error: serialize(err) });
        }
        finally {
            collectYoungGarbage();
        }
    }
    // One image at a time: two decodes at once in one thread cost more CPU per
    // image (their buffers outlive the collection that should free them).
    let queue = Promise.resolve();
    port.on("message", (message) => {
        if (message.type === "recycle")
            spare.push(new Float32Array(message.buffer));
        else
            queue = queue.then(() => run(message));
    });
    send({ type: "ready" });
}


/***/ })

};
