// How a policy's attachment scope is told to people: the status bar and the code lens.
import type { AttachmentScope, ScopeResolution } from './scope';

const SCOPE_LABELS: Record<AttachmentScope, string> = {
  account: 'account scope',
  'resource-group': 'resource-group scope',
  both: 'account and resource-group scope',
  unknown: 'scope unknown',
};

export function scopeLabel(scope: AttachmentScope): string {
  return SCOPE_LABELS[scope];
}

/** Where the scope came from, in one line. */
export function describeScope(resolution: ScopeResolution): string {
  if (resolution.evidence.length === 0)
    return 'Nothing in the workspace says where it is attached.';

  const sources = resolution.evidence.map((item) => {
    const group = item.resourceGroupId ? ` ${item.resourceGroupId}` : '';
    const note = item.note ? ` (${item.note})` : '';
    return `${item.scope}${group}${note} from ${item.description}`;
  });
  return sources.join('; ');
}
