/**
 * results.json from an untrusted artifact (the fork's first stage): the
 * predictions are kept for the delta's interval, checked, without their
 * probabilities.
 */
import { getCompetition } from "../src/competition/competition.js";
import { parseResultsDocument, ResultsDocumentError } from "../src/engine/results-file.js";
import { result } from "./helpers/results.js";

const tricorder = getCompetition("tricorder-3");
const parse = (value: unknown) => parseResultsDocument(JSON.parse(JSON.stringify(value)), tricorder, "results.json");

describe("parseResultsDocument's predictions", () => {
  it("keeps each image's file and classes, and leaves the probabilities behind", () => {
    const [d] = parse(result("pkg.zip", 0.6)).datasets;
    expect(d.predictions).toEqual([{ file: 'a "quoted", file.jpg', label: "BCC", predicted: "BCC", probabilities: [] }]);
  });

  it("reads a file without predictions as a report without them", () => {
    const { predictions: _, ...rest } = result("pkg.zip", 0.6);
    expect(parse(rest).datasets[0].predictions).toEqual([]);
  });

  it.each([
    ["not a list", { predictions: "x" }, "predictions must be a list"],
    ["an item not an object", { predictions: [1] }, "prediction 1 is not an object"],
    ["a file not a string", { predictions: [{ file: 1, label: "BCC", predicted: "BCC" }] }, "prediction 1: file must be a string"],
    [
      "a label past the bound",
      { predictions: [{ file: "a.jpg", label: "x".repeat(257), predicted: "BCC" }] },
      "label must be a string of at most 256",
    ],
  ])("refuses %s", (_, overrides, message) => {
    expect(() => parse({ ...result("pkg.zip", 0.6), ...overrides })).toThrow(ResultsDocumentError);
    expect(() => parse({ ...result("pkg.zip", 0.6), ...overrides })).toThrow(message);
  });
});
