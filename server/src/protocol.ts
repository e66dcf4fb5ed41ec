// The custom messages between the VS Code client and the server, declared once for both.
import type { AttachmentScope, DeclaredScope } from './service/scope';

/** Server to client, after each validation of a document: where the policy is attached. */
export const ATTACHMENT_SCOPE_NOTIFICATION = 'camsPolicy/attachmentScope';

export interface AttachmentScopeParams {
  readonly uri: string;
  /** Null for a document that is not a policy. */
  readonly scope: AttachmentScope | null;
  /** Where the scope came from, in one line: "Terraform attachment … in main.tf". */
  readonly source: string;
}

/** The server command that records a policy's scope in the project file. */
export const SET_ATTACHMENT_SCOPE_COMMAND = 'camsPolicy.server.setAttachmentScope';

export interface SetAttachmentScopeArguments {
  readonly uri: string;
  readonly scope: DeclaredScope;
  readonly resourceGroupId?: string;
  readonly note?: string;
}

/** The client command that asks for a scope and runs the server command. */
export const SET_ATTACHMENT_SCOPE_CLIENT_COMMAND = 'camsPolicy.setAttachmentScope';
