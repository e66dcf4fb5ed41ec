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
const RAM_POLICY_ELEMENTS = 'https://www.alibabacloud.com/help/en/ram/policy-elements';
const RAM_POLICY_LIMIT =
  'https://www.alibabacloud.com/help/en/resource-management/api-createpolicy';
// What account scope and resource-group scope mean: the project scope file's rules link here.
const RAM_POLICY_MODELS = 'https://www.alibabacloud.com/help/en/ram/user-guide/policy-models';
const CAMS_RAM_ACTIONS =
  'https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-ram';
const RAM_CONDITION_OPERATORS = 'https://www.alibabacloud.com/help/en/ram/conditional-operator';

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

  // The structure of the policy and of its statements.
  invalidVersion: {
    id: 'invalid-version',
    severity: DiagnosticSeverity.Error,
    summary: 'Version is not the string "1", the only version RAM accepts.',
    documentation: RAM_POLICY_SYNTAX,
  },
  missingElement: {
    id: 'missing-element',
    severity: DiagnosticSeverity.Error,
    summary: "A required element is missing: Version, Statement or a statement's Effect.",
    documentation: RAM_POLICY_SYNTAX,
  },
  missingAction: {
    id: 'missing-action',
    severity: DiagnosticSeverity.Error,
    summary: 'A statement has neither Action nor NotAction.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  actionAndNotAction: {
    id: 'action-and-not-action',
    severity: DiagnosticSeverity.Error,
    summary: 'A statement has both Action and NotAction; it takes exactly one.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  missingResource: {
    id: 'missing-resource',
    severity: DiagnosticSeverity.Error,
    summary: 'A statement of an identity policy (no Principal) has no Resource.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  missingPrincipal: {
    id: 'missing-principal',
    severity: DiagnosticSeverity.Error,
    summary: 'A statement of a trust policy (other statements have Principal) has none.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  invalidEffect: {
    id: 'invalid-effect',
    severity: DiagnosticSeverity.Error,
    summary: 'Effect is neither "Allow" nor "Deny".',
    documentation: RAM_POLICY_ELEMENTS,
  },
  unknownElement: {
    id: 'unknown-element',
    severity: DiagnosticSeverity.Error,
    summary: 'An element that RAM does not know, at the top level or in a statement.',
    documentation: RAM_POLICY_SYNTAX,
  },
  elementCase: {
    id: 'element-case',
    severity: DiagnosticSeverity.Error,
    summary: 'An element name in the wrong case: RAM element names are case-sensitive.',
    documentation: RAM_POLICY_SYNTAX,
  },
  undocumentedSyntax: {
    id: 'undocumented-syntax',
    severity: DiagnosticSeverity.Warning,
    summary: 'Syntax RAM does not document (Sid, NotResource, a Statement that is not an array).',
    documentation: RAM_POLICY_SYNTAX,
  },
  wrongType: {
    id: 'wrong-type',
    severity: DiagnosticSeverity.Error,
    summary: 'An element whose value has the wrong JSON type.',
    documentation: RAM_POLICY_SYNTAX,
  },
  emptyArray: {
    id: 'empty-array',
    severity: DiagnosticSeverity.Error,
    summary: 'An empty array where RAM needs at least one value.',
    documentation: RAM_POLICY_SYNTAX,
  },
  duplicateKey: {
    id: 'duplicate-key',
    severity: DiagnosticSeverity.Error,
    summary: 'A key that appears twice in the same object.',
    documentation: RAM_POLICY_SYNTAX,
  },

  // Action names beyond whether the catalogue knows them.
  actionFormat: {
    id: 'action-format',
    severity: DiagnosticSeverity.Error,
    summary: 'An action that is neither "*" nor of the form <ram-code>:<action-name>.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  actionMissingService: {
    id: 'action-missing-service',
    severity: DiagnosticSeverity.Error,
    summary: 'A cams API name written without its service prefix "cams:".',
    documentation: CAMS_RAM_ACTIONS,
  },
  actionCase: {
    id: 'action-case',
    severity: DiagnosticSeverity.Hint,
    summary: 'A cams action written in other than its documented case.',
    documentation: CAMS_RAM_ACTIONS,
  },
  redundantAction: {
    id: 'redundant-action',
    severity: DiagnosticSeverity.Hint,
    summary: 'An action listed twice, or already covered by a wildcard of the same statement.',
    documentation: RAM_POLICY_SYNTAX,
  },

  // The size of the document.
  policyTooLong: {
    id: 'policy-too-long',
    severity: DiagnosticSeverity.Error,
    summary: 'The policy is longer than the 6,144 characters RAM accepts for a custom policy.',
    documentation: RAM_POLICY_LIMIT,
  },

  // Resources: the ARN format, cams resource types, and resources that actions do not take.
  arnPrefix: {
    id: 'arn-prefix',
    severity: DiagnosticSeverity.Error,
    summary: 'A resource that is neither * nor an ARN starting with acs:.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  arnMissingField: {
    id: 'arn-missing-field',
    severity: DiagnosticSeverity.Error,
    summary: 'An ARN without all five fields acs:<service>:<region>:<account>:<relative-id>.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  camsResourceType: {
    id: 'cams-resource-type',
    severity: DiagnosticSeverity.Warning,
    summary: 'A cams ARN whose relative id is neither instance/<InstanceId> nor *.',
    documentation: CAMS_RAM_ACTIONS,
  },
  resourceNotTaken: {
    id: 'resource-not-taken',
    severity: DiagnosticSeverity.Hint,
    summary: 'A specific resource for actions that take none: the grant will not match.',
    documentation: CAMS_RAM_ACTIONS,
  },

  // Conditions: operators, keys, and the values they compare.
  unknownConditionOperator: {
    id: 'unknown-condition-operator',
    severity: DiagnosticSeverity.Error,
    summary: 'A condition operator that RAM does not have, or one in the wrong case.',
    documentation: RAM_CONDITION_OPERATORS,
  },
  undocumentedConditionForm: {
    id: 'undocumented-condition-form',
    severity: DiagnosticSeverity.Warning,
    summary: 'IfExists, ForAnyValue:, ForAllValues: or Null, which RAM does not document.',
    documentation: RAM_CONDITION_OPERATORS,
  },
  conditionKeyFormat: {
    id: 'condition-key-format',
    severity: DiagnosticSeverity.Error,
    summary: 'A condition key not of the form <prefix>:<name>.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  unknownConditionKey: {
    id: 'unknown-condition-key',
    severity: DiagnosticSeverity.Warning,
    summary: 'An acs: condition key that is not a known common key.',
    documentation: RAM_POLICY_ELEMENTS,
  },
  conditionOperatorMismatch: {
    id: 'condition-operator-mismatch',
    severity: DiagnosticSeverity.Warning,
    summary: 'A condition key compared with an operator for another type of value.',
    documentation: RAM_CONDITION_OPERATORS,
  },
  conditionValueType: {
    id: 'condition-value-type',
    severity: DiagnosticSeverity.Error,
    summary: 'A condition value that is not of the type its operator compares.',
    documentation: RAM_CONDITION_OPERATORS,
  },
  conditionMultipleBoolean: {
    id: 'condition-multiple-boolean',
    severity: DiagnosticSeverity.Error,
    summary: 'More than one value for a Bool condition key.',
    documentation: RAM_CONDITION_OPERATORS,
  },

  // The scope of attachments: conditions on resource groups and the project scope file.
  resourceGroupConditionUnsupported: {
    id: 'resource-group-condition-unsupported',
    severity: DiagnosticSeverity.Warning,
    summary: 'An account-only action in a statement whose Condition tests acs:ResourceGroupId.',
    documentation: CAMS_RESOURCE_GROUPS,
  },
  scopeFileSyntax: {
    id: 'scope-file-syntax',
    severity: DiagnosticSeverity.Error,
    summary: 'The project scope file is not valid JSON, so it is ignored.',
    documentation: RAM_POLICY_MODELS,
  },
  scopeFileStructure: {
    id: 'scope-file-structure',
    severity: DiagnosticSeverity.Error,
    summary: 'A part of the project scope file has the wrong shape, so it is ignored.',
    documentation: RAM_POLICY_MODELS,
  },
  scopeFileUnknownScope: {
    id: 'scope-file-unknown-scope',
    severity: DiagnosticSeverity.Error,
    summary: 'A project scope file entry names a scope other than account or resource-group.',
    documentation: RAM_POLICY_MODELS,
  },
  scopeFileUnknownProperty: {
    id: 'scope-file-unknown-property',
    severity: DiagnosticSeverity.Warning,
    summary: 'A property the project scope file does not define.',
    documentation: RAM_POLICY_MODELS,
  },
  scopeFileAccountWithGroup: {
    id: 'scope-file-account-with-group',
    severity: DiagnosticSeverity.Warning,
    summary: 'A resource group id on an account-scope entry of the project scope file.',
    documentation: RAM_POLICY_MODELS,
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
