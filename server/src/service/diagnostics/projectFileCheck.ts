// Diagnostics in the project scope file itself: each problem the lenient reader recorded.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ProjectScopeFile } from '../workspace/projectScopeFile';
import { rangeOf, report } from './report';

export function checkProjectScopeFile(
  document: TextDocument,
  project: ProjectScopeFile,
): Diagnostic[] {
  return project.problems.map((problem) =>
    report(problem.rule, rangeOf(document, problem.offset, problem.length), problem.message),
  );
}
