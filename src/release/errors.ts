/**
 * How a release stops. A refusal happens before anything is written and says
 * what the chain, the hub or the validators would do, and what to change. An
 * unavailable check says what could not be read: it never claims that
 * something is missing when the truth is that nobody could look.
 */
import { HubError } from "../hub/hub.js";
import { CancerAiError } from "../util/errors.js";

/** A check before any upload or transaction found something the chain or the validators would refuse: nothing was written. */
export class ReleaseRefusedError extends CancerAiError {}

/** The chain would refuse a commitment now (its rate or space limit); it accepts one again from `nextBlock`. */
export class CommitLimitError extends ReleaseRefusedError {
  constructor(
    message: string,
    readonly nextBlock?: number,
  ) {
    super(message);
  }
}

/** Releasing now would replace the model file a live commitment points to, or commit into the release window. */
export class UnsafeReleaseError extends ReleaseRefusedError {}

/** The hub did not answer (network, 5xx, 429 after retries): what it holds is unknown, not absent. */
export class HubUnavailableError extends HubError {}

/** A hub call stopped making progress (no byte sent or received for the silence window) on every attempt. */
export class HubStalledError extends HubUnavailableError {}

/** An upload stopped making progress on every attempt. */
export class UploadStalledError extends HubStalledError {}
