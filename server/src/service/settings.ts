// The settings of the policy language service, declared once for the server and the client.

/** The section under which the settings live, in VS Code and in LSP configuration requests. */
export const SETTINGS_SECTION = 'camsPolicy';

export interface PolicySettings {
  /** Globs of JSON files that are policies whatever their content. Default: none. */
  readonly policyFiles: readonly string[];
  /** Globs of policy files that are attached at resource-group scope. Default: none. */
  readonly resourceGroupScopedFiles: readonly string[];
}

export const DEFAULT_SETTINGS: PolicySettings = {
  policyFiles: [],
  resourceGroupScopedFiles: [],
};

/** Settings from an untrusted source: anything that is not a list of strings is dropped. */
export function readSettings(raw: unknown): { settings: PolicySettings; problems: string[] } {
  const section = isRecord(raw) ? raw : {};
  const problems: string[] = [];

  const globs = (key: keyof PolicySettings): string[] => {
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
    },
    problems,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
