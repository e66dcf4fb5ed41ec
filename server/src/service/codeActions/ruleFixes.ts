// Quick fixes for the diagnostics that have one obvious repair: an element name in the wrong
// case, a cams action in other than its documented spelling or without its service, and an
// action that its statement already grants. Each fix re-reads the text under the diagnostic, so a
// diagnostic that no longer matches the document gets no fix.
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { Node } from 'jsonc-parser';

import {
  documentedSpelling,
  POLICY_ELEMENTS,
  PRINCIPAL_KINDS,
  STATEMENT_ELEMENTS,
  UNDOCUMENTED_STATEMENT_ELEMENTS,
} from '../policyElements';
import { end, nodeAt } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import type { CodeActionInput } from './codeActions';

const ELEMENT_NAMES: readonly string[] = [
  ...POLICY_ELEMENTS,
  ...STATEMENT_ELEMENTS,
  ...UNDOCUMENTED_STATEMENT_ELEMENTS,
  ...PRINCIPAL_KINDS,
];

type Fixer = (input: CodeActionInput, diagnostic: Diagnostic) => CodeAction | undefined;

const FIXERS: Record<string, Fixer> = {
  [RULES.elementCase.id]: (input, diagnostic) => {
    const spelling = documentedSpelling(textUnder(input, diagnostic), ELEMENT_NAMES);
    return spelling ? replacement(input, diagnostic, spelling) : undefined;
  },
  [RULES.actionCase.id]: (input, diagnostic) => {
    const documented = input.catalogue.lookup(textUnder(input, diagnostic));
    return documented && replacement(input, diagnostic, documented.name);
  },
  [RULES.actionMissingService.id]: (input, diagnostic) => {
    const { catalogue } = input;
    const documented = catalogue.lookup(`${catalogue.ramCode}:${textUnder(input, diagnostic)}`);
    return documented && replacement(input, diagnostic, documented.name);
  },
  [RULES.redundantAction.id]: (input, diagnostic) => removal(input, diagnostic),
};

export function ruleFixes(input: CodeActionInput): CodeAction[] {
  return input.diagnostics.flatMap((diagnostic) => {
    const fix = FIXERS[String(diagnostic.code)]?.(input, diagnostic);
    return fix ? [fix] : [];
  });
}

function textUnder(input: CodeActionInput, diagnostic: Diagnostic): string {
  return input.document.getText(diagnostic.range);
}

function replacement(input: CodeActionInput, diagnostic: Diagnostic, text: string): CodeAction {
  const edit: TextEdit = { range: diagnostic.range, newText: text };
  return quickFix(input, diagnostic, `Write ${text}`, [edit], true);
}

// The entry goes with the comma that joins it to the next entry, or to the previous one when it
// is the last, so the array stays valid JSON.
function removal(input: CodeActionInput, diagnostic: Diagnostic): CodeAction | undefined {
  const { document, policy } = input;
  if (policy.syntaxProblems.some((problem) => problem.kind === 'syntax')) return undefined;

  const entry = nodeAt(policy, document.offsetAt(diagnostic.range.start));
  const siblings = entry?.parent?.type === 'array' ? (entry.parent.children ?? []) : [];
  const index = entry ? siblings.indexOf(entry) : -1;
  if (!entry || entry.type !== 'string' || index < 0 || siblings.length < 2) return undefined;

  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  const [from, to] = next ? [entry.offset, next.offset] : [end(previous as Node), end(entry)];
  const range = { start: document.positionAt(from), end: document.positionAt(to) };
  const title = `Remove the redundant ${String(entry.value)}`;
  return quickFix(input, diagnostic, title, [{ range, newText: '' }], true);
}

function quickFix(
  input: CodeActionInput,
  diagnostic: Diagnostic,
  title: string,
  edits: TextEdit[],
  isPreferred: boolean,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [input.document.uri]: edits } },
  };
}
