// RAM accepts strict JSON only: syntax errors, comments and trailing commas are all errors.
import type { Diagnostic } from 'vscode-languageserver-types';

import type { SyntaxProblem } from '../policyDocument';
import { type Rule, RULES } from '../rules/ruleCatalogue';
import { rangeOf, report } from './report';
import type { ValidationInput } from './validate';

const RULE_OF_PROBLEM: Record<SyntaxProblem['kind'], Rule> = {
  comment: RULES.jsonComment,
  'trailing-comma': RULES.jsonTrailingComma,
  syntax: RULES.jsonSyntax,
};

export function checkSyntax({ document, policy }: ValidationInput): Diagnostic[] {
  return policy.syntaxProblems.map((problem) =>
    report(
      RULE_OF_PROBLEM[problem.kind],
      rangeOf(document, problem.offset, problem.length),
      problem.message,
    ),
  );
}
