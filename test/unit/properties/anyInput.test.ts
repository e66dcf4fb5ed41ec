// Property tests: whatever the text, every feature of the service answers without an exception,
// and every range it returns lies inside the document at a correct UTF-16 position.
// FUZZ_RUNS=5000 FUZZ_SEED=<n> npm run build && node --test out/test/unit/properties/ fuzzes
// longer or from another seed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';

import { service } from '../support';
import {
  anyText,
  checkProperty,
  damagedPolicyText,
  type Layout,
  layout,
  policy,
  policyText,
  render,
  trickyText,
} from './generators';
import {
  cursorAt,
  everyFileAPolicy,
  exerciseEveryFeature,
  fuzzDocument,
  offsetsOf,
} from './invariants';

const everyFeature = (text: string) => exerciseEveryFeature(fuzzDocument(text), offsetsOf(text));

describe('every feature, on any input', () => {
  it('answers on generated policies in every layout and line ending', () => {
    checkProperty(fc.property(policyText, everyFeature), 60);
  });

  it('answers on policies cut short, with stray characters pasted in or text deleted', () => {
    checkProperty(fc.property(damagedPolicyText, everyFeature), 150);
  });

  it('answers on random bytes and on a soup of JSON tokens', () => {
    checkProperty(fc.property(anyText, everyFeature), 300);
  });

  it('answers on arrays and objects nested thousands of levels deep', () => {
    const opener = fc.constantFrom('[', '{"Statement":', '{"Action":[', '{', '"a":');
    const nesting = fc
      .tuple(fc.array(opener, { minLength: 1, maxLength: 4 }), fc.nat(30_000), fc.nat(30_000))
      .map(([openers, times, closers]) => {
        const deep = openers.join('').repeat(times);
        return `{"Statement":${deep}${']}'.repeat(closers)}`;
      });
    checkProperty(fc.property(nesting, everyFeature), 40);
  });

  it('answers on very long strings, keys and action names', () => {
    const long = fc
      .tuple(fc.nat({ max: 80_000 }), fc.constantFrom('Sid', 'Action', 'key', 'wildcard'))
      .map(([length, where]) => {
        const filler = 'Get'.repeat(Math.ceil(length / 3));
        const statement =
          where === 'Sid'
            ? { Sid: filler, Effect: 'Allow', Action: 'cams:GetFlow' }
            : where === 'Action'
              ? { Effect: 'Allow', Action: [`cams:${filler}`, 'cams:QueryInstance'] }
              : where === 'key'
                ? { [filler]: 1, Effect: 'Allow', Action: 'cams:GetFlow' }
                : { Effect: 'Allow', Action: [`cams:${filler}*`, `cams:*${filler}`] };
        return JSON.stringify({ Statement: [statement] }, null, 2);
      });
    checkProperty(fc.property(long, everyFeature), 20);
  });
});

// Policies as they are typed: every prefix of a policy is a document someone had open.
const TYPED = [
  {
    name: 'LF with emoji and accents',
    text:
      '{\n  "Version": "1",\n  "Statement": [\n    {\n      "Sid": "Équipe 👩‍💻 中文",\n' +
      '      "Effect": "Allow",\n      "Action": ["cams:QueryInstance", "cams:Get*", "cams:Nope"],\n' +
      '      "Resource": "*"\n    }\n  ]\n}\n',
  },
  {
    name: 'CRLF with a comment and a trailing comma',
    text:
      '{\r\n  "Statement": [\r\n    {\r\n      "Effect": "Deny", // no\r\n' +
      '      "NotAction": ["cams:*Instance", "🙂"],\r\n    },\r\n  ]\r\n}\r\n',
  },
  {
    name: 'lone CR, tabs and a byte-order mark',
    text:
      '\uFEFF{\r\t"Statement": {\r\t\t"Effect": "Allow",\r\t\t"Action": "cams:SendChatappMessage",' +
      '\r\t\t"Condition": {"Bool": {"acs:SecureTransport": "true"}}\r\t}\r}',
  },
];

describe('every feature, on a policy truncated at every offset', () => {
  for (const { name, text } of TYPED) {
    it(`answers on each prefix of a policy in ${name}`, () => {
      for (let end = 0; end <= text.length; end++) {
        const prefix = text.slice(0, end);
        const middle = cursorAt(prefix, Math.floor(end / 2));
        exerciseEveryFeature(fuzzDocument(prefix), [cursorAt(prefix, end), middle]);
      }
    });
  }
});

describe('positions in UTF-16 code units', () => {
  const warned = new Set([
    'unknown-action',
    'wildcard-matches-nothing',
    'resource-group-unsupported',
  ]);

  it('underline exactly an action, or the NotAction key, whatever text comes before', () => {
    checkProperty(
      fc.property(policy, layout, (value, form) => {
        const text = render(value, form);
        const document = fuzzDocument(text);
        const actions = new Set(actionValuesOf(value));

        for (const diagnostic of service.validate(document, everyFileAPolicy)) {
          if (!warned.has(String(diagnostic.code))) continue;
          const underlined = document.getText(diagnostic.range);
          if (underlined === '"NotAction"') continue;
          const decoded = JSON.parse(`"${underlined}"`) as string;
          assert.ok(actions.has(decoded), `${diagnostic.code} underlines ${underlined}`);
        }
      }),
      150,
    );
  });

  it('complete and hover an action typed after emoji and accents on the same line', () => {
    const typing = fc.tuple(trickyText, trickyText, fc.nat({ max: 12 }), layout);
    checkProperty(
      fc.property(typing, ([sid, other, typed, form]) => {
        const prefix = 'cams:SendChatappMessage'.slice(0, 5 + typed);
        const statement = { Sid: sid, Effect: 'Allow', Action: [other, prefix] };
        const text = render({ Statement: [statement] }, form);
        const quoted = JSON.stringify(prefix);
        const cursor = text.lastIndexOf(quoted) + quoted.length - 1;
        const document = fuzzDocument(text);
        const position = document.positionAt(cursor);

        const items = service.complete(document, position, everyFileAPolicy).items;
        const item = items.find((candidate) => candidate.label === 'cams:SendChatappMessage');
        assert.ok(item?.textEdit && 'range' in item.textEdit, `completes ${prefix}`);
        assert.equal(document.getText(item.textEdit.range), prefix, 'replaces what was typed');

        const hover = service.hover(document, position, everyFileAPolicy);
        if (hover?.range) assert.match(document.getText(hover.range), /^"?cams:/);
      }),
      150,
    );
  });

  it('find the same things whatever the line endings', () => {
    const endings = fc.tuple(policy, layout);
    checkProperty(
      fc.property(endings, ([value, form]) => {
        const found = (eol: Layout['eol']) => {
          const document = fuzzDocument(render(value, { ...form, eol }));
          return service
            .validate(document, everyFileAPolicy)
            .map((d) => [d.code, sameBreaks(document.getText(d.range)), d.message]);
        };
        const lf = found('\n');
        assert.deepEqual(found('\r\n'), lf);
        assert.deepEqual(found('\r'), lf);
      }),
      100,
    );
  });
});

function actionValuesOf(value: { Statement: unknown }): string[] {
  const statements = Array.isArray(value.Statement) ? value.Statement : [value.Statement];
  return statements.flatMap((statement: { Action?: unknown; NotAction?: unknown }) => {
    const actions = statement.Action ?? statement.NotAction;
    return Array.isArray(actions) ? actions : [actions];
  });
}

// A diagnostic may span lines: its text is compared with every line break written as LF.
function sameBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
