// The cams action catalogue: lookup by name as RAM matches names (case-insensitively), wildcard
// expansion, and the closest known names for a misspelling. The data is generated from Alibaba
// Cloud's documentation by scripts/build-catalogue.mjs.
import catalogueData from '../../data/cams-actions.json';
import { matchesWildcard } from './wildcard';

/** An access level as Alibaba Cloud's per-API authorization tables label it. */
export type AccessLevel = 'create' | 'list' | 'get' | 'update' | 'delete' | 'none';

/**
 * Whether a grant of the action takes effect when the policy is attached at resource-group
 * scope: `unsupported` actions are listed on the resource-group page, `supported` ones act on the
 * `instance` resource type, and `undocumented` ones are known actions the page says nothing about.
 */
export type ResourceGroupAuthorization = 'supported' | 'unsupported' | 'undocumented';

/** One `cams:` action and what the documentation says of it. */
export interface ActionInfo {
  readonly name: string;
  readonly description: string;
  /** `documented`: Alibaba's words; `reference`: from an API page; `derived`: from the name. */
  readonly descriptionSource: 'documented' | 'reference' | 'derived';
  readonly resourceGroupAuthorization: ResourceGroupAuthorization;
  readonly accessLevel: AccessLevel;
  /** `inferred` when the access level was read from the verb of the name. */
  readonly accessLevelSource: 'documented' | 'inferred';
  /** The ARN template of the resource the action acts on; absent for account-only actions. */
  readonly resource?: string;
}

export interface CatalogueSource {
  readonly title: string;
  readonly url: string;
  readonly lastUpdated: string;
}

export interface CatalogueData {
  readonly ramCode: string;
  readonly serviceName: string;
  readonly source: CatalogueSource;
  readonly ramAuthorizationPage: string;
  readonly apiReferenceBase: string;
  readonly actions: readonly ActionInfo[];
}

export class ActionCatalogue {
  readonly ramCode: string;
  readonly serviceName: string;
  readonly source: CatalogueSource;
  readonly ramAuthorizationPage: string;
  readonly actions: readonly ActionInfo[];

  private readonly apiReferenceBase: string;
  private readonly longestName: number;
  private readonly byExactName = new Map<string, ActionInfo>();
  private readonly byFoldedName = new Map<string, ActionInfo[]>();
  private readonly expansions = new BoundedCache<readonly ActionInfo[]>();
  private readonly suggestions = new BoundedCache<readonly ActionInfo[]>();

  constructor(data: CatalogueData) {
    this.ramCode = data.ramCode;
    this.serviceName = data.serviceName;
    this.source = data.source;
    this.ramAuthorizationPage = data.ramAuthorizationPage;
    this.apiReferenceBase = data.apiReferenceBase;
    this.actions = data.actions;
    this.longestName = Math.max(...data.actions.map((action) => action.name.length));

    for (const action of data.actions) {
      this.byExactName.set(action.name, action);
      const folded = action.name.toLowerCase();
      this.byFoldedName.set(folded, [...(this.byFoldedName.get(folded) ?? []), action]);
    }
  }

  /** True when `value` names an action of this service (`cams:…`, in any case). */
  ownsAction(value: string): boolean {
    return value.toLowerCase().startsWith(this.ramCode + ':');
  }

  /**
   * The action RAM would match for `name`. The documented spelling wins when two documented
   * names differ only in case (the page lists both `GetOSSInfoForUploadFile` and
   * `GetOssInfoForUploadFile`).
   */
  lookup(name: string): ActionInfo | undefined {
    return this.byExactName.get(name) ?? this.byFoldedName.get(name.toLowerCase())?.[0];
  }

  /** The actions a pattern with `*` and `?` wildcards covers; RAM matches them without case. */
  expand(pattern: string): readonly ActionInfo[] {
    // A pattern with more fixed characters than the longest name matches nothing, however long.
    const folded = pattern.toLowerCase();
    if (folded.replace(/[*]/g, '').length > this.longestName) return [];
    return this.expansions.get(folded, () =>
      this.actions.filter((action) => matchesWildcard(folded, action.name.toLowerCase())),
    );
  }

  /** Up to three known names closest to a misspelt one, nearest first. */
  closest(name: string): readonly ActionInfo[] {
    const target = name.toLowerCase();
    return this.suggestions.get(target, () => this.rankByDistance(target).slice(0, 3));
  }

  private rankByDistance(target: string): ActionInfo[] {
    const limit = Math.max(2, Math.floor(target.length / 3));

    // Names whose lengths differ by more than the limit cannot be within it.
    return this.actions
      .filter((action) => Math.abs(action.name.length - target.length) <= limit)
      .map((action) => ({ action, distance: editDistance(target, action.name.toLowerCase()) }))
      .filter((candidate) => candidate.distance <= limit)
      .sort((a, b) => a.distance - b.distance || a.action.name.localeCompare(b.action.name))
      .map((candidate) => candidate.action);
  }

  /** The API reference page of an action, where Alibaba Cloud publishes one. */
  documentationUrl(action: ActionInfo): string {
    return action.descriptionSource === 'reference'
      ? this.apiReferenceBase + action.name.slice(this.ramCode.length + 1).toLowerCase()
      : this.source.url;
  }
}

// Each keystroke in an action name asks about a new string, so the caches forget everything once
// they hold more than a fixed number of answers instead of growing for the whole session.
class BoundedCache<T> {
  private readonly answers = new Map<string, T>();

  constructor(private readonly capacity = 2000) {}

  get(key: string, compute: () => T): T {
    const known = this.answers.get(key);
    if (known !== undefined) return known;

    if (this.answers.size >= this.capacity) this.answers.clear();
    const answer = compute();
    this.answers.set(key, answer);
    return answer;
  }
}

/** True when a value contains RAM's wildcards. */
export function isWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

/** The catalogue shipped with the product. */
export function loadCatalogue(): ActionCatalogue {
  return new ActionCatalogue(catalogueData as CatalogueData);
}

// Damerau-Levenshtein distance (optimal string alignment): a swapped pair of letters is one
// edit, which is the commonest slip when typing action names.
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);

  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
