/**
 * The two Python string functions the validator's CSV handling relies on,
 * with Python's definitions of whitespace and digits (not JavaScript's).
 */

/** Characters for which Python's str.isspace() is true, as strip() uses them... */
const PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
/** ...while int() takes ASCII whitespace by C's isspace(), which leaves out \x1c-\x1f. */
const INT_SPACE = "\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "gu");
const INT = new RegExp(`^[${INT_SPACE}]*([+-]?)(\\p{Nd}+(?:_\\p{Nd}+)*)[${INT_SPACE}]*$`, "u");
const DIGIT = /^\p{Nd}$/u;

/** str.strip() */
export function pyStrip(value: string): string {
  return value.replace(STRIP, "");
}

/**
 * The value of a Unicode decimal digit: decimal digits come in runs of
 * complete 0-9 sets, so the position in its run, modulo 10, is the value.
 */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0) as number;
  let index = 0;
  while (DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--;
    index++;
  }
  return index % 10;
}

/** int(value) for a string, or null where Python raises ValueError. */
export function pyInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = INT.exec(value);
  if (!match) return null;
  let n = 0;
  for (const ch of match[2]) if (ch !== "_") n = n * 10 + (ch >= "0" && ch <= "9" ? Number(ch) : digitValue(ch));
  return match[1] === "-" && n !== 0 ? -n : n;
}
