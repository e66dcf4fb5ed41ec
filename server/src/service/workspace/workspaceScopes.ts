// What the workspace says about where policies are attached: the project file of each folder
// and the attachments found in infrastructure code. Built once per change of those files and
// read by every document's scope resolution.
import type { Range } from 'vscode-languageserver-types';

import type { DeclaredScope } from '../scope';
import {
  parseProjectScopeFile,
  PROJECT_SCOPE_FILE,
  type ProjectScopeFile,
} from './projectScopeFile';
import { resolveUri, type WorkspaceFileAccess } from './workspaceFiles';

/** A policy attachment written in infrastructure code, and the policy it attaches. */
export interface InfrastructureAttachment {
  readonly source: 'terraform' | 'ros';
  readonly scope: DeclaredScope;
  /** The template that declares the attachment, and the attachment resource in it. */
  readonly uri: string;
  readonly range: Range;
  readonly resourceGroupId?: string;
  readonly note?: string;
  /** Says where the attachment is, for people. */
  readonly description: string;
  /** The policy files whose document the attached policy is, when the template names them. */
  readonly policyFiles: readonly string[];
  /** The attached policy's name, when written literally or resolvable in the template. */
  readonly policyName?: string;
}

export interface WorkspaceScopes {
  readonly projectFiles: readonly ProjectScopeFile[];
  readonly attachments: readonly InfrastructureAttachment[];
  /** Templates that were found but could not be read or parsed, for the server's log. */
  readonly skipped: readonly string[];
}

export const EMPTY_WORKSPACE_SCOPES: WorkspaceScopes = {
  projectFiles: [],
  attachments: [],
  skipped: [],
};

/** Reads the attachments of one infrastructure-as-code language in one workspace folder. */
export type AttachmentScanner = (
  folder: string,
  files: WorkspaceFileAccess,
  context: ScanContext,
) => { attachments: InfrastructureAttachment[]; skipped: string[] };

/** What a scanner may use besides the files: facts from the project file. */
export interface ScanContext {
  /** The account id written in the project file, so an attachment to it is account scope. */
  readonly accountId?: string;
}

export function indexWorkspaceScopes(
  folders: readonly string[],
  files: WorkspaceFileAccess,
  scanners: readonly AttachmentScanner[] = [],
): WorkspaceScopes {
  const projectFiles: ProjectScopeFile[] = [];
  const attachments: InfrastructureAttachment[] = [];
  const skipped: string[] = [];

  for (const folder of folders) {
    const project = readProjectFile(folder, files);
    if (project) projectFiles.push(project);

    const context: ScanContext = project?.accountId ? { accountId: project.accountId } : {};
    for (const scan of scanners) {
      const found = scan(folder, files, context);
      attachments.push(...found.attachments);
      skipped.push(...found.skipped);
    }
  }
  return { projectFiles, attachments, skipped };
}

function readProjectFile(folder: string, files: WorkspaceFileAccess): ProjectScopeFile | undefined {
  const uri = resolveUri(folder, PROJECT_SCOPE_FILE);
  const text = uri ? files.readText(uri) : undefined;
  return uri && text !== undefined ? parseProjectScopeFile(uri, folder, text) : undefined;
}
