// The settings of the policy language service, declared once for the server and the client.

/** The section under which the settings live, in VS Code and in LSP configuration requests. */
export const SETTINGS_SECTION = 'camsPolicy';

export interface PolicySettings {
  /** Globs of JSON files that are policies whatever their content. Default: none. */
  readonly policyFiles: readonly string[];
  /** Globs of policy files that are attached at resource-group scope. Default: none. */
  readonly resourceGroupScopedFiles: readonly string[];
  /** The scope of a policy that nothing else places. Default: `unknown` (no scope warning). */
  readonly defaultAttachmentScope: DefaultAttachmentScope;
}

/** The values of `camsPolicy.defaultAttachmentScope`. */
export const DEFAULT_ATTACHMENT_SCOPES = ['unknown', 'account', 'resource-group'] as const;
export type DefaultAttachmentScope = (typeof DEFAULT_ATTACHMENT_SCOPES)[number];

export const DEFAULT_SETTINGS: PolicySettings = {
  policyFiles: [],
  resourceGroupScopedFiles: [],
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
      defaultAttachmentScope: defaultScope(section['defaultAttachmentScope'], problems),
    },
    problems,
  };
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
