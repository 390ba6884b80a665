/** The parts of @cornerstonejs/codec-openjpeg's Emscripten decoder (dist/openjpegwasm_decode.js) that openjpeg.ts uses. */
declare module "@cornerstonejs/codec-openjpeg/decodewasmjs" {
  export interface J2KFrameInfo {
    width: number;
    height: number;
    bitsPerSample: number;
    componentCount: number;
    isSigned: boolean;
  }

  export interface J2KDecoder {
    /** A view into the module's memory, `size` bytes long, to copy the file into. */
    getEncodedBuffer(size: number): Uint8Array;
    decode(): void;
    /** A copy of the decoded samples (a Uint8ClampedArray). */
    getDecodedBuffer(): Uint8ClampedArray;
    getFrameInfo(): J2KFrameInfo;
    delete(): void;
  }

  export interface OpenJpegModule {
    J2KDecoder: new () => J2KDecoder;
  }

  const factory: (options?: { print?: (text: string) => void; printErr?: (text: string) => void }) => Promise<OpenJpegModule>;
  export default factory;
}
