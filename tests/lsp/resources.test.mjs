// Raw resources in the editor, from the resource specification: hover on a
// type, a property, a key inside one and an attribute; completion of type
// names, properties, keys and attributes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marked, shareOneServer } from './harness.mjs';
import { files } from './fixtures.mjs';

const resourcesJaws = marked(`resource /*tableDecl*/orders: "AWS::Dynamo/*tableType*/DB::Table" {
  /*billing*/BillingMode = "PAY_PER_REQUEST"
  KeySchema   = [{ /*keyName*/AttributeName = "id", KeyType = "HASH" }]
  AttributeDefinitions = [{ AttributeName = "id", AttributeType = "S" }]
}
resource jobs: "AWS::SQS::Queue" { }
output ordersStream = orders./*streamArn*/StreamArn
`);

let project;
let client;
let version = 1;
const typing = () => project.uri('typing.jaws');

shareOneServer({ ...files, 'resources.jaws': resourcesJaws.text }, async (opened) => {
  ({ project, client } = opened);
  await client.open(typing(), '', version);
});

const hover = async (position) =>
  (await client.request('textDocument/hover', { textDocument: { uri: project.uri('resources.jaws') }, position })).contents.value;

async function complete(source) {
  const { text, at } = marked(source);
  version += 1;
  await client.change(typing(), version, [{ text }]);
  const result = await client.request('textDocument/completion', { textDocument: { uri: typing() }, position: at.c });
  return (result.items ?? result).map((i) => i.label);
}

test('hover on a resource type: its required properties, attributes and documentation page', async () => {
  const text = await hover(resourcesJaws.at.tableType);
  assert.match(text, /resource orders: "AWS::DynamoDB::Table"/);
  assert.match(text, /required: `KeySchema`\./);
  assert.match(text, /`StreamArn`/);
  assert.match(text, /https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-dynamodb-table\.html/);
});

test('hover on a property and on a key inside one: its shape and whether it is required', async () => {
  const billing = await hover(resourcesJaws.at.billing);
  assert.match(billing, /BillingMode: string/);
  assert.match(billing, /Optional property of `AWS::DynamoDB::Table`/);
  const key = await hover(resourcesJaws.at.keyName);
  assert.match(key, /AttributeName: string/);
  assert.match(key, /Required key/);
});

test('hover on an attribute: its shape', async () => {
  const text = await hover(resourcesJaws.at.streamArn);
  assert.match(text, /orders\.StreamArn: string/);
  assert.match(text, /Fn::GetAtt/);
});

test('completion: type names after `resource NAME: "`', async () => {
  const names = await complete('resource q: "AWS::SQS::/*c*/"\n');
  assert.ok(names.includes('AWS::SQS::Queue'), names.join(' '));
  assert.ok(names.includes('AWS::SQS::QueuePolicy'));
  assert.ok(!names.includes('AWS::SNS::Topic'));
});

test('completion: properties of the block and keys of an object, without those set or read-only', async () => {
  let names = await complete('resource q: "AWS::SQS::Queue" {\n  DelaySeconds = 1\n  /*c*/\n}\n');
  for (const expected of ['VisibilityTimeout', 'FifoQueue', 'RedrivePolicy', 'Tags']) assert.ok(names.includes(expected), expected);
  assert.ok(!names.includes('DelaySeconds'));
  assert.ok(!names.includes('Arn'));  // read-only
  names = await complete('resource q: "AWS::SQS::Queue" {\n  Tags = [{ Key = "team", /*c*/ }]\n}\n');
  assert.deepEqual(names, ['Value']);
});

test('completion: attributes after `res.`', async () => {
  const names = await complete('resource q: "AWS::SQS::Queue" { }\noutput u = q./*c*/\n');
  for (const expected of ['arn', 'ref', 'Arn', 'QueueUrl', 'QueueName']) assert.ok(names.includes(expected), expected);
});
