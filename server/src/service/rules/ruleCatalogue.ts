// Every diagnostic the service reports, declared once: a stable id that users and tests refer
// to, a default severity, and the page that explains it.
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export interface Rule {
  /** Stable id, shown as the diagnostic's code. */
  readonly id: string;
  readonly severity: DiagnosticSeverity;
  /** What the rule checks, in one line. */
  readonly summary: string;
  /** The documentation that explains the rule, where there is one. */
  readonly documentation?: string;
}

const RAM_POLICY_SYNTAX = 'https://www.alibabacloud.com/help/en/ram/policy-structure-and-syntax';
const CAMS_RESOURCE_GROUPS =
  'https://www.alibabacloud.com/help/en/chatapp/use-cases/fine-grained-resource-control-using-resource-groups-9';
const CAMS_RAM_ACTIONS =
  'https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-ram';

export const RULES = {
  jsonSyntax: {
    id: 'json-syntax',
    severity: DiagnosticSeverity.Error,
    summary: 'The policy is not valid JSON.',
    documentation: RAM_POLICY_SYNTAX,
  },
  jsonComment: {
    id: 'json-comment',
    severity: DiagnosticSeverity.Error,
    summary: 'A comment in a policy: RAM accepts strict JSON only.',
    documentation: RAM_POLICY_SYNTAX,
  },
  jsonTrailingComma: {
    id: 'json-trailing-comma',
    severity: DiagnosticSeverity.Error,
    summary: 'A trailing comma in a policy: RAM accepts strict JSON only.',
    documentation: RAM_POLICY_SYNTAX,
  },
  unknownAction: {
    id: 'unknown-action',
    severity: DiagnosticSeverity.Warning,
    summary: 'A cams: action that the catalogue does not know.',
    documentation: CAMS_RAM_ACTIONS,
  },
  wildcardMatchesNothing: {
    id: 'wildcard-matches-nothing',
    severity: DiagnosticSeverity.Warning,
    summary: 'A cams: wildcard that covers no known action.',
    documentation: CAMS_RAM_ACTIONS,
  },
  resourceGroupUnsupported: {
    id: 'resource-group-unsupported',
    severity: DiagnosticSeverity.Warning,
    summary: 'An action without resource-group authorization, granted at resource-group scope.',
    documentation: CAMS_RESOURCE_GROUPS,
  },
  policyTooLarge: {
    id: 'policy-too-large',
    severity: DiagnosticSeverity.Information,
    summary: 'The file is too large or too deeply nested to analyse, so it is not checked.',
    documentation: RAM_POLICY_SYNTAX,
  },
} as const satisfies Record<string, Rule>;

/** Every rule, for documentation and for tests that check each id is distinct and fires. */
export const ALL_RULES: readonly Rule[] = Object.values(RULES);

/** The diagnostic source shown beside every message. */
export const DIAGNOSTIC_SOURCE = 'cams-policy';
