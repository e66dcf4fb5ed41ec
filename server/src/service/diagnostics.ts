// Validation of a policy: strict JSON, unknown cams actions, wildcards that cover nothing, and
// grants that do nothing because the policy is attached at resource-group scope.
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ActionCatalogue, ActionInfo } from './catalogue';
import {
  accountOnlyGrantedByNotAction,
  coverageOf,
  type EntryCoverage,
  mayCoverEveryService,
} from './actionCoverage';
import {
  type PolicyDocument,
  type PolicyStatement,
  stringContent,
  type SyntaxProblem,
} from './policyDocument';
import { DIAGNOSTIC_SOURCE, type Rule, RULES } from './rules/ruleCatalogue';
import type { AttachmentScope } from './scope';

export interface ValidationInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly scope: AttachmentScope;
}

export function validatePolicy(input: ValidationInput): Diagnostic[] {
  const { document, policy } = input;
  const diagnostics = policy.syntaxProblems.map((problem) => syntaxDiagnostic(document, problem));

  for (const statement of policy.statements) {
    diagnostics.push(...statementDiagnostics(input, statement));
  }
  return diagnostics;
}

function statementDiagnostics(input: ValidationInput, statement: PolicyStatement): Diagnostic[] {
  const element = statement.action;
  if (!element) return [];

  const coverages = element.entries.map((entry) => coverageOf(entry, input.catalogue));
  const diagnostics = coverages.flatMap((coverage) => catalogueDiagnostics(input, coverage));
  if (input.scope !== 'resource-group') return diagnostics;

  if (element.key === 'NotAction') {
    const granted = accountOnlyGrantedByNotAction(statement, input.catalogue);
    if (granted.length > 0) {
      const range = rangeOf(input.document, element.keyNode.offset, element.keyNode.length);
      diagnostics.push(
        create(RULES.resourceGroupUnsupported, range, notActionMessage(statement, granted)),
      );
    }
    return diagnostics;
  }

  for (const coverage of coverages) {
    if (coverage.accountOnly.length === 0) continue;
    const message = scopeMessage(statement, coverage);
    diagnostics.push(create(RULES.resourceGroupUnsupported, entryRange(input, coverage), message));
  }
  return diagnostics;
}

function catalogueDiagnostics(input: ValidationInput, coverage: EntryCoverage): Diagnostic[] {
  if (coverage.kind === 'foreign' || coverage.covered.length > 0) return [];
  if (mayCoverEveryService(coverage.entry.value)) return [];

  const value = coverage.entry.value;
  const range = entryRange(input, coverage);
  if (coverage.kind === 'wildcard') {
    const message = `${value} covers no known ${input.catalogue.ramCode} action.`;
    return [create(RULES.wildcardMatchesNothing, range, `${message} Check the pattern.`)];
  }

  const suggestions = input.catalogue.closest(value).map((action) => action.name);
  const unknown = `Unknown action ${value}: ${input.catalogue.serviceName} has no such action.`;
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  return [create(RULES.unknownAction, range, unknown + hint)];
}

function scopeMessage(statement: PolicyStatement, coverage: EntryCoverage): string {
  const outcome =
    statement.effect === 'Deny' ? 'the deny has no effect' : 'the grant has no effect';

  if (coverage.kind === 'action') {
    const name = coverage.covered[0]?.name ?? coverage.entry.value;
    return [
      `${name} does not support resource-group authorization:`,
      `in a policy attached at resource-group scope ${outcome}.`,
      'Grant it in a policy attached at account scope, or split the statement.',
    ].join(' ');
  }

  const count = coverage.accountOnly.length;
  return [
    `${coverage.entry.value} covers ${count} ${plural(count, 'action')}`,
    `without resource-group authorization (${examples(coverage.accountOnly)}):`,
    `at resource-group scope ${outcome} for them.`,
    'Name the supported actions instead, or grant the others at account scope.',
  ].join(' ');
}

function notActionMessage(statement: PolicyStatement, granted: readonly ActionInfo[]): string {
  const verb = statement.effect === 'Deny' ? 'denies' : 'grants';
  return [
    `This NotAction ${verb} ${granted.length} cams ${plural(granted.length, 'action')}`,
    `without resource-group authorization (${examples(granted)}):`,
    'at resource-group scope that has no effect for them. Grant them at account scope.',
  ].join(' ');
}

function examples(actions: readonly ActionInfo[]): string {
  const shown = actions.slice(0, 3).map((action) => action.name);
  return actions.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function syntaxDiagnostic(document: TextDocument, problem: SyntaxProblem): Diagnostic {
  const rule = SYNTAX_RULES[problem.kind];
  return create(rule, rangeOf(document, problem.offset, problem.length), problem.message);
}

const SYNTAX_RULES: Record<SyntaxProblem['kind'], Rule> = {
  comment: RULES.jsonComment,
  'trailing-comma': RULES.jsonTrailingComma,
  syntax: RULES.jsonSyntax,
};

function entryRange(input: ValidationInput, coverage: EntryCoverage): Range {
  const content = stringContent(coverage.entry.node, input.policy.text);
  return rangeOf(input.document, content.offset, content.length);
}

function rangeOf(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

function create(rule: Rule, range: Range, message: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range,
    message,
    severity: rule.severity ?? DiagnosticSeverity.Warning,
    code: rule.id,
    source: DIAGNOSTIC_SOURCE,
  };
  if (rule.documentation) diagnostic.codeDescription = { href: rule.documentation };
  return diagnostic;
}
