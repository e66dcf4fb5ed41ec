// How the catalogue's facts about an action read in completion and hover, worded once so that
// both features say the same thing.
import type { ActionInfo, ResourceGroupAuthorization } from './catalogue';

/** A few words for a completion item's detail, e.g. `no resource-group authorization`. */
export function resourceGroupSummary(action: ActionInfo): string {
  return RESOURCE_GROUP_SUMMARIES[action.resourceGroupAuthorization];
}

/** What resource-group authorization means for a grant of the action, for documentation. */
export function resourceGroupExplanation(action: ActionInfo): string {
  return RESOURCE_GROUP_EXPLANATIONS[action.resourceGroupAuthorization];
}

/** The access level, marked when the catalogue read it from the verb of the name. */
export function accessLevelText(action: ActionInfo): string {
  return action.accessLevelSource === 'inferred'
    ? `${action.accessLevel} (inferred from the verb)`
    : action.accessLevel;
}

/** `1 action`, `2 actions`. */
export function countOf(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}

const RESOURCE_GROUP_SUMMARIES: Record<ResourceGroupAuthorization, string> = {
  supported: 'resource-group authorization',
  unsupported: 'no resource-group authorization',
  undocumented: 'resource-group authorization not documented',
};

const RESOURCE_GROUP_EXPLANATIONS: Record<ResourceGroupAuthorization, string> = {
  supported: 'supported',
  unsupported: 'not supported — grants at resource-group scope have no effect',
  undocumented: 'not documented — the resource-group page does not mention this action',
};
