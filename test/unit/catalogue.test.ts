import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isAccountOnly } from '../../server/src/service/actionCoverage';
import { catalogue } from './support';
import { pageExamplePolicies } from './pageExamples';

const accountOnly = catalogue.actions.filter(isAccountOnly);

describe('the action catalogue', () => {
  it('has the 280 actions of the page, each without resource-group authorization', () => {
    assert.equal(accountOnly.length, 280);
    assert.equal(new Set(accountOnly.map((a) => a.name)).size, 280);
    assert.ok(accountOnly.every((a) => a.name.startsWith('cams:')));
  });

  it('keeps the documented spellings, odd ones included', () => {
    for (const name of [
      'cams:GetFlowJSONAssest',
      'cams:UpdatePackgeRemainAlarmThreshold',
      'cams:PauseMarketingFLow',
      'cams:GetOSSInfoForUploadFile',
      'cams:GetOssInfoForUploadFile',
    ]) {
      assert.equal(catalogue.lookup(name)?.name, name, name);
    }
  });

  it("carries the page's own description for 86 actions and marks the rest as derived", () => {
    const documented = accountOnly.filter((a) => a.descriptionSource === 'documented');
    assert.equal(documented.length, 86);
    assert.equal(
      catalogue.lookup('cams:AddChatGroup')?.description,
      'Grants permission to create a chat group.',
    );
    assert.equal(catalogue.lookup('cams:AddAuditViberOpen')?.descriptionSource, 'derived');
  });

  it('marks the five instance actions as supporting resource-group authorization', () => {
    const supported = catalogue.actions.filter((a) => a.resourceGroupAuthorization === 'supported');
    assert.deepEqual(supported.map((a) => a.name).sort(), [
      'cams:CreateInstance',
      'cams:DeleteInstance',
      'cams:ListInstance',
      'cams:QueryInstance',
      'cams:UpdateInstance',
    ]);
  });

  it('knows cams:ChangeResourceGroup without claiming either way for resource groups', () => {
    assert.equal(
      catalogue.lookup('cams:ChangeResourceGroup')?.resourceGroupAuthorization,
      'undocumented',
    );
  });

  it('gives every action an access level, and says when it was read from the verb', () => {
    const levels = new Set(['create', 'list', 'get', 'update', 'delete', 'none']);
    assert.ok(catalogue.actions.every((a) => levels.has(a.accessLevel)));
    assert.deepEqual(
      [
        catalogue.lookup('cams:GetFlow')?.accessLevel,
        catalogue.lookup('cams:GetFlow')?.accessLevelSource,
      ],
      ['get', 'inferred'],
    );
    assert.equal(catalogue.lookup('cams:SendChatappMessage')?.accessLevelSource, 'documented');
  });

  it('names its source and date', () => {
    assert.match(catalogue.source.url, /fine-grained-resource-control-using-resource-groups/);
    assert.equal(catalogue.source.lastUpdated, 'Apr 23, 2026');
  });

  it("rebuilds the page's read-only example from every Get* and List* action, in page order", () => {
    const [readOnly] = pageExamplePolicies();
    const rebuilt = accountOnly
      .map((a) => a.name)
      .filter((name) => name.startsWith('cams:Get') || name.startsWith('cams:List'));
    assert.deepEqual(rebuilt, readOnly!.actions);
  });

  it("rebuilds the page's full example from all 280 actions, in page order", () => {
    const [, all] = pageExamplePolicies();
    assert.deepEqual(
      accountOnly.map((a) => a.name),
      all!.actions,
    );
  });
});

describe('looking actions up', () => {
  it('matches names without case, as RAM does', () => {
    assert.equal(catalogue.lookup('CAMS:sendchatappmessage')?.name, 'cams:SendChatappMessage');
  });

  it('prefers the exact spelling when two documented names differ only in case', () => {
    assert.equal(
      catalogue.lookup('cams:GetOssInfoForUploadFile')?.name,
      'cams:GetOssInfoForUploadFile',
    );
    assert.equal(
      catalogue.lookup('cams:GetOSSInfoForUploadFile')?.name,
      'cams:GetOSSInfoForUploadFile',
    );
  });

  it('expands * and ? wildcards without case', () => {
    assert.equal(catalogue.expand('cams:*').length, catalogue.actions.length);
    assert.deepEqual(
      catalogue.expand('cams:?etFlow').map((a) => a.name),
      ['cams:GetFlow'],
    );
    assert.ok(catalogue.expand('CAMS:get*').every((a) => a.name.startsWith('cams:Get')));
    assert.deepEqual(catalogue.expand('cams:Nothing*'), []);
  });

  it('suggests the closest names for a misspelling', () => {
    assert.equal(catalogue.closest('cams:SendChatapMessage')[0]?.name, 'cams:SendChatappMessage');
    assert.equal(catalogue.closest('cams:SnedChatappMessage')[0]?.name, 'cams:SendChatappMessage');
    assert.deepEqual(catalogue.closest('cams:CompletelyDifferentThing'), []);
  });
});
