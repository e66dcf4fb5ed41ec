// RAM's wildcards: `*` matches any run of characters and `?` exactly one. Matching walks the
// pattern and the text once, going back only to the last `*`, so that no pattern, however many
// stars it has, takes more than time proportional to the product of the two lengths. (A regular
// expression built from the pattern backtracks exponentially on inputs like `cams:********#`.)

/**
 * True when `text` matches `pattern` in full. Both are compared as given: fold case first.
 * `fitsOne` says which characters a `?` may stand for; by default, any.
 */
export function matchesWildcard(
  pattern: string,
  text: string,
  fitsOne: (character: string) => boolean = () => true,
): boolean {
  let p = 0;
  let t = 0;
  let lastStar = -1;
  let textAtStar = 0;

  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      lastStar = p++;
      textAtStar = t;
    } else if (c !== undefined && ((c === '?' && fitsOne(text[t]!)) || c === text[t])) {
      p++;
      t++;
    } else if (lastStar >= 0) {
      p = lastStar + 1;
      t = ++textAtStar;
    } else {
      return false;
    }
  }

  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
