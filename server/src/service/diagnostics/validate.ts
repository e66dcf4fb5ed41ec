// Validation of a policy: each check reads the parsed policy and reports what it finds.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ActionCatalogue } from '../catalogue';
import type { PolicyDocument } from '../policyDocument';
import type { AttachmentScope, ScopeEvidence } from '../scope';
import { checkActions } from './actionCheck';
import { checkActionNames } from './actionNameCheck';
import { checkDuplicateKeys, checkElementNames } from './elementNameCheck';
import { checkRedundantActions } from './redundantActionCheck';
import { checkConditions } from './conditionCheck';
import { checkResourceGroupCondition } from './conditionScopeCheck';
import { checkResources } from './resourceCheck';
import { checkResourcesNotTaken } from './resourceNotTakenCheck';
import { checkResourceGroupScope } from './scopeCheck';
import { checkPolicySize } from './sizeCheck';
import { checkStructure } from './structureCheck';
import { checkSyntax } from './syntaxCheck';

export interface ValidationInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly scope: AttachmentScope;
  /** The evidence for the scope, so warnings can point at the attachment. Default: none. */
  readonly scopeEvidence?: readonly ScopeEvidence[];
}

/** A check of one aspect of a policy. */
export type PolicyCheck = (input: ValidationInput) => Diagnostic[];

const CHECKS: readonly PolicyCheck[] = [
  checkSyntax,
  checkPolicySize,
  checkElementNames,
  checkDuplicateKeys,
  checkStructure,
  checkActionNames,
  checkActions,
  checkRedundantActions,
  checkResourceGroupScope,
  checkResourceGroupCondition,
  checkResources,
  checkResourcesNotTaken,
  checkConditions,
];

export function validatePolicy(input: ValidationInput): Diagnostic[] {
  return CHECKS.flatMap((check) => check(input)).sort(byPosition);
}

// In document order, as a reader meets them; the sort is stable, so findings at one place keep
// the order of the checks.
function byPosition(a: Diagnostic, b: Diagnostic): number {
  const lines = a.range.start.line - b.range.start.line;
  return lines !== 0 ? lines : a.range.start.character - b.range.start.character;
}
