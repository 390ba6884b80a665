/**
 * A run that ends with an error still leaves a job summary: what failed, and
 * what to do about it. The error classes carry the actionable message; this
 * adds the one next step their kind calls for.
 */
import { ChainConnectionError } from "../release/chain.js";
import { HubUnavailableError, ReleaseRefusedError } from "../release/errors.js";
import { CancerAiError, DatasetError, InferenceError, InputError, ModelError } from "../util/errors.js";
import { isTransient } from "../util/retry.js";
import { markdownText } from "../util/text.js";

/** The step's one-line failure, as core.setFailed shows it. */
export function failureMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return err instanceof CancerAiError ? message : `unexpected failure: ${message}`;
}

/** What to do next, by the kind of failure. */
export function failureAdvice(err: unknown): string {
  if (err instanceof InputError) return "Fix the input or workflow step the message names (see the README's inputs), then re-run.";
  if (err instanceof HubUnavailableError || err instanceof ChainConnectionError || (!(err instanceof CancerAiError) && isTransient(err)))
    return "A service did not answer: re-run the job; if it keeps failing, check HuggingFace's or the subtensor node's status.";
  if (err instanceof ModelError || err instanceof InferenceError)
    return "Fix the model file as the message says (its path, or its export for the competition), then re-run.";
  if (err instanceof DatasetError) return "Fix the dataset package (or the dataset input) the message names, then re-run.";
  if (err instanceof ReleaseRefusedError) return "Nothing was released: change what the message says, then run the release again.";
  if (err instanceof CancerAiError) return "Act on the message above, then re-run.";
  return "Re-run the job; if it fails the same way, open an issue with this log.";
}

/** The job summary of a failed run; `redact` removes the secret inputs' values (the messages should hold none). */
export function failureSummary(err: unknown, redact: (text: string) => string = (text) => text): string {
  const message = markdownText(redact(failureMessage(err)), 4000);
  return [`### ❌ cancer-ai-action failed: ${message}`, "", redact(failureAdvice(err)), ""].join("\n");
}
