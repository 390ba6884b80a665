import {
  checkCommitment,
  commitmentAdvice,
  commitmentString,
  compactU32,
  encodeSetCommitment,
  modelStem,
  parseCommitment,
} from "../src/release/commitment.js";

const SHA = "ab".repeat(32);

describe("set_commitment call data", () => {
  it.each([
    // CHAIN.md's example: pallet 18, call 0, netuid 76 LE, one field, Raw5 (index 6), the bytes.
    [76, "hello", "0x12004c00040668656c6c6f"],
    [1, "", "0x120001000401"],
    [65535, "a", "0x1200ffff040261"],
    [76, "x".repeat(128), `0x12004c000481${"78".repeat(128)}`],
  ])("netuid %p, %j", (netuid, text, hex) => {
    expect(encodeSetCommitment(netuid, text)).toBe(hex);
  });
  it("counts UTF-8 bytes, not characters", () => {
    expect(encodeSetCommitment(76, "é")).toBe("0x12004c000403c3a9");
  });
  it.each([
    [76, "x".repeat(129), /129 bytes, over 128/],
    [70000, "a", /not a u16/],
  ])("refuses netuid %p / %j", (netuid, text, reason) => {
    expect(() => encodeSetCommitment(netuid, text)).toThrow(reason);
  });
  it.each([
    [0, "00"],
    [1, "04"],
    [63, "fc"],
    [64, "0101"],
    [16383, "fdff"],
    [16384, "02000100"],
  ])("compact(%p) = %s", (n, hex) => {
    expect(compactU32(n).toString("hex")).toBe(hex);
  });
});

describe("the commitment string and its limits", () => {
  const ok = { repoId: "miner/skin", stem: "model-v3", competitionId: "tricorder-3", sha256: SHA };
  it("joins the four parts as validators split them", () => {
    const text = checkCommitment(ok);
    expect(text).toBe(`miner/skin:model-v3:tricorder-3:${SHA}`);
    expect(parseCommitment(text)).toEqual(ok);
    expect(commitmentString(ok)).toBe(text);
  });
  it.each([
    [
      { repoId: "a".repeat(20) + "/" + "b".repeat(12) },
      /hf-repo-id ".*" is 33 bytes, over the miner CLI's 32 \(validators do not check it/,
    ],
    [{ stem: "m".repeat(28) }, /the model file name ".*\.onnx" is 33 bytes, over the miner CLI's 32/],
    [{ stem: "m".repeat(28) }, /the code file name ".*\.zip" is 32 bytes, over the miner CLI's 31/],
  ])("only advises on the miner CLI's limit for %p: validators accept it", (change, advice) => {
    expect(checkCommitment({ ...ok, ...change })).toContain(":");
    expect(commitmentAdvice({ ...ok, ...change })).toContainEqual(expect.stringMatching(advice));
    expect(commitmentAdvice(ok)).toEqual([]);
  });
  it.each([
    [{ repoId: "no-slash" }, /must look like owner\/name/],
    [{ stem: "a:b" }, /without ":"/],
    [{ sha256: "XYZ" }, /64 lowercase hex/],
  ])("refuses %p", (change, reason) => {
    expect(() => checkCommitment({ ...ok, ...change })).toThrow(reason);
  });
  it("names the part to shorten when the whole is over 128 bytes", () => {
    // 32 + 1 + 26 + 1 + 20 + 1 + 64 = 145 bytes, every part within its own limit.
    const long = { repoId: "r".repeat(15) + "/" + "s".repeat(16), stem: "m".repeat(26), competitionId: "c".repeat(20), sha256: SHA };
    expect(() => checkCommitment(long)).toThrow(
      "the commitment is 145 bytes, over the chain's 128 (Raw128): shorten hf-repo-id (32 bytes) by at least 17",
    );
  });
  it.each([
    ["a:b:c", undefined],
    ["a:b:c:d:e", undefined],
    ["r/x:m:t:h", { repoId: "r/x", stem: "m", competitionId: "t", sha256: "h" }],
  ])("parses %j like validators (4 parts or nothing)", (text, expected) => {
    expect(parseCommitment(text)).toEqual(expected);
  });
  it.each([
    ["model.onnx", "model"],
    ["a.b.onnx", "a.b"],
  ])("stem of %s is %s", (file, stem) => {
    expect(modelStem(file)).toBe(stem);
  });
  it("needs .onnx", () => {
    expect(() => modelStem("model.pt")).toThrow(/must end in \.onnx/);
  });
});
