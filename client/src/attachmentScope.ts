// The client's part of attachment scopes: a status bar item with the current policy's scope and
// where it came from, and the command that records a scope in the project file.
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  type LanguageClient,
  NotificationType,
} from 'vscode-languageclient/node';

import {
  ATTACHMENT_SCOPE_NOTIFICATION,
  type AttachmentScopeParams,
  SET_ATTACHMENT_SCOPE_CLIENT_COMMAND,
  SET_ATTACHMENT_SCOPE_COMMAND,
  type SetAttachmentScopeArguments,
} from '../../server/src/protocol';
import type { AttachmentScope, DeclaredScope } from '../../server/src/service/scope';

const STATUS_TEXT: Record<AttachmentScope, string> = {
  account: '$(globe) RAM: account scope',
  'resource-group': '$(folder-library) RAM: resource-group scope',
  both: '$(warning) RAM: account + resource-group scope',
  unknown: '$(question) RAM: scope unknown',
};

/** Wires the status bar and the command to a started client. */
export function registerAttachmentScope(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): void {
  const scopes = new Map<string, AttachmentScopeParams>();
  const item = vscode.window.createStatusBarItem(
    'camsPolicy.scope',
    vscode.StatusBarAlignment.Right,
  );
  item.name = 'RAM policy attachment scope';
  item.command = SET_ATTACHMENT_SCOPE_CLIENT_COMMAND;

  const refresh = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const scope = uri ? scopes.get(uri) : undefined;
    if (!scope?.scope) {
      item.hide();
      return;
    }
    item.text = STATUS_TEXT[scope.scope];
    item.tooltip = `${scope.source}\nClick to set where this policy is attached.`;
    item.show();
  };

  context.subscriptions.push(
    item,
    client.onNotification(
      new NotificationType<AttachmentScopeParams>(ATTACHMENT_SCOPE_NOTIFICATION),
      (params) => {
        scopes.set(params.uri, params);
        refresh();
      },
    ),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidCloseTextDocument((document) => scopes.delete(document.uri.toString())),
    vscode.commands.registerCommand(
      SET_ATTACHMENT_SCOPE_CLIENT_COMMAND,
      (request?: Partial<SetAttachmentScopeArguments>) => setAttachmentScope(client, request),
    ),
  );
}

// Without arguments the command asks; with them (tests, keybindings) it does not.
async function setAttachmentScope(
  client: LanguageClient,
  request: Partial<SetAttachmentScopeArguments> | undefined,
): Promise<void> {
  const uri = request?.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) {
    void vscode.window.showInformationMessage('Open a policy to set where it is attached.');
    return;
  }
  const scope = request?.scope ?? (await pickScope());
  if (!scope) return;

  const resourceGroupId =
    request?.scope !== undefined ? request.resourceGroupId : await askGroup(scope);
  const args: SetAttachmentScopeArguments = {
    uri,
    scope,
    ...(resourceGroupId ? { resourceGroupId } : {}),
    ...(request?.note ? { note: request.note } : {}),
  };
  await client.sendRequest(ExecuteCommandRequest.type, {
    command: SET_ATTACHMENT_SCOPE_COMMAND,
    arguments: [args],
  });
}

async function pickScope(): Promise<DeclaredScope | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: 'Account',
        scope: 'account' as const,
        detail: 'Attached for the whole account: every action works.',
      },
      {
        label: 'Resource group',
        scope: 'resource-group' as const,
        detail: 'Attached to a resource group: actions without resource-group support do nothing.',
      },
    ],
    { title: 'Where is this policy attached?', placeHolder: 'Recorded in ram-policy-scopes.json' },
  );
  return picked?.scope;
}

async function askGroup(scope: DeclaredScope): Promise<string | undefined> {
  if (scope !== 'resource-group') return undefined;
  const id = await vscode.window.showInputBox({
    title: 'Which resource group? (optional)',
    placeHolder: 'rg-…, or leave empty',
  });
  return id?.trim() || undefined;
}
