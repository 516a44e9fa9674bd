// Go to definition, find references, rename (with prepareRename refusing
// keywords, builtins and stdlib names) and document symbols.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, shareOneServer } from './harness.mjs';
import { files, functionsJaws, projectJaws } from './fixtures.mjs';

let project;
let client;
shareOneServer(files, (opened) => ({ project, client } = opened));

const at = (file, position) => ({ textDocument: { uri: project.uri(file) }, position });
const span = (position, length) => ({ start: position, end: { line: position.line, character: position.character + length } });

test('definition: from a use in one file to the declaration in another', async () => {
  const result = await client.request('textDocument/definition', at('functions.jaws', functionsJaws.at.tableUse));
  assert.deepEqual(result, { uri: project.uri('project.jaws'), range: span(projectJaws.at.paramDecl, 'tableName'.length) });
  const target = await client.request('textDocument/definition', at('functions.jaws', functionsJaws.at.routeTarget));
  assert.deepEqual(target.range, span(functionsJaws.at.listDecl, 'listTodos'.length));
  const type = await client.request('textDocument/definition', at('functions.jaws', functionsJaws.at.todoUse));
  assert.deepEqual(type.range, span(functionsJaws.at.todoDecl, 'Todo'.length));
  // A stage key that sets a param leads to the param.
  const key = await client.request('textDocument/definition', at('project.jaws', projectJaws.at.stageKey));
  assert.deepEqual(key.range, span(projectJaws.at.paramDecl, 'tableName'.length));
  // Builtins and keywords have no declaration in the project.
  assert.equal(await client.request('textDocument/definition', at('project.jaws', projectJaws.at.stageBuiltin)), null);
  assert.equal(await client.request('textDocument/definition', at('functions.jaws', functionsJaws.at.functionKeyword)), null);
});

test('references: every use, across files, with or without the declaration', async () => {
  const params = { ...at('functions.jaws', functionsJaws.at.tableUse), context: { includeDeclaration: true } };
  const all = await client.request('textDocument/references', params);
  const where = all.map((l) => `${l.uri.endsWith('project.jaws') ? 'project' : 'functions'}:${l.range.start.line}:${l.range.start.character}`).sort();
  assert.deepEqual(where, [
    `functions:${functionsJaws.at.tableUse.line}:${functionsJaws.at.tableUse.character}`,
    `project:${projectJaws.at.paramDecl.line}:${projectJaws.at.paramDecl.character}`,
    `project:${projectJaws.at.stageKey.line}:${projectJaws.at.stageKey.character}`,
  ].sort());
  const uses = await client.request('textDocument/references', { ...params, context: { includeDeclaration: false } });
  assert.equal(uses.length, 2);
  const fnRefs = await client.request('textDocument/references', { ...at('functions.jaws', functionsJaws.at.listDecl), context: { includeDeclaration: true } });
  assert.equal(fnRefs.length, 3);  // the declaration, the route, `listTodos.arn`
});

test('prepareRename: a range for project names, null for keywords, builtins and stdlib names', async () => {
  const ok = await client.request('textDocument/prepareRename', at('functions.jaws', functionsJaws.at.tableUse));
  assert.deepEqual(ok, { range: span(functionsJaws.at.tableUse, 'tableName'.length), placeholder: 'tableName' });
  for (const [file, position, what] of [
    ['functions.jaws', functionsJaws.at.functionKeyword, 'a keyword'],
    ['project.jaws', projectJaws.at.stageBuiltin, 'a builtin'],
    ['project.jaws', projectJaws.at.projectMemory, 'a stdlib attribute'],
    ['functions.jaws', functionsJaws.at.runtimeKey, 'a stdlib attribute'],
    ['functions.jaws', functionsJaws.at.arnMember, 'a member'],
  ]) {
    assert.equal(await client.request('textDocument/prepareRename', at(file, position)), null, what);
  }
  // A stdlib type name.
  const withRuntime = `${files['functions.jaws']}\nparam rt: Runtime = "nodejs22.x"\n`;
  await client.open(project.uri('functions.jaws'), withRuntime, 1);
  const line = withRuntime.split('\n').length - 2;
  assert.equal(await client.request('textDocument/prepareRename', at('functions.jaws', { line, character: 10 })), null);
  await client.close(project.uri('functions.jaws'));
});

test('rename: every reference in every file; bad names are refused', async () => {
  const params = { ...at('project.jaws', projectJaws.at.paramDecl), newName: 'tableId' };
  const edit = await client.request('textDocument/rename', params);
  const projectEdits = edit.changes[project.uri('project.jaws')];
  const functionEdits = edit.changes[project.uri('functions.jaws')];
  assert.equal(projectEdits.length, 2);
  assert.equal(functionEdits.length, 1);
  for (const e of [...projectEdits, ...functionEdits]) assert.equal(e.newText, 'tableId');
  assert.deepEqual(functionEdits[0].range, span(functionsJaws.at.tableUse, 'tableName'.length));
  for (const bad of ['function', 'stage', 'listTodos', '9lives', 'a-b', 'GET']) {
    await assert.rejects(client.request('textDocument/rename', { ...params, newName: bad }), (e) => e.code < 0, bad);
  }
  await assert.rejects(client.request('textDocument/rename', { ...at('project.jaws', projectJaws.at.projectMemory), newName: 'mem' }));
});

test('document symbols: declarations, routes under apis, fields under types', async () => {
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: project.uri('functions.jaws') } });
  assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['Todo', 23], ['listTodos', 12], ['todoApi', 5], ['tableArn', 7]]);
  const todo = symbols[0];
  assert.deepEqual(todo.children.map((c) => [c.name, c.kind, c.detail]), [['id', 8, ': string'], ['title', 8, ': string']]);
  assert.deepEqual(todo.selectionRange, span(functionsJaws.at.todoDecl, 4));
  const api = symbols[2];
  assert.deepEqual(api.children.map((c) => [c.name, c.kind, c.detail]), [['GET /todos', 6, '-> listTodos']]);
  assert.equal(symbols[1].detail, '"src/todos.list"');
  const top = await client.request('textDocument/documentSymbol', { textDocument: { uri: project.uri('project.jaws') } });
  assert.deepEqual(top.map((s) => s.name), ['todo', 'tableName', 'dev', 'prod']);
  // Without hierarchical support: a flat list with containers.
  const flatClient = await Client.start({ folders: [project.dir], capabilities: {} });
  const flat = await flatClient.request('textDocument/documentSymbol', { textDocument: { uri: project.uri('functions.jaws') } });
  assert.ok(flat.some((s) => s.name === 'GET /todos' && s.containerName === 'todoApi' && s.location.uri === project.uri('functions.jaws')));
  await flatClient.stop();
});
