// A scanner and block reader for the small part of HCL that policy attachments need: blocks with
// labels, and attributes whose value is kept as tokens for the caller to interpret. Whatever it
// does not understand (heredocs, complex expressions) it keeps as opaque tokens, never guessing.

export interface HclToken {
  readonly kind: 'identifier' | 'string' | 'number' | 'punctuation' | 'newline' | 'heredoc';
  /** The identifier, punctuation or number as written; a string's content without quotes. */
  readonly text: string;
  readonly offset: number;
  readonly end: number;
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  /** From the block type to the end of its last label. */
  readonly headerOffset: number;
  readonly headerEnd: number;
  readonly attributes: ReadonlyMap<string, readonly HclToken[]>;
  readonly blocks: readonly HclBlock[];
}

export function scanHcl(text: string): HclToken[] {
  const tokens: HclToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (c === '\n') {
      tokens.push({ kind: 'newline', text: '\n', offset: i, end: ++i });
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#' || text.startsWith('//', i)) {
      i = lineEnd(text, i);
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === '"') {
      i = stringEnd(text, i);
      const closed = text[i - 1] === '"' && i - 1 > start;
      const content = text.slice(start + 1, closed ? i - 1 : i);
      tokens.push({ kind: 'string', text: content, offset: start, end: i });
    } else if (text.startsWith('<<', i) && /^<<-?[A-Za-z_]/.test(text.slice(i, i + 4))) {
      i = heredocEnd(text, i);
      tokens.push({ kind: 'heredoc', text: text.slice(start, i), offset: start, end: i });
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[\w-]/.test(text[i]!)) i++;
      tokens.push({ kind: 'identifier', text: text.slice(start, i), offset: start, end: i });
    } else if (/\d/.test(c)) {
      while (i < text.length && /[\d.eE]/.test(text[i]!)) i++;
      tokens.push({ kind: 'number', text: text.slice(start, i), offset: start, end: i });
    } else {
      tokens.push({ kind: 'punctuation', text: c, offset: i, end: ++i });
    }
  }
  return tokens;
}

/** The top-level blocks of a file, with their attributes and nested blocks. */
export function readBlocks(tokens: readonly HclToken[]): HclBlock[] {
  const reader = new BlockReader(tokens);
  return reader.body(false);
}

class BlockReader {
  private at = 0;

  constructor(private readonly tokens: readonly HclToken[]) {}

  body(nested: boolean): HclBlock[] {
    const blocks: HclBlock[] = [];
    const attributes = new Map<string, HclToken[]>();
    this.bodyInto(nested, blocks, attributes);
    return blocks;
  }

  private bodyInto(nested: boolean, blocks: HclBlock[], attributes: Map<string, HclToken[]>) {
    while (this.at < this.tokens.length) {
      const token = this.tokens[this.at]!;
      if (nested && token.text === '}' && token.kind === 'punctuation') {
        this.at++;
        return;
      }
      if (token.kind !== 'identifier') {
        this.at++;
        continue;
      }
      const next = this.tokens[this.at + 1];
      if (next?.text === '=' && next.kind === 'punctuation') {
        this.at += 2;
        attributes.set(token.text, this.expression());
      } else {
        const block = this.block();
        if (block) blocks.push(block);
      }
    }
  }

  // A block is `type label* {`; anything else starting with an identifier is skipped.
  private block(): HclBlock | undefined {
    const type = this.tokens[this.at]!;
    const labels: string[] = [];
    let headerEnd = type.end;
    this.at++;
    while (this.at < this.tokens.length) {
      const token = this.tokens[this.at]!;
      if (token.kind === 'string' || token.kind === 'identifier') {
        labels.push(token.text);
        headerEnd = token.end;
        this.at++;
      } else break;
    }
    if (this.tokens[this.at]?.text !== '{') return undefined;
    this.at++;

    const blocks: HclBlock[] = [];
    const attributes = new Map<string, HclToken[]>();
    this.bodyInto(true, blocks, attributes);
    return { type: type.text, labels, headerOffset: type.offset, headerEnd, attributes, blocks };
  }

  // An expression runs to the end of the line, or further while brackets are open.
  private expression(): HclToken[] {
    const tokens: HclToken[] = [];
    let depth = 0;
    while (this.at < this.tokens.length) {
      const token = this.tokens[this.at]!;
      if (token.kind === 'newline' && depth === 0) break;
      if (token.kind === 'punctuation' && token.text === '}' && depth === 0) break;
      if (token.kind === 'punctuation' && '([{'.includes(token.text)) depth++;
      if (token.kind === 'punctuation' && ')]}'.includes(token.text)) depth--;
      if (token.kind !== 'newline') tokens.push(token);
      this.at++;
    }
    return tokens;
  }
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

// A string ends at the first unescaped quote outside a `${…}` template; it may not span lines.
function stringEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '\n' && depth === 0) return i;
    else if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === '"' && depth === 0) return i + 1;
  }
  return text.length;
}

function heredocEnd(text: string, open: number): number {
  const marker = /^<<-?([A-Za-z_]\w*)/.exec(text.slice(open))![1]!;
  const pattern = new RegExp(`\\n[ \\t]*${marker}[ \\t]*(\\r?\\n|$)`, 'g');
  pattern.lastIndex = open;
  const match = pattern.exec(text);
  return match ? match.index + match[0].length : text.length;
}
