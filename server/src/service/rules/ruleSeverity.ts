// Applies the user's `camsPolicy.rules` setting: each rule's severity may be changed by id, or
// the rule silenced with `off`.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';

import type { RuleLevel } from '../settings';

const SEVERITY_OF_LEVEL: Record<Exclude<RuleLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function applyRuleLevels(
  diagnostics: readonly Diagnostic[],
  levels: Readonly<Record<string, RuleLevel>> = {},
): Diagnostic[] {
  return diagnostics.flatMap((diagnostic) => {
    const level = levels[String(diagnostic.code)];
    if (level === undefined) return [diagnostic];
    if (level === 'off') return [];
    return [{ ...diagnostic, severity: SEVERITY_OF_LEVEL[level] }];
  });
}
