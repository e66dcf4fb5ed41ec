// The project file, ram-policy-scopes.json at the root of a workspace folder, says where the
// team attaches its policy files: each entry maps globs to account scope or to resource-group
// scope. It is read leniently: a broken entry is reported and skipped, the others still count.
//
//   {
//     "accountId": "1234567890123456",
//     "scopes": [
//       { "files": "policies/rg/**/*.json", "scope": "resource-group",
//         "resourceGroupId": "rg-aek2abc", "note": "messaging team" },
//       { "files": ["policies/account/*.json"], "scope": "account" }
//     ]
//   }
import { type Node, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { type Rule, RULES } from '../rules/ruleCatalogue';
import type { DeclaredScope } from '../scope';
import { relativePath } from './workspaceFiles';

/** The name of the project file at the root of a workspace folder. */
export const PROJECT_SCOPE_FILE = 'ram-policy-scopes.json';

/** One entry of the project file: the files it covers and their scope. */
export interface ProjectScopeEntry {
  readonly files: readonly string[];
  readonly scope: DeclaredScope;
  readonly resourceGroupId?: string;
  readonly note?: string;
  /** The entry's object in the project file. */
  readonly range: Range;
}

/** What is wrong with the project file, at an offset, with the rule it breaks. */
export interface ProjectFileProblem {
  readonly rule: Rule;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface ProjectScopeFile {
  readonly uri: string;
  /** The workspace folder whose root holds the file; globs are relative to it. */
  readonly folder: string;
  /** The account id, when the team writes it down: an attachment to it is account scope. */
  readonly accountId?: string;
  /** The valid entries, in the order of the file: the first that matches a policy decides. */
  readonly entries: readonly ProjectScopeEntry[];
  readonly problems: readonly ProjectFileProblem[];
}

const ENTRY_KEYS = ['files', 'scope', 'resourceGroupId', 'note'] as const;
const ROOT_KEYS = ['$schema', 'accountId', 'scopes'] as const;
const SCOPES: readonly DeclaredScope[] = ['account', 'resource-group'];

/** True when the URI is the project file at the root of one of the workspace folders. */
export function isProjectScopeFile(uri: string, workspaceFolders: readonly string[]): boolean {
  return workspaceFolders.some((folder) => relativePath(folder, uri) === PROJECT_SCOPE_FILE);
}

export function parseProjectScopeFile(uri: string, folder: string, text: string): ProjectScopeFile {
  const document = TextDocument.create(uri, 'json', 0, text);
  const problems: ProjectFileProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // The first error is where the file breaks; the parser's later errors follow from it.
  errors.slice(0, 1).forEach((error) =>
    problems.push({
      rule: RULES.scopeFileSyntax,
      offset: error.offset,
      length: error.length,
      message: `Invalid JSON (${printParseErrorCode(error.error)}); the project file is ignored.`,
    }),
  );
  if (errors.length > 0) return { uri, folder, entries: [], problems };

  const reader = new EntryReader(document, problems);
  const { entries, accountId } = reader.readRoot(root);
  return { uri, folder, entries, problems, ...(accountId ? { accountId } : {}) };
}

// Reads the tree one level at a time; each problem is recorded where it is and the reader moves
// on, so that one mistake costs only the entry that holds it.
class EntryReader {
  constructor(
    private readonly document: TextDocument,
    private readonly problems: ProjectFileProblem[],
  ) {}

  readRoot(root: Node | undefined): { entries: ProjectScopeEntry[]; accountId?: string } {
    if (root?.type !== 'object') {
      this.structure(root, 'The project file must be an object with a "scopes" list.');
      return { entries: [] };
    }
    this.unknownKeys(root, ROOT_KEYS);

    const accountId = this.optionalString(root, 'accountId');
    const scopes = property(root, 'scopes');
    if (scopes?.type !== 'array') {
      this.structure(scopes ?? root, '"scopes" must be a list of entries: { "files", "scope" }.');
      return { entries: [], ...(accountId ? { accountId } : {}) };
    }

    const entries = (scopes.children ?? []).flatMap((node) => this.readEntry(node) ?? []);
    return { entries, ...(accountId ? { accountId } : {}) };
  }

  private readEntry(node: Node): ProjectScopeEntry | undefined {
    if (node.type !== 'object') {
      this.structure(
        node,
        'An entry must be an object: { "files": "<glob>", "scope": "account" }.',
      );
      return undefined;
    }
    this.unknownKeys(node, ENTRY_KEYS);

    const files = this.files(node);
    const scope = this.scope(node);
    const resourceGroupId = this.optionalString(node, 'resourceGroupId');
    const note = this.optionalString(node, 'note');
    if (!files || !scope) return undefined;

    if (scope === 'account' && resourceGroupId !== undefined) {
      const message =
        'resourceGroupId is ignored at account scope. ' +
        'Remove it, or set "scope" to "resource-group".';
      this.report(RULES.scopeFileAccountWithGroup, property(node, 'resourceGroupId')!, message);
    }
    return {
      files,
      scope,
      range: rangeOf(this.document, node),
      ...(resourceGroupId !== undefined && scope === 'resource-group' ? { resourceGroupId } : {}),
      ...(note !== undefined ? { note } : {}),
    };
  }

  private files(entry: Node): string[] | undefined {
    const value = property(entry, 'files');
    if (value?.type === 'string') return [value.value as string];

    const items = value?.type === 'array' ? (value.children ?? []) : undefined;
    if (items && items.length > 0 && items.every((item) => item.type === 'string')) {
      return items.map((item) => item.value as string);
    }
    this.structure(value ?? entry, '"files" must be a glob or a non-empty list of globs.');
    return undefined;
  }

  private scope(entry: Node): DeclaredScope | undefined {
    const value = property(entry, 'scope');
    const known = SCOPES.find((scope) => scope === value?.value);
    if (known) return known;

    const allowed = '"account" or "resource-group"';
    if (value?.type === 'string') {
      const message = `Unknown scope "${String(value.value)}": use ${allowed}.`;
      this.report(RULES.scopeFileUnknownScope, value, message);
    } else {
      this.structure(value ?? entry, `"scope" must be ${allowed}.`);
    }
    return undefined;
  }

  private optionalString(object: Node, key: string): string | undefined {
    const value = property(object, key);
    if (value === undefined) return undefined;
    if (value.type === 'string') return value.value as string;
    this.structure(value, `"${key}" must be a string.`);
    return undefined;
  }

  private unknownKeys(object: Node, known: readonly string[]): void {
    for (const member of object.children ?? []) {
      const key = member.children?.[0];
      if (!key || known.includes(String(key.value))) continue;
      const listed = known.filter((name) => name !== '$schema').join(', ');
      const message = `Unknown property "${String(key.value)}": expected ${listed}.`;
      this.report(RULES.scopeFileUnknownProperty, key, message);
    }
  }

  private structure(node: Node | undefined, message: string): void {
    this.problems.push({
      rule: RULES.scopeFileStructure,
      offset: node?.offset ?? 0,
      length: node?.length ?? 0,
      message,
    });
  }

  private report(rule: Rule, node: Node, message: string): void {
    this.problems.push({ rule, offset: node.offset, length: node.length, message });
  }
}

function property(object: Node, key: string): Node | undefined {
  const member = object.children?.find((child) => child.children?.[0]?.value === key);
  return member?.children?.[1];
}

function rangeOf(document: TextDocument, node: Node): Range {
  return {
    start: document.positionAt(node.offset),
    end: document.positionAt(node.offset + node.length),
  };
}
