// Parses a policy once into a tree with offsets and the statements every feature reads. The
// parser never throws: malformed JSON yields syntax problems and whatever tree could be built.
import {
  createScanner,
  findNodeAtOffset,
  type Node,
  parseTree,
  type ParseError,
  ParseErrorCode,
  printParseErrorCode,
  SyntaxKind,
} from 'jsonc-parser';

/** Why the text is not the strict JSON that RAM accepts. */
export interface SyntaxProblem {
  readonly kind: 'comment' | 'trailing-comma' | 'syntax';
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** One string of an `Action` or `NotAction` value. */
export interface ActionEntry {
  readonly value: string;
  /** The string literal, quotes included. */
  readonly node: Node;
}

/** The `Action` or `NotAction` element of a statement. */
export interface ActionElement {
  readonly key: 'Action' | 'NotAction';
  readonly keyNode: Node;
  /** A string or an array; anything else is left to structure validation. */
  readonly valueNode: Node;
  readonly entries: readonly ActionEntry[];
}

export interface PolicyStatement {
  readonly node: Node;
  readonly effect: string | undefined;
  readonly action: ActionElement | undefined;
  readonly resourceNode: Node | undefined;
  readonly conditionNode: Node | undefined;
}

export interface PolicyDocument {
  readonly text: string;
  readonly root: Node | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly statements: readonly PolicyStatement[];
}

/**
 * Parses a policy. The parser recurses once per level of nesting: callers keep documents that
 * nest too deeply away from it (see size/analysisLimit.ts).
 */
export function parsePolicy(text: string): PolicyDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const syntaxProblems = distinct([...strictJsonProblems(text), ...errors.map(toSyntaxProblem)]);
  return { text, root, syntaxProblems, statements: statementsOf(root) };
}

// An unclosed document makes the parser report the same missing bracket more than once at the
// same place; one report is enough.
function distinct(problems: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.offset}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * True when the top-level object looks like a RAM policy: it has a `Statement` element (in any
 * case, so that a misspelt one is still checked) or the policy `Version` "1".
 */
export function looksLikePolicy(root: Node | undefined): boolean {
  if (root?.type !== 'object') return false;

  return (root.children ?? []).some((property) => {
    const key = property.children?.[0]?.value;
    const value = property.children?.[1];
    if (typeof key !== 'string') return false;
    return key.toLowerCase() === 'statement' || (key === 'Version' && value?.value === '1');
  });
}

/** The value node of `key` in an object node. */
export function propertyValue(object: Node | undefined, key: string): Node | undefined {
  return propertyOf(object, key)?.children?.[1];
}

/** The property node (key and value) of `key` in an object node. */
export function propertyOf(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object') return undefined;
  return object.children?.find((property) => property.children?.[0]?.value === key);
}

/** The statement whose object contains `offset`, if any. */
export function statementAt(policy: PolicyDocument, offset: number): PolicyStatement | undefined {
  return policy.statements.find((s) => s.node.offset <= offset && offset <= end(s.node));
}

/** The innermost node at `offset`, strings included up to their closing quote. */
export function nodeAt(policy: PolicyDocument, offset: number): Node | undefined {
  return policy.root ? findNodeAtOffset(policy.root, offset, true) : undefined;
}

/** The offset just past a node. */
export function end(node: Node): number {
  return node.offset + node.length;
}

/** The offset and length of a string literal's text, without its quotes. */
export function stringContent(node: Node, text: string): { offset: number; length: number } {
  const closed = node.length >= 2 && text[end(node) - 1] === '"';
  return { offset: node.offset + 1, length: Math.max(0, node.length - (closed ? 2 : 1)) };
}

function statementsOf(root: Node | undefined): PolicyStatement[] {
  const statement = propertyValue(root, 'Statement');
  const objects = statement?.type === 'array' ? (statement.children ?? []) : [statement];

  return objects.filter((node): node is Node => node?.type === 'object').map(toStatement);
}

function toStatement(node: Node): PolicyStatement {
  const effect = propertyValue(node, 'Effect')?.value;

  return {
    node,
    effect: typeof effect === 'string' ? effect : undefined,
    action: actionElementOf(node),
    resourceNode: propertyValue(node, 'Resource'),
    conditionNode: propertyValue(node, 'Condition'),
  };
}

function actionElementOf(statement: Node): ActionElement | undefined {
  for (const key of ['Action', 'NotAction'] as const) {
    const property = propertyOf(statement, key);
    const keyNode = property?.children?.[0];
    const valueNode = property?.children?.[1];
    if (keyNode && valueNode) return { key, keyNode, valueNode, entries: entriesOf(valueNode) };
  }
  return undefined;
}

function entriesOf(value: Node): ActionEntry[] {
  const nodes = value.type === 'array' ? (value.children ?? []) : [value];

  return nodes
    .filter((node) => node.type === 'string' && typeof node.value === 'string')
    .map((node) => ({ value: node.value as string, node }));
}

// RAM accepts RFC 7159 JSON only. Comments and trailing commas are found by scanning tokens so
// that each gets its own precise range and message.
function strictJsonProblems(text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: { offset: number } | undefined;

  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      problems.push({ kind: 'comment', offset, length, message: COMMENT_MESSAGE });
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;

    const closes = kind === SyntaxKind.CloseBracketToken || kind === SyntaxKind.CloseBraceToken;
    if (pendingComma && closes) {
      problems.push({
        kind: 'trailing-comma',
        offset: pendingComma.offset,
        length: 1,
        message: TRAILING_COMMA_MESSAGE,
      });
    }
    pendingComma = kind === SyntaxKind.CommaToken ? { offset } : undefined;
  }
  return problems;
}

const COMMENT_MESSAGE =
  'Comments are not allowed: RAM accepts strict JSON only. Remove the comment.';
const TRAILING_COMMA_MESSAGE =
  'Trailing comma: RAM accepts strict JSON only. Remove the comma after the last item.';

function toSyntaxProblem(error: ParseError): SyntaxProblem {
  return {
    kind: 'syntax',
    offset: error.offset,
    length: error.length,
    message: SYNTAX_MESSAGES[error.error] ?? `Invalid JSON (${printParseErrorCode(error.error)}).`,
  };
}

const SYNTAX_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Invalid JSON: unexpected character.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid JSON: malformed number.',
  [ParseErrorCode.PropertyNameExpected]: 'Invalid JSON: expected a property name in double quotes.',
  [ParseErrorCode.ValueExpected]: 'Invalid JSON: expected a value.',
  [ParseErrorCode.ColonExpected]: 'Invalid JSON: expected a colon after the property name.',
  [ParseErrorCode.CommaExpected]: 'Invalid JSON: expected a comma between items.',
  [ParseErrorCode.CloseBraceExpected]: 'Invalid JSON: expected "}" to close the object.',
  [ParseErrorCode.CloseBracketExpected]: 'Invalid JSON: expected "]" to close the array.',
  [ParseErrorCode.EndOfFileExpected]: 'Invalid JSON: unexpected text after the end of the policy.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Invalid JSON: unterminated comment.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Invalid JSON: unterminated string.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Invalid JSON: unterminated number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid JSON: malformed \\u escape.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid JSON: invalid escape character.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid JSON: control character in a string.',
};
