// How the source of a policy's attachment scope is told to people, in the status bar.
import type { ScopeResolution } from './scope';

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
