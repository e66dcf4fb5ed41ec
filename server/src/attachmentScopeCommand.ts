// The server side of "Set Attachment Scope of This Policy": records the scope the user chose for
// a policy in its folder's project file, through a workspace edit the editor applies (so that it
// can be undone), and scans the workspace scopes again.
import type { Connection, ExecuteCommandParams } from 'vscode-languageserver/node';

import { SET_ATTACHMENT_SCOPE_COMMAND, type SetAttachmentScopeArguments } from './protocol';
import { recordScope } from './service/workspace/projectFileEdit';
import { folderOf } from './service/workspace/workspaceFiles';
import type { WorkspaceScopeIndex } from './workspaceScopeIndex';

export function registerAttachmentScopeCommand(
  connection: Connection,
  workspaceFolders: () => readonly string[],
  scopes: WorkspaceScopeIndex,
): void {
  connection.onExecuteCommand(async (params) => {
    if (params.command !== SET_ATTACHMENT_SCOPE_COMMAND) return;

    const request = scopeRequest(params);
    if (!request) {
      connection.console.warn(
        `${SET_ATTACHMENT_SCOPE_COMMAND} needs { uri, scope }; nothing was changed`,
      );
      return;
    }

    await setAttachmentScope(connection, request, workspaceFolders(), scopes);
  });
}

/** The command's argument, if it names a policy and a scope that can be recorded. */
function scopeRequest(params: ExecuteCommandParams): SetAttachmentScopeArguments | undefined {
  const request = params.arguments?.[0] as SetAttachmentScopeArguments | undefined;
  if (!request?.uri || (request.scope !== 'account' && request.scope !== 'resource-group')) {
    return undefined;
  }
  return request;
}

async function setAttachmentScope(
  connection: Connection,
  request: SetAttachmentScopeArguments,
  workspaceFolders: readonly string[],
  scopes: WorkspaceScopeIndex,
): Promise<void> {
  const folder = folderOf(request.uri, workspaceFolders);
  const change = folder
    ? recordScope(folder, request.uri, scopes.projectFileText(folder), request)
    : { problem: 'The policy is not inside a workspace folder.' };
  if ('problem' in change) {
    void connection.window.showWarningMessage(change.problem);
    return;
  }

  const result = await connection.workspace.applyEdit({
    label: 'Set attachment scope',
    edit: { documentChanges: change.changes },
  });
  if (result.applied) scopes.scheduleReindex();
  else connection.console.warn(`the project file was not changed: ${result.failureReason}`);
}
