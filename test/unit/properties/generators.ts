// Generators for the property tests: policies as objects, the layouts they are written in, and
// the ways people and tools damage them (truncation, stray characters, odd line endings).
import fc from 'fast-check';

import { catalogue } from '../support';

/** How often properties run and from which seed: FUZZ_RUNS and FUZZ_SEED override them. */
export const FUZZ = {
  seed: Number(process.env['FUZZ_SEED'] ?? 20261204),
  runs: (defaultRuns: number): number => Number(process.env['FUZZ_RUNS'] ?? defaultRuns),
};

/**
 * Checks a property with the shared seed. fast-check names the seed and the shrunk path of a
 * failure; the message adds the command that replays it.
 */
export function checkProperty<T>(property: fc.IProperty<T>, defaultRuns: number): void {
  try {
    fc.assert(property, { seed: FUZZ.seed, numRuns: FUZZ.runs(defaultRuns) });
  } catch (error) {
    const replay = `replay with FUZZ_SEED=${FUZZ.seed} FUZZ_RUNS=${FUZZ.runs(defaultRuns)}`;
    if (error instanceof Error) error.message = `${replay}\n${error.message}`;
    throw error;
  }
}

const NAMES = catalogue.actions.map((action) => action.name);
const INSTANCE_ACTIONS = NAMES.filter((name) => /Instance$/.test(name));

/** Characters that break naive offset arithmetic: astral emoji, combining marks, separators. */
const TRICKY_CHARACTERS = [
  '🙂',
  '👩‍💻',
  'é',
  'e\u0301',
  '中文',
  '\u2028',
  '\uFEFF',
  '\ud800',
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  ' ',
];

export const trickyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...TRICKY_CHARACTERS),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 12,
});

const knownAction = fc.constantFrom(...NAMES);

const misspelt = fc
  .tuple(knownAction, fc.nat(), fc.constantFrom('', 'x', 'Q'))
  .map(([name, at, letter]) => {
    const position = 5 + (at % (name.length - 5));
    return name.slice(0, position) + letter + name.slice(position + 1);
  });

/** An entry of an Action list: mostly real cams actions, and every kind the checks tell apart. */
export const actionEntry = fc.oneof(
  { weight: 6, arbitrary: knownAction },
  { weight: 3, arbitrary: fc.constantFrom(...INSTANCE_ACTIONS) },
  { weight: 1, arbitrary: knownAction.map((name) => name.toLowerCase()) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'cams:*',
      'cams:Get*',
      'cams:List*',
      'cams:*Instance',
      'cams:Query?nstance',
      'cams:Zzz*',
      '*',
      '*:Get*',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('ecs:DescribeInstances', 'oss:GetObject', 'ram:*') },
  { weight: 2, arbitrary: misspelt },
  { weight: 1, arbitrary: trickyText.map((text) => `cams:${text}`) },
);

const CONDITIONS = [
  { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
  { Bool: { 'acs:SecureTransport': 'true' } },
  { StringEquals: { 'acs:ResourceGroupId': ['rg-1', 'rg-2'] } },
];

export interface StatementShape {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}

const actionValue = fc.oneof(
  { weight: 1, arbitrary: actionEntry },
  { weight: 4, arbitrary: fc.array(actionEntry, { maxLength: 7 }) },
);

export const statement: fc.Arbitrary<StatementShape> = fc
  .record(
    {
      sid: trickyText,
      effect: fc.constantFrom('Allow', 'Deny'),
      notAction: fc.boolean(),
      actions: actionValue,
      resource: fc.constantFrom<string | string[]>('*', 'acs:cams:*:*:instance/*', ['*']),
      condition: fc.constantFrom(...CONDITIONS),
    },
    { requiredKeys: ['effect', 'actions', 'notAction'] },
  )
  .map((parts) => {
    const shape: StatementShape = {};
    if (parts.sid !== undefined) shape.Sid = parts.sid;
    shape.Effect = parts.effect;
    shape[parts.notAction ? 'NotAction' : 'Action'] = parts.actions;
    if (parts.resource !== undefined) shape.Resource = parts.resource;
    if (parts.condition !== undefined) shape.Condition = parts.condition;
    return shape;
  });

/** A policy object: with or without Version, with a list of statements or the short form. */
export const policy = fc
  .tuple(fc.boolean(), fc.array(statement, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([versioned, statements, shortForm]) => ({
    ...(versioned ? { Version: '1' } : {}),
    Statement: shortForm && statements.length === 1 ? statements[0] : statements,
  }));

export interface Layout {
  readonly indent: 2 | 4 | '\t' | 'one line' | 'compact';
  readonly eol: '\n' | '\r\n' | '\r';
  readonly finalNewline: boolean;
}

export const layout: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom<Layout['indent']>(2, 4, '\t', 'one line', 'compact'),
  eol: fc.constantFrom<Layout['eol']>('\n', '\r\n', '\r'),
  finalNewline: fc.boolean(),
});

/** Writes a policy as an editor or a tool would. JSON strings never hold a raw line break. */
export function render(value: unknown, { indent, eol, finalNewline }: Layout): string {
  let text: string;
  if (indent === 'compact') text = JSON.stringify(value);
  else if (indent === 'one line') text = JSON.stringify(value, null, 1).replace(/\n */g, ' ');
  else text = JSON.stringify(value, null, indent).replace(/\n/g, eol);
  return finalNewline && typeof indent !== 'string' ? text + eol : text;
}

/** A written policy. */
export const policyText = fc.tuple(policy, layout).map(([value, form]) => render(value, form));

const STRUCTURAL = ['{', '}', '[', ']', ',', ':', '"', '//', '/*', '*/', '"Statement":', '\r'];

/** A piece someone might type or paste anywhere. */
const insertion = fc.oneof(
  trickyText,
  fc.constantFrom(...STRUCTURAL),
  fc.constantFrom('"cams:', '"Action": [', '"Effect": "Allow", ', '\r\n', '\uFEFF'),
  fc.nat({ max: 20_000 }).map((length) => `"${'x'.repeat(length)}`),
);

/** One edit of a text: a cut at the end, an insertion, a deletion. */
type Damage = (text: string) => string;

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.tuple(fc.nat(), insertion).map(([at, piece]) => (text: string) => {
    const offset = at % (text.length + 1);
    return text.slice(0, offset) + piece + text.slice(offset);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, length]) => (text: string) => {
    const offset = at % (text.length + 1);
    return text.slice(0, offset) + text.slice(offset + length);
  }),
);

/** A policy damaged by one to four edits. */
export const damagedPolicyText = fc
  .tuple(policyText, fc.array(damage, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([text, edits, bom]) => (bom ? '\uFEFF' : '') + edits.reduce((t, edit) => edit(t), text));

/** Text that need not be JSON at all: decoded random bytes, or a soup of JSON tokens. */
export const anyText = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...STRUCTURAL, '"Action"', '"Effect"', '"Allow"', '"cams:Get*"', ' ', '\n'),
        trickyText,
      ),
      { maxLength: 80 },
    )
    .map((tokens) => tokens.join('')),
);
