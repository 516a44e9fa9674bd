// Hover: a declaration's kind, type and doc comment; an attribute's schema
// type and stdlib description; the resolved value per stage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shareOneServer } from './harness.mjs';
import { files, functionsJaws, projectJaws } from './fixtures.mjs';

let project;
let client;
shareOneServer(files, (opened) => ({ project, client } = opened));

const hover = async (file, position) => {
  const result = await client.request('textDocument/hover', { textDocument: { uri: project.uri(file) }, position });
  return result;
};

test('a param used in an expression: its declaration, doc and value per stage', async () => {
  const result = await hover('functions.jaws', functionsJaws.at.tableUse);
  assert.equal(result.contents.kind, 'markdown');
  const text = result.contents.value;
  assert.match(text, /param tableName: string = "todos-\$\{stage\}"/);
  assert.match(text, /The table's name\./);
  assert.match(text, /dev \(us-east-1\): `"todos-dev"`/);
  assert.match(text, /prod \(us-east-1\), prod \(eu-west-1\): `"todos"`/);
  // The range is the name under the cursor.
  assert.deepEqual(result.range.start, functionsJaws.at.tableUse);
  assert.equal(result.range.end.character - result.range.start.character, 'tableName'.length);
});

test('the param at its declaration, and the stage key that sets it', async () => {
  const decl = (await hover('project.jaws', projectJaws.at.paramDecl)).contents.value;
  assert.match(decl, /param tableName: string/);
  const key = (await hover('project.jaws', projectJaws.at.stageKey)).contents.value;
  assert.match(key, /param tableName/);
  // The value it gets in that stage (both of its regions), and nothing about dev.
  assert.match(key, /prod \(us-east-1\), prod \(eu-west-1\): `"todos"`/);
});

test('an attribute key: the schema field, its stdlib description and its value', async () => {
  const memory = (await hover('project.jaws', projectJaws.at.projectMemory)).contents.value;
  assert.match(memory, /memory: size @min\(128MB\) @max\(10240MB\)/);
  assert.match(memory, /The default memory of every function/);
  assert.match(memory, /Value in every stage: `256MB`/);

  const runtime = (await hover('functions.jaws', functionsJaws.at.runtimeKey)).contents.value;
  assert.match(runtime, /runtime\?: Runtime = project\.runtime/);
  assert.match(runtime, /The Lambda runtime\./);
  assert.match(runtime, /`"nodejs22\.x"`/);
});

test('a function, a route target and a type: kind and doc', async () => {
  const fn = (await hover('functions.jaws', functionsJaws.at.listDecl)).contents.value;
  assert.match(fn, /function listTodos/);
  assert.match(fn, /Lists every todo\./);
  assert.match(fn, /nodejs22\.x, 256MB, 3s, src\/todos\.list/);
  const target = (await hover('functions.jaws', functionsJaws.at.routeTarget)).contents.value;
  assert.match(target, /function listTodos/);
  const type = (await hover('functions.jaws', functionsJaws.at.todoUse)).contents.value;
  assert.match(type, /type Todo \{ 2 fields \}/);
  assert.match(type, /One item\./);
  const field = (await hover('functions.jaws', functionsJaws.at.titleField)).contents.value;
  assert.match(field, /title: string/);
});

test('builtins and members: their description and value', async () => {
  const stage = (await hover('project.jaws', projectJaws.at.stageBuiltin)).contents.value;
  assert.match(stage, /The name of the stage being evaluated/);
  assert.match(stage, /dev \(us-east-1\): `"dev"`/);
  const arn = (await hover('functions.jaws', functionsJaws.at.arnMember)).contents.value;
  assert.match(arn, /listTodos\.arn/);
  assert.match(arn, /<listTodos\.arn>/);
});

test('nothing to say about a keyword', async () => {
  assert.equal(await hover('functions.jaws', functionsJaws.at.functionKeyword), null);
});
