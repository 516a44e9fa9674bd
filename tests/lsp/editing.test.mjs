// Formatting (the same formatter as `jaws fmt`), quick fixes from the
// diagnostics' fix-its, and a file with a syntax error in the middle whose
// later declarations still get hover, completion and semantic diagnostics.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { Client, jawsBin, marked, shareOneServer } from './harness.mjs';
import { files } from './fixtures.mjs';

let project;
let client;
shareOneServer(files, (opened) => ({ project, client } = opened));

// Applies LSP text edits (non-overlapping) to a text.
function applyEdits(text, edits) {
  const offset = (pos) => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < pos.line; i += 1) o += lines[i].length + 1;
    return o + pos.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('formatting: the whole document as `jaws fmt` lays it out; formatted text gives no edits', async () => {
  const uri = project.uri('ugly.jaws');
  const ugly = 'function   ugly{handler="src/todos.list"   // the handler\n   memory=256MB\n    timeout   = 10s}\n';
  await client.open(uri, ugly, 1);
  const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  assert.equal(edits.length, 1);
  const expected = spawnSync(jawsBin, ['fmt', '-'], { input: ugly, encoding: 'utf8' }).stdout;
  assert.ok(expected.includes('// the handler'));
  const formatted = applyEdits(ugly, edits);
  assert.equal(formatted, expected);
  await client.change(uri, 2, [{ text: formatted }]);
  assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  // A file with a syntax error is not formatted.
  await client.change(uri, 3, [{ text: 'function ugly { handler = = }\n' }]);
  await assert.rejects(client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
    (e) => /syntax|JW1/.test(e.message));
  await client.close(uri);
});

test('quick fixes: the fix-its of did-you-mean diagnostics, which fix the file when applied', async () => {
  const uri = project.uri('typos.jaws');
  const text = 'function typos {\n  handler = "src/todos.list"\n  memroy  = 256MB\n}\napi typoApi {\n  GET /typo -> listTodo\n}\n';
  await client.open(uri, text, 1);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length >= 2);
  let fixed = text;
  for (const code of ['JW3001', 'JW2106']) {
    const diagnostic = published.diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, code);
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const [action] = actions;
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.equal(action.diagnostics[0].code, code);
    assert.match(action.title, code === 'JW3001' ? /memory/ : /listTodos/);
    fixed = applyEdits(fixed, action.edit.changes[uri]);
  }
  assert.match(fixed, /memory  = 256MB/);
  assert.match(fixed, /-> listTodos/);
  await client.change(uri, 2, [{ text: fixed }]);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics.filter((d) => d.severity === 1), []);
  // Nothing to fix on a clean line.
  assert.deepEqual(await client.request('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, context: { diagnostics: [] },
  }), []);
  await client.close(uri);
});

test('a syntax error in the middle: later declarations still get diagnostics, hover and completion', async () => {
  const { text, at } = marked(`function early {
  handler = "src/todos.list"
}

function broken {
  handler = = "x"
  memory 512MB
}

/// After the error.
function /*after*/late {
  handler = "src/todos.list"
  /*afterMemory*/memory  = 12MB
  /*afterNew*/
}
`);
  const uri = project.uri('broken.jaws');
  await client.open(uri, text, 1);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const codes = published.diagnostics.map((d) => d.code);
  assert.ok(codes.some((c) => c.startsWith('JW1')), `a syntax error in ${codes}`);
  // The semantic error of the declaration after it: 12MB is below the minimum.
  const below = published.diagnostics.find((d) => d.code === 'JW3004');
  assert.ok(below, JSON.stringify(published.diagnostics));
  assert.equal(below.range.start.line, at.afterMemory.line);

  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at.after });
  assert.match(hover.contents.value, /function late/);
  assert.match(hover.contents.value, /After the error\./);
  const memory = await client.request('textDocument/hover', { textDocument: { uri }, position: at.afterMemory });
  assert.match(memory.contents.value, /Memory: 128MB to 10240MB/);
  const completion = await client.request('textDocument/completion', { textDocument: { uri }, position: at.afterNew });
  const labels = completion.items.map((i) => i.label);
  assert.ok(labels.includes('timeout') && !labels.includes('memory'), labels.join());
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['early', 'broken', 'late']);
  await client.close(uri);
});

test('the handler lint offers to create the missing handler module, with `jaws stubs`\' content', async () => {
  const uri = project.uri('newhandler.jaws');
  const text = 'function createItem {\n  handler = "src/items.create"\n}\napi itemApi {\n  POST /items -> createItem { body: Todo  returns 201: Todo }\n}\n';
  await client.open(uri, text, 1);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
  const lint = published.diagnostics.find((d) => d.code.startsWith('JW5') && /items/.test(d.message));
  assert.ok(lint, JSON.stringify(published.diagnostics));
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri }, range: lint.range, context: { diagnostics: [lint] },
  });
  const stub = actions.find((a) => /Create handler stub src\/items\.mjs/.test(a.title));
  assert.ok(stub, JSON.stringify(actions));
  assert.equal(stub.kind, 'quickfix');
  const [create, edit] = stub.edit.documentChanges;
  assert.deepEqual(create, { kind: 'create', uri: project.uri('src/items.mjs'), options: { ignoreIfExists: true } });
  assert.equal(edit.textDocument.uri, project.uri('src/items.mjs'));
  const contents = edit.edits[0].newText;
  assert.match(contents, /export (async )?(function|const) create\b|export \{[^}]*\bcreate\b/);
  assert.match(contents, /501/);
  // What the client does with it: the file appears, the server hears of it, the lint goes.
  fs.writeFileSync(project.file('src/items.mjs'), contents);
  for (const change of stub.edit.documentChanges.slice(2)) {
    if (change.kind === 'create') fs.writeFileSync(new URL(change.uri), '');
    else if (change.textDocument) fs.writeFileSync(new URL(change.textDocument.uri), change.edits[0].newText);
  }
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: project.uri('src/items.mjs'), type: 1 }] });
  await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === lint.code));
  // Without resource operations the client is not offered a file it cannot create.
  const plain = await Client.start({ folders: [project.dir], capabilities: {} });
  const other = project.uri('newhandler2.jaws');
  await plain.open(other, 'function deleteItem {\n  handler = "src/more.remove"\n}\n', 1);
  const p = await plain.waitForDiagnostics(other, (x) => x.version === 1 && x.diagnostics.some((d) => d.code.startsWith('JW5')));
  const lint2 = p.diagnostics.find((d) => /more/.test(d.message));
  const none = await plain.request('textDocument/codeAction', { textDocument: { uri: other }, range: lint2.range, context: { diagnostics: [lint2] } });
  assert.ok(!none.some((a) => /Create handler stub/.test(a.title)));
  await plain.stop();
  await client.close(uri);
});
