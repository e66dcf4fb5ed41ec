// Attachments read from Terraform and ROS templates, and their precedence over the project file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { DocumentContext } from '../../server/src/service/languageService';
import { policyDocument, service } from './support';
import { indexOf, projectFile, WORKSPACE, workspaceContext } from './workspaceSupport';

const MIXED = JSON.stringify({
  Version: '1',
  Statement: [
    { Effect: 'Allow', Action: ['cams:QueryInstance', 'cams:SendChatappMessage'], Resource: '*' },
  ],
});

const POLICY_RESOURCE = `
resource "alicloud_ram_policy" "team" {
  policy_name     = "team-policy"
  policy_document = file("\${path.module}/../policies/team.json")
}
`;

function terraform(resourceGroupId: string): string {
  return `${POLICY_RESOURCE}
# attaches the policy to the messaging team's resource group
resource "alicloud_resource_manager_policy_attachment" "team" {
  policy_name       = alicloud_ram_policy.team.policy_name
  policy_type       = "Custom"
  principal_name    = "dev@example.onaliyun.com"
  principal_type    = "IMSUser"
  resource_group_id = ${resourceGroupId}
}
`;
}

const RAM_ROLE_ATTACHMENT = `
resource "alicloud_ram_role_policy_attachment" "ops" {
  role_name   = "ops"
  policy_name = alicloud_ram_policy.team.id
  policy_type = "Custom"
}
`;

function resolve(path: string, context: DocumentContext) {
  return service.attachmentScope(policyDocument(MIXED, path), context)!;
}

function scopeWarnings(path: string, context: DocumentContext) {
  return service
    .validate(policyDocument(MIXED, path), context)
    .filter((d) => d.code === 'resource-group-unsupported');
}

describe('attachments in Terraform', () => {
  it('puts a policy attached to a literal resource group at resource-group scope', () => {
    const context = workspaceContext({
      'infra/main.tf': terraform('"rg-aek2team"'),
      'policies/team.json': MIXED,
    });
    const { scope, evidence } = resolve('policies/team.json', context);
    assert.equal(scope, 'resource-group');
    assert.deepEqual(
      evidence.map((e) => [e.source, e.uri, e.range?.start.line, e.resourceGroupId]),
      [['terraform', `${WORKSPACE}/infra/main.tf`, 7, 'rg-aek2team']],
    );

    const [warning] = scopeWarnings('policies/team.json', context);
    assert.equal(warning?.relatedInformation?.[0]?.location.uri, `${WORKSPACE}/infra/main.tf`);
    assert.match(warning?.relatedInformation?.[0]?.message ?? '', /Terraform attachment/);
  });

  it('follows a resource group resource and templatefile()', () => {
    const tf = terraform('alicloud_resource_manager_resource_group.team.id').replace(
      'file("${path.module}/../policies/team.json")',
      'templatefile("../policies/team.json", { region = "cn-hangzhou" })',
    );
    const context = workspaceContext({ 'infra/main.tf': tf, 'policies/team.json': MIXED });
    const { scope, evidence } = resolve('policies/team.json', context);
    assert.equal(scope, 'resource-group');
    assert.equal(evidence[0]?.note, 'alicloud_resource_manager_resource_group.team');
  });

  it('takes the account for account scope: data.alicloud_account or the known account id', () => {
    const byData = workspaceContext({
      'infra/main.tf': terraform('data.alicloud_account.current.id'),
      'policies/team.json': MIXED,
    });
    assert.equal(resolve('policies/team.json', byData).scope, 'account');

    const byId = workspaceContext({
      'ram-policy-scopes.json': JSON.stringify({ accountId: '1234567890123456', scopes: [] }),
      'infra/main.tf': terraform('"1234567890123456"'),
      'policies/team.json': MIXED,
    });
    assert.equal(resolve('policies/team.json', byId).scope, 'account');
  });

  it('skips what it cannot resolve: a variable, or an account id it was not told', () => {
    for (const value of ['var.resource_group_id', '"1234567890123456"', '"${local.rg}"']) {
      const files = { 'infra/main.tf': terraform(value), 'policies/team.json': MIXED };
      assert.equal(resolve('policies/team.json', workspaceContext(files)).scope, 'unknown', value);
      assert.equal(indexOf(files).skipped.length, 1, value);
    }
  });

  it('makes RAM attachments account scope', () => {
    const context = workspaceContext({
      'infra/main.tf': POLICY_RESOURCE + RAM_ROLE_ATTACHMENT,
      'policies/team.json': MIXED,
    });
    assert.equal(resolve('policies/team.json', context).scope, 'account');
    assert.deepEqual(scopeWarnings('policies/team.json', context), []);
  });

  it('warns a policy attached both ways, and says so', () => {
    const context = workspaceContext({
      'infra/main.tf': terraform('"rg-1"') + RAM_ROLE_ATTACHMENT,
      'policies/team.json': MIXED,
    });
    assert.equal(resolve('policies/team.json', context).scope, 'both');
    const warnings = scopeWarnings('policies/team.json', context);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /also attached at account scope/);
    assert.equal(warnings[0]!.relatedInformation?.length, 1);
  });

  it('knows a policy attached by a literal name by its file name', () => {
    const tf = terraform('"rg-1"').replace('alicloud_ram_policy.team.policy_name', '"messaging"');
    const context = workspaceContext({ 'infra/main.tf': tf, 'policies/messaging.json': MIXED });
    assert.equal(resolve('policies/messaging.json', context).scope, 'resource-group');
    assert.equal(resolve('policies/team.json', context).scope, 'unknown');
  });

  it('ranks infrastructure code above the project file', () => {
    const context = workspaceContext({
      'ram-policy-scopes.json': projectFile({ files: 'policies/*.json', scope: 'account' }),
      'infra/main.tf': terraform('"rg-1"'),
      'policies/team.json': MIXED,
      'policies/other.json': MIXED,
    });
    assert.equal(resolve('policies/team.json', context).evidence[0]?.source, 'terraform');
    assert.equal(resolve('policies/other.json', context).evidence[0]?.source, 'project-file');
  });

  it('ignores comments, heredocs and blocks it does not know', () => {
    const tf = `/*
resource "alicloud_ram_role_policy_attachment" "x" { policy_name = "team-policy" }
*/
locals { doc = <<EOF
resource "alicloud_ram_user_policy_attachment" "y" { policy_name = "team-policy" }
EOF
}
module "m" { source = "./m" }
${terraform('"rg-1"')}`;
    const context = workspaceContext({ 'infra/main.tf': tf, 'policies/team.json': MIXED });
    assert.equal(resolve('policies/team.json', context).scope, 'resource-group');
  });
});

const ROS_YAML = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  TeamGroup:
    Type: ALIYUN::ResourceManager::ResourceGroup
    Properties:
      Name: team
  TeamPolicy:
    Type: ALIYUN::RAM::ManagedPolicy
    Properties:
      PolicyName: team
  TeamAttachment:
    Type: ALIYUN::ResourceManager::PolicyAttachment
    Properties:
      PolicyName: !GetAtt TeamPolicy.PolicyName
      PolicyType: Custom
      ResourceGroupId: RESOURCE_GROUP
`;

describe('attachments in ROS templates', () => {
  it('reads a YAML template: a resource group of the template', () => {
    const template = ROS_YAML.replace('RESOURCE_GROUP', '!GetAtt TeamGroup.ResourceGroupId');
    const context = workspaceContext({ 'ros/team.yaml': template, 'policies/team.json': MIXED });
    const { scope, evidence } = resolve('policies/team.json', context);
    assert.equal(scope, 'resource-group');
    assert.deepEqual(
      evidence.map((e) => [e.source, e.uri, e.range?.start.line]),
      [['ros', `${WORKSPACE}/ros/team.yaml`, 10]],
    );
  });

  it('reads the account from Ref ALIYUN::AccountId, and skips a parameter', () => {
    const account = ROS_YAML.replace('RESOURCE_GROUP', '!Ref ALIYUN::AccountId');
    const context = workspaceContext({ 'ros/t.yml': account, 'policies/team.json': MIXED });
    assert.equal(resolve('policies/team.json', context).scope, 'account');

    const parameter = ROS_YAML.replace('RESOURCE_GROUP', '!Ref GroupParameter');
    const files = { 'ros/t.yml': parameter, 'policies/team.json': MIXED };
    assert.equal(resolve('policies/team.json', workspaceContext(files)).scope, 'unknown');
    assert.equal(indexOf(files).skipped.length, 1);
  });

  it('reads a JSON template with a literal resource group id', () => {
    const template = JSON.stringify(
      {
        ROSTemplateFormatVersion: '2015-09-01',
        Resources: {
          Attach: {
            Type: 'ALIYUN::ResourceManager::PolicyAttachment',
            Properties: { PolicyName: 'team', PolicyType: 'Custom', ResourceGroupId: 'rg-7' },
          },
        },
      },
      null,
      2,
    );
    const context = workspaceContext({ 'ros/t.json': template, 'policies/team.json': MIXED });
    const { scope, evidence } = resolve('policies/team.json', context);
    assert.equal(scope, 'resource-group');
    assert.equal(evidence[0]?.resourceGroupId, 'rg-7');
  });

  it('skips a template that does not parse', () => {
    const files = { 'ros/t.yaml': 'ROSTemplateFormatVersion: x\nResources: [', 'team.json': MIXED };
    assert.equal(resolve('team.json', workspaceContext(files)).scope, 'unknown');
    assert.equal(indexOf(files).skipped.length, 1);
  });
});
