// The settings of the policy language service, declared once for the server and the client.
import { ALL_RULES } from './rules/ruleCatalogue';

/** The section under which the settings live, in VS Code and in LSP configuration requests. */
export const SETTINGS_SECTION = 'camsPolicy';

export interface PolicySettings {
  /** Globs of JSON files that are policies whatever their content. Default: none. */
  readonly policyFiles: readonly string[];
  /** Globs of policy files that are attached at resource-group scope. Default: none. */
  readonly resourceGroupScopedFiles: readonly string[];
  /** The severity of rules by id, `off` to silence one. Default: every rule at its own. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** The scope of a policy that nothing else places. Default: `unknown` (no scope warning). */
  readonly defaultAttachmentScope: DefaultAttachmentScope;
}

/** What a user may set a rule to. */
export const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** The values of `camsPolicy.defaultAttachmentScope`. */
export const DEFAULT_ATTACHMENT_SCOPES = ['unknown', 'account', 'resource-group'] as const;
export type DefaultAttachmentScope = (typeof DEFAULT_ATTACHMENT_SCOPES)[number];

export const DEFAULT_SETTINGS: PolicySettings = {
  policyFiles: [],
  resourceGroupScopedFiles: [],
  rules: {},
  defaultAttachmentScope: 'unknown',
};

/** Settings from an untrusted source: anything that is not a list of strings is dropped. */
export function readSettings(raw: unknown): { settings: PolicySettings; problems: string[] } {
  const section = isRecord(raw) ? raw : {};
  const problems: string[] = [];

  const globs = (key: 'policyFiles' | 'resourceGroupScopedFiles'): string[] => {
    const value = section[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    problems.push(`${SETTINGS_SECTION}.${key} must be a list of glob strings; it is ignored.`);
    return [];
  };

  return {
    settings: {
      policyFiles: globs('policyFiles'),
      resourceGroupScopedFiles: globs('resourceGroupScopedFiles'),
      rules: ruleLevels(section['rules'], problems),
      defaultAttachmentScope: defaultScope(section['defaultAttachmentScope'], problems),
    },
    problems,
  };
}

const KNOWN_RULE_IDS = new Set(ALL_RULES.map((rule) => rule.id));

// Each bad entry is dropped on its own, so one typo does not cost the user every other override.
function ruleLevels(value: unknown, problems: string[]): Record<string, RuleLevel> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    problems.push(`${SETTINGS_SECTION}.rules must be an object of rule ids; it is ignored.`);
    return {};
  }

  const levels: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(value)) {
    if (!KNOWN_RULE_IDS.has(id)) {
      problems.push(`${SETTINGS_SECTION}.rules: there is no rule "${id}"; it is ignored.`);
    } else if (!isRuleLevel(level)) {
      const allowed = RULE_LEVELS.join(', ');
      problems.push(`${SETTINGS_SECTION}.rules.${id} must be one of ${allowed}; it is ignored.`);
    } else {
      levels[id] = level;
    }
  }
  return levels;
}

function isRuleLevel(value: unknown): value is RuleLevel {
  return (RULE_LEVELS as readonly unknown[]).includes(value);
}

function defaultScope(value: unknown, problems: string[]): DefaultAttachmentScope {
  if (value === undefined || value === null) return DEFAULT_SETTINGS.defaultAttachmentScope;
  const known = DEFAULT_ATTACHMENT_SCOPES.find((scope) => scope === value);
  if (known) return known;

  const allowed = DEFAULT_ATTACHMENT_SCOPES.map((scope) => `"${scope}"`).join(', ');
  problems.push(
    `${SETTINGS_SECTION}.defaultAttachmentScope must be one of ${allowed}; it is ignored.`,
  );
  return DEFAULT_SETTINGS.defaultAttachmentScope;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
