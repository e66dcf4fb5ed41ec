// File globs for the settings that name policy files: `**` spans folders, `*` and `?` stay
// within one path segment, `{a,b}` offers alternatives and `[abc]` a character class. A glob
// without a slash matches a file name in any folder, as in .gitignore.
//
// Globs come from settings, which an untrusted workspace may supply, so matching is a table
// over glob and path positions (never exponential) and a malformed glob matches nothing
// instead of throwing.

/** True when the slash-separated `path` matches any of the globs. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => expandBraces(anchor(glob)).some((g) => matches(tokenize(g), path)));
}

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' | 'star' | 'globstar' | 'folders' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly test: (c: string) => boolean };

function anchor(glob: string): string {
  return glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
}

// Alternatives are expanded up front; a glob that would expand past a bound is cut off there,
// which keeps a hostile setting from costing more than a fixed amount of work.
const MAX_ALTERNATIVES = 64;

function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  const close = open < 0 ? -1 : matchingBrace(glob, open);
  if (close < 0) return [glob];

  const before = glob.slice(0, open);
  const after = expandBraces(glob.slice(close + 1));
  const choices = splitTopLevel(glob.slice(open + 1, close)).flatMap(expandBraces);
  return choices
    .flatMap((choice) => after.map((rest) => before + choice + rest))
    .slice(0, MAX_ALTERNATIVES);
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '{') depth++;
    if (list[i] === '}') depth--;
    if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, list.slice(start)];
}

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const folders = glob[i + 2] === '/';
      tokens.push({ kind: folders ? 'folders' : 'globstar' });
      i += folders ? 2 : 1;
    } else if (c === '*') {
      tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const close = glob.indexOf(']', i + 2);
      tokens.push(characterClass(glob.slice(i + 1, close)));
      i = close;
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}

function characterClass(body: string): Token {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = negated ? body.slice(1) : body;
  const ranges: [string, string][] = [];
  for (let i = 0; i < members.length; i++) {
    const isRange = members[i + 1] === '-' && i + 2 < members.length;
    ranges.push(isRange ? [members[i]!, members[i + 2]!] : [members[i]!, members[i]!]);
    if (isRange) i += 2;
  }
  const test = (c: string) => ranges.some(([low, high]) => low <= c && c <= high);
  return { kind: 'class', negated, test };
}

// matched[i][j]: tokens from i on match the path from j on. Filled from the end, one row per
// token, so the cost is tokens × path length whatever the glob.
function matches(tokens: Token[], path: string): boolean {
  let next: boolean[] = Array.from({ length: path.length + 1 }, (_, j) => j === path.length);

  for (let i = tokens.length - 1; i >= 0; i--) {
    next = matchRow(tokens[i]!, path, next);
  }
  return next[0]!;
}

function matchRow(token: Token, path: string, next: readonly boolean[]): boolean[] {
  const row = new Array<boolean>(path.length + 1).fill(false);
  // For `**/`: some slash at or after j is followed by a match of the rest.
  let slashThenRest = false;

  for (let j = path.length; j >= 0; j--) {
    const c = path[j];
    if (c === '/' && next[j + 1]) slashThenRest = true;
    row[j] = tokenMatches(token, c, next[j]!, next[j + 1] ?? false, row[j + 1] ?? false);
    if (token.kind === 'folders') row[j] = next[j]! || (c !== undefined && slashThenRest);
  }
  return row;
}

// `here`: the rest matches from this position; `after`: from the next one; `again`: this token
// matches from the next position (for the tokens that repeat).
function tokenMatches(
  token: Token,
  c: string | undefined,
  here: boolean,
  after: boolean,
  again: boolean,
): boolean {
  const inSegment = c !== undefined && c !== '/';
  switch (token.kind) {
    case 'char':
      return c === token.char && after;
    case 'one':
      return inSegment && after;
    case 'class':
      return inSegment && token.test(c) !== token.negated && after;
    case 'star':
      return here || (inSegment && again);
    case 'globstar':
      return here || (c !== undefined && again);
    case 'folders':
      return here;
  }
}
