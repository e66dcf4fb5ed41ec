// Validation of a policy: each check reads the parsed policy and reports what it finds.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ActionCatalogue } from '../catalogue';
import type { PolicyDocument } from '../policyDocument';
import type { AttachmentScope, ScopeEvidence } from '../scope';
import { checkActions } from './actionCheck';
import { checkResourceGroupCondition } from './conditionScopeCheck';
import { checkResourceGroupScope } from './scopeCheck';
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
  checkActions,
  checkResourceGroupScope,
  checkResourceGroupCondition,
];

export function validatePolicy(input: ValidationInput): Diagnostic[] {
  return CHECKS.flatMap((check) => check(input));
}
