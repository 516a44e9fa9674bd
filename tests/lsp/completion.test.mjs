// Completion: what is offered depends on where the cursor is. Each case is a
// text being typed (usually broken: an unterminated string, an open brace)
// in a file of the fixture project, with `/*c*/` at the cursor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marked, shareOneServer } from './harness.mjs';
import { files, functionsJaws } from './fixtures.mjs';

let project;
let client;
let version = 1;
const typing = () => project.uri('typing.jaws');

shareOneServer(files, async (opened) => {
  ({ project, client } = opened);
  await client.open(typing(), '', version);
});

// The items offered at `/*c*/` in `source` typed into typing.jaws.
async function complete(source, uri = typing()) {
  const { text, at } = marked(source);
  version += 1;
  if (uri === typing()) await client.change(uri, version, [{ text }]);
  const result = await client.request('textDocument/completion', { textDocument: { uri }, position: at.c });
  return result.items ?? result;
}
const labels = (items) => items.map((i) => i.label);
const item = (items, label) => items.find((i) => i.label === label);

test('attributes of the block\'s schema, with their docs, without those already set', async () => {
  const { items } = await client.request('textDocument/completion', {
    textDocument: { uri: project.uri('functions.jaws') }, position: functionsJaws.at.newAttribute });
  const names = labels(items);
  for (const expected of ['memory', 'timeout', 'architecture', 'permissions', 'schedule', 'description']) {
    assert.ok(names.includes(expected), `${expected} in ${names}`);
  }
  for (const already of ['handler', 'runtime', 'env']) assert.ok(!names.includes(already), already);
  const memory = item(items, 'memory');
  assert.equal(memory.kind, 10);
  assert.equal(memory.detail, 'size');
  assert.match(memory.documentation.value, /Memory: 128MB to 10240MB/);
  assert.equal(memory.insertText, 'memory = ');
});

test('enum strings inside a string after `runtime =`, deprecated runtimes marked', async () => {
  let items = await complete('function f {\n  handler = "src/todos.list"\n  runtime = "/*c*/\n}\n');
  const names = labels(items);
  for (const runtime of ['nodejs22.x', 'nodejs24.x', 'python3.13', 'java21']) assert.ok(names.includes(runtime), runtime);
  assert.equal(names.includes('us-east-1'), false);
  const blocked = item(items, 'nodejs20.x');
  assert.deepEqual(blocked.tags, [1]);
  assert.equal(blocked.detail, 'blocked');
  assert.equal(item(items, 'nodejs22.x').tags, undefined);
  // The edit replaces what is typed inside the quotes.
  items = await complete('function f {\n  handler = "src/todos.list"\n  runtime = "nod/*c*/"\n}\n');
  const edit = item(items, 'nodejs22.x').textEdit;
  assert.deepEqual(edit.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 16 } });
  assert.equal(edit.newText, 'nodejs22.x');
});

test('regions inside `regions = [`, and other enums of the schema', async () => {
  let names = labels(await complete('stage qa {\n  regions = ["us-east-1", "/*c*/\n}\n'));
  for (const region of ['eu-west-1', 'ap-southeast-2', 'us-east-1']) assert.ok(names.includes(region), region);
  names = labels(await complete('function f {\n  handler = "x.y"\n  architecture = "/*c*/"\n}\n'));
  assert.deepEqual(names.sort(), ['arm64', 'x86_64']);
  names = labels(await complete('api a {\n  auth = "/*c*/"\n}\n'));
  assert.deepEqual(names.sort(), ['apiKey', 'iam', 'none']);
  names = labels(await complete('let s = stage == "/*c*/"\n'));
  assert.deepEqual(names.sort(), ['dev', 'prod']);
  names = labels(await complete('param where: Region = "/*c*/"\n'));
  assert.ok(names.includes('eu-central-1'));
});

test('function names after `->`', async () => {
  const items = await complete('api a {\n  GET /x/{id} -> /*c*/\n}\n');
  const fn = item(items, 'listTodos');
  assert.equal(fn.kind, 3);
  assert.equal(fn.detail, '"src/todos.list"');
  assert.match(fn.documentation.value, /Lists every todo/);
  assert.ok(!labels(items).includes('tableName'));
});

test('type names after `:`', async () => {
  for (const source of ['param p: /*c*/\n', 'type T {\n  a: string\n  b?: /*c*/\n}\n', 'api a {\n  POST /x -> listTodos { body: /*c*/ }\n}\n',
    'type U = string | /*c*/\n']) {
    const names = labels(await complete(source));
    for (const t of ['string', 'size', 'Todo', 'Runtime', 'Region']) assert.ok(names.includes(t), `${t} in ${source}`);
    assert.ok(!names.includes('listTodos'), source);
  }
  // In `c ? a : b` a colon starts an expression.
  const names = labels(await complete('let c = stage == "dev" ? tableName : /*c*/\n'));
  assert.ok(names.includes('tableName') && !names.includes('string'));
});

test('params, lets and builtins in expressions', async () => {
  for (const source of ['let x = /*c*/\n', 'let y = "a-${/*c*/}"\n', 'function f {\n  handler = "x.y"\n  env = { A = /*c*/ }\n}\n',
    'output o = join(",", [/*c*/])\n']) {
    const items = await complete(source);
    const names = labels(items);
    for (const name of ['tableName', 'stage', 'region', 'ssm', 'allow', 'listTodos']) assert.ok(names.includes(name), `${name} in ${source}`);
    assert.equal(item(items, 'tableName').kind, 6);
    assert.ok(!names.includes('memory'));
  }
});

test('the attributes of a nested record: `cors = {` gives Cors', async () => {
  const items = await complete('api a {\n  cors = { origins = ["*"], /*c*/ }\n}\n');
  const names = labels(items);
  assert.deepEqual(names.sort(), ['credentials', 'headers', 'maxAge']);
  assert.match(item(items, 'maxAge').documentation.value, /preflight/);
});

test('route items in a route\'s braces, HTTP methods and Api attributes in an api', async () => {
  let names = labels(await complete('api a {\n  GET /x -> listTodos { returns: Todo  /*c*/ }\n}\n'));
  for (const word of ['auth', 'operationId', 'description', 'body', 'query', 'header', 'path', 'returns']) assert.ok(names.includes(word), word);
  names = labels(await complete('api a {\n  description = "x"\n  /*c*/\n}\n'));
  for (const word of ['GET', 'POST', 'cors', 'auth', 'throttle']) assert.ok(names.includes(word), word);
  assert.ok(!names.includes('description'));
});

test('a stage block offers the Stage schema and the params', async () => {
  const items = await complete('stage qa {\n  /*c*/\n}\n');
  const names = labels(items);
  for (const name of ['regions', 'protect', 'account', 'tableName']) assert.ok(names.includes(name), name);
  assert.match(item(items, 'tableName').documentation.value, /The table's name/);
});

test('members after `.`, keywords at the top level, nothing in comments', async () => {
  assert.deepEqual(labels(await complete('output o = listTodos./*c*/\n')).sort(), ['arn', 'name', 'role', 'url']);
  assert.deepEqual(labels(await complete('output o = todoApi./*c*/\n')).sort(), ['id', 'url']);
  const project = labels(await complete('let m = project./*c*/\n'));
  assert.ok(project.includes('memory') && project.includes('runtime'));
  const top = labels(await complete('/*c*/\n'));
  for (const word of ['function', 'api', 'param', 'let', 'stage', 'type', 'resource', 'output', 'import']) assert.ok(top.includes(word), word);
  assert.deepEqual(await complete('// runtime = "/*c*/\n'), []);
  assert.deepEqual(await complete('function f {\n  /* a comment /*c*/ */\n}\n'), []);
});

test('HTTP APIs and function URLs: `kind` values, the `url` options, jwt() and its options', async () => {
  assert.deepEqual(labels(await complete('api a {\n  kind = "/*c*/"\n}\n')).sort(), ['http', 'rest']);
  let items = await complete('function f {\n  handler = "x.y"\n  url = { /*c*/ }\n}\n');
  assert.deepEqual(labels(items).sort(), ['auth', 'cors', 'stream']);
  assert.match(item(items, 'stream').documentation.value, /Streams the response/);
  assert.deepEqual(labels(await complete('function f {\n  handler = "x.y"\n  url = { auth = "/*c*/" }\n}\n')).sort(), ['iam', 'none']);
  assert.deepEqual(labels(await complete('function f {\n  handler = "x.y"\n  url = { cors = { /*c*/ } }\n}\n')).sort(),
    ['credentials', 'headers', 'maxAge', 'origins']);
  items = await complete('let x = /*c*/\n');
  assert.match(item(items, 'jwt').detail, /jwt\(\{ issuer, audience/);
  // The options object of a builtin call: its schema's fields, not those the builtin sets.
  items = await complete('api a {\n  kind = "http"\n  auth = jwt({ /*c*/ })\n}\n');
  assert.deepEqual(labels(items).sort(), ['audience', 'issuer', 'scopes']);
  assert.match(item(items, 'issuer').documentation.value, /https URL/);
  assert.deepEqual(labels(await complete('api a {\n  auth = jwt({ issuer = "https://x/", /*c*/ })\n}\n')).sort(), ['audience', 'scopes']);
  assert.deepEqual(labels(await complete('api a {\n  auth = cognito("arn", { /*c*/ })\n}\n')).sort(), ['audience', 'scopes']);
  assert.deepEqual(labels(await complete('let x = allow(["s3:GetObject"], { /*c*/ })\n')), []);
});

test('function and resource options: their values and records, decorators after `@`, and their hover', async () => {
  assert.deepEqual(labels(await complete('function f {\n  handler = "x.y"\n  tracing = "/*c*/"\n}\n')).sort(), ['active', 'passthrough']);
  let items = await complete('function f {\n  handler = "x.y"\n  async = { /*c*/ }\n}\n');
  assert.deepEqual(labels(items).sort(), ['maxAge', 'onFailure', 'onSuccess', 'retries']);
  assert.match(item(items, 'retries').documentation.value, /0 to 2/);
  assert.deepEqual(labels(await complete('function f {\n  handler = "x.y"\n  vpc = { /*c*/ }\n}\n')).sort(), ['securityGroups', 'subnets']);
  items = await complete('@/*c*/\nresource q: "AWS::SQS::Queue" { }\n');
  for (const name of ['retain', 'deletionPolicy', 'updateReplacePolicy', 'dependsOn', 'when']) assert.ok(labels(items).includes(name), name);
  assert.match(item(items, 'deletionPolicy').documentation.value, /RetainExceptOnCreate/);
  // Hover on a decorator's name: how it is written and what it does.
  const { text, at } = marked('@/*c*/retain resource q: "AWS::SQS::Queue" { }\n');
  version += 1;
  await client.change(typing(), version, [{ text }]);
  const hover = await client.request('textDocument/hover', { textDocument: { uri: typing() }, position: at.c });
  assert.match(hover.contents.value, /@retain/);
  assert.match(hover.contents.value, /DeletionPolicy and UpdateReplacePolicy Retain/);
});
