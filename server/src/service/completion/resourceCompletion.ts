// The items offered in a Resource value: the cams instance ARN templates, the one for a single
// instance with tab stops for its region, account and instance ID, and `*`.
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { CAMS_ARN_TEMPLATES } from '../arn';
import { type CompletionCursor, valueEdit } from './completionCursor';

export function resourceItems(document: TextDocument, cursor: CompletionCursor): CompletionItem[] {
  return CAMS_ARN_TEMPLATES.map((template, index) => {
    const { textEdit, filterText } = valueEdit(document, cursor, template.snippet);

    // Filter by the template as shown, not by the snippet's placeholders.
    return {
      label: template.label,
      kind: CompletionItemKind.Value,
      documentation: { kind: MarkupKind.Markdown, value: template.description },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: String(index),
      textEdit,
      filterText: filterText.replace(template.snippet, template.label),
    };
  });
}
