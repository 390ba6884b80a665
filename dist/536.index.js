export const id = 536;
export const ids = [536];
export const modules = {

/***/ 55536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   servePreprocessing: () => (/* binding */ servePreprocessing)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_natives_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22184);
/* harmony import */ var _preprocess_budget_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45697);
/* harmony import */ var _preprocess_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85520);
/**
 * A preprocessing worker: decode + Pillow-exact resize to the model's input
 * pixels, for the jobs the main thread sends, in order.
 */





function serialize(err) {
    if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageError */ .C8)
        return { image: { file: err.file, reason: err.reason, kind: err.kind }, message: err.message };
    return { message: err instanceof Error ? err.message : String(err) };
}
async function servePreprocessing() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    if (!port)
        throw new Error("servePreprocessing runs in a worker thread");
    const sharp = await (0,_util_natives_js__WEBPACK_IMPORTED_MODULE_3__/* .loadSharp */ .P)();
    // Parallelism comes from the workers; libvips' own threads per image would only compete with them.
    sharp.concurrency(1);
    sharp.cache(false);
    const budget = new _preprocess_budget_js__WEBPACK_IMPORTED_MODULE_4__/* .PixelBudget */ .a(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.budget);
    const send = (message, transfer = []) => port.postMessage(message, transfer);
    async function run(job) {
        try {
            const { rgbs, times } = await (0,_preprocess_index_js__WEBPACK_IMPORTED_MODULE_2__/* .preparePixels */ .$)(job.file, job.path, job.imageSize, job.inputSizes, budget);
            send({ type: "done", id: job.id, rgbs, times }, rgbs.map((rgb) => rgb.buffer));
        }
        catch (err) {
            send({ type: "failed", id: job.id, error: serialize(err) });
        }
    }
    // One image at a time: two decodes at once in one thread cost more CPU per
    // image (their buffers outlive the collection that should free them).
    let queue = Promise.resolve();
    port.on("message", (job) => (queue = queue.then(() => run(job))));
    send({ type: "ready" });
}


/***/ })

};
