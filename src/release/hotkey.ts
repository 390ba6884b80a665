/**
 * The miner's hotkey from its mnemonic: sr25519, SS58 prefix 42, plain BIP39
 * with no password or derivation path (what the Python wallet derives). The
 * mnemonic never appears in a message, even a wrong one.
 */
import { Keyring } from "@polkadot/keyring";
import type { KeyringPair } from "@polkadot/keyring/types";
import { cryptoWaitReady, mnemonicValidate } from "@polkadot/util-crypto";
import { InputError } from "../util/errors.js";

export const SS58_PREFIX = 42;

export async function hotkeyFromMnemonic(mnemonic: string): Promise<KeyringPair> {
  await cryptoWaitReady();
  const words = mnemonic.trim().split(/\s+/).join(" ");
  if (!mnemonicValidate(words)) {
    throw new InputError(
      `hotkey-mnemonic is not a valid BIP39 mnemonic (${words ? words.split(" ").length : 0} words; check the secret's value)`,
    );
  }
  return new Keyring({ type: "sr25519", ss58Format: SS58_PREFIX }).addFromUri(words);
}
