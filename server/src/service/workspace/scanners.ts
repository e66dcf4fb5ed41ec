// The infrastructure-as-code languages whose policy attachments the workspace index reads, and
// the files whose change makes the index stale.
import { PROJECT_SCOPE_FILE } from './projectScopeFile';
import { fileName } from './workspaceFiles';
import { scanRos } from './ros/rosAttachments';
import { scanTerraform } from './terraform/terraformAttachments';
import type { AttachmentScanner } from './workspaceScopes';

export const ATTACHMENT_SCANNERS: readonly AttachmentScanner[] = [scanTerraform, scanRos];

/** Globs of the files to watch: the project file and the templates the scanners read. */
export const WATCHED_FILES = [`**/${PROJECT_SCOPE_FILE}`, '**/*.tf', '**/*.{json,yaml,yml}'];

/**
 * True when a change of the file may change where policies are attached. A JSON file counts only
 * when it is the project file or a ROS template, so that typing in a policy does not re-scan.
 */
export function affectsScopes(uri: string, text?: string): boolean {
  const name = fileName(uri);
  if (name === PROJECT_SCOPE_FILE || name.endsWith('.tf')) return true;
  if (/\.ya?ml$/.test(name)) return true;
  return (
    name.endsWith('.json') && (text === undefined || text.includes('ROSTemplateFormatVersion'))
  );
}
