// Diagnostics as you type: published for every .jaws file of a workspace
// folder (open or not) with the codes, ranges, severities and related notes
// of `jaws check`; incremental edits; a change in one file re-checking the
// files that depend on it; clearing when fixed; workspace folders coming and
// going.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { Client, checkJson, codes, removeProject, uriOf, writeProject } from './harness.mjs';
import { files } from './fixtures.mjs';

// `jaws check --format json` positions are 1-based lines and code-point
// columns; LSP's are 0-based lines and UTF-16 characters.
function lspPosition(text, line, column) {
  const lineText = text.split('\n')[line - 1] ?? '';
  return { line: line - 1, character: [...lineText].slice(0, column - 1).join('').length };
}

function expectedFromCheck(dir, fileName) {
  const text = fs.readFileSync(`${dir}/${fileName}`, 'utf8');
  return checkJson(dir).diagnostics
    .filter((d) => d.file && d.file.endsWith(fileName))
    .map((d) => ({
      code: d.code,
      severity: { error: 1, warning: 2, info: 3, hint: 4 }[d.severity],
      message: d.message,
      range: { start: lspPosition(text, d.line, d.column), end: lspPosition(text, d.endLine, d.endColumn) },
      notes: d.notes.map((n) => n.message).concat(d.help ? [`help: ${d.help}`] : []),
    }));
}

const summary = (params) => params.diagnostics.map((d) => ({
  code: d.code,
  severity: d.severity,
  message: d.message,
  range: d.range,
  notes: (d.relatedInformation ?? []).map((r) => r.message),
}));

// Errors spread over two files, one of them never opened; a non-ASCII
// string before an error checks the UTF-16 columns.
const broken = {
  ...files,
  'functions.jaws': `${files['functions.jaws']}
function second {
  handler = "src/todos.list"
  description = "😀 émoji"  memroy = 512MB
  timeout = 99m
}
api other {
  GET /x -> listTodo
}
`,
};

test('diagnostics of every file match `jaws check`, without opening anything', async () => {
  const project = writeProject(broken);
  const client = await Client.start({ folders: [project.dir] });
  try {
    const published = await client.waitForDiagnostics(project.uri('functions.jaws'), (p) => p.diagnostics.length > 0);
    const expected = expectedFromCheck(project.dir, 'functions.jaws');
    assert.ok(expected.length >= 3, JSON.stringify(expected));
    assert.deepEqual(summary(published), expected);
    for (const d of published.diagnostics) assert.equal(d.source, 'jaws');
    // The did-you-mean notes point at their place.
    const unknownFunction = published.diagnostics.find((d) => d.code === 'JW2106');
    assert.ok(unknownFunction.relatedInformation.some((r) => r.message.includes('listTodos')));
    // project.jaws is clean: nothing, or an empty list.
    const clean = client.diagnostics.get(project.uri('project.jaws'));
    assert.ok(!clean || clean.diagnostics.length === 0);
  } finally {
    await client.stop();
    removeProject(project);
  }
});

test('incremental edits: ranges in UTF-16, the diagnostics follow the text, fixed problems are cleared', async () => {
  const project = writeProject(files);
  const client = await Client.start({ folders: [project.dir] });
  const uri = project.uri('functions.jaws');
  try {
    let text = files['functions.jaws'];
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 0);

    // Insert a line with an emoji (two UTF-16 units) and a typo after it.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('handler = "src/todos.list"'));
    const insert = '  description = "🦈 jaws" memroy = 512MB\n';
    await client.change(uri, 2, [{ range: { start: { line: at + 1, character: 0 }, end: { line: at + 1, character: 0 } }, text: insert }]);
    let p = await client.waitForDiagnostics(uri, (x) => x.version === 2 && x.diagnostics.length > 0);
    const typo = p.diagnostics.find((d) => d.code === 'JW3001');
    assert.ok(typo, JSON.stringify(p));
    // "memroy" starts after `  description = "🦈 jaws" `: 26 UTF-16 units.
    assert.deepEqual(typo.range, { start: { line: at + 1, character: 26 }, end: { line: at + 1, character: 32 } });

    // Replace only the typo (a range inside the line, after the emoji).
    await client.change(uri, 3, [{ range: { start: { line: at + 1, character: 26 }, end: { line: at + 1, character: 32 } }, text: 'memory' }]);
    p = await client.waitForDiagnostics(uri, (x) => x.version === 3);
    assert.deepEqual(codes(p), []);

    // A multi-line deletion and two changes in one notification.
    await client.change(uri, 4, [
      { range: { start: { line: at + 1, character: 0 }, end: { line: at + 2, character: 0 } }, text: '' },
      { range: { start: { line: at, character: 2 }, end: { line: at, character: 9 } }, text: 'handlr' },
    ]);
    p = await client.waitForDiagnostics(uri, (x) => x.version === 4);
    assert.ok(codes(p).includes('JW3001') && codes(p).includes('JW3002'), JSON.stringify(p));

    // The server's text equals ours: check the same text from disk.
    text = `${lines.slice(0, at).join('\n')}\n  handlr = "src/todos.list"\n${lines.slice(at + 1).join('\n')}`;
    fs.writeFileSync(project.file('functions.jaws'), text);
    assert.deepEqual(summary(p), expectedFromCheck(project.dir, 'functions.jaws'));

    // A full-text change fixes everything; the diagnostics are cleared.
    await client.change(uri, 5, [{ text: files['functions.jaws'] }]);
    p = await client.waitForDiagnostics(uri, (x) => x.version === 5);
    assert.deepEqual(p.diagnostics, []);
  } finally {
    await client.stop();
    removeProject(project);
  }
});

test('a change in one file re-checks the file that depends on it, open or not', async () => {
  const project = writeProject(files);
  const client = await Client.start({ folders: [project.dir] });
  const projectUri = project.uri('project.jaws');
  const functionsUri = project.uri('functions.jaws');
  try {
    await client.open(projectUri, files['project.jaws'], 1);
    await client.waitForDiagnostics(projectUri, (p) => p.version === 1);
    // Renaming the param in project.jaws breaks its use in functions.jaws,
    // which is not open.
    const renamed = files['project.jaws'].replaceAll('tableName', 'tableId');
    await client.change(projectUri, 2, [{ text: renamed }]);
    const broke = await client.waitForDiagnostics(functionsUri, (p) => p.diagnostics.some((d) => d.code === 'JW2105'));
    const unknown = broke.diagnostics.find((d) => d.code === 'JW2105');
    assert.match(unknown.message, /tableName/);
    // Undo: functions.jaws is clean again, and told so.
    await client.change(projectUri, 3, [{ text: files['project.jaws'] }]);
    await client.waitForDiagnostics(functionsUri, (p) => p.diagnostics.length === 0);
    // Closing a document with unsaved edits brings the disk's text back.
    await client.change(projectUri, 4, [{ text: renamed }]);
    await client.waitForDiagnostics(functionsUri, (p) => p.diagnostics.length > 0);
    await client.close(projectUri);
    await client.waitForDiagnostics(functionsUri, (p) => p.diagnostics.length === 0);
  } finally {
    await client.stop();
    removeProject(project);
  }
});

test('a new file that exists only in the editor joins its folder\'s project', async () => {
  const project = writeProject(files);
  const client = await Client.start({ folders: [project.dir] });
  const extraUri = project.uri('extra.jaws');
  try {
    await client.open(extraUri, 'function extra { handler = "src/todos.list" }\nfunction listTodos { handler = "src/todos.list" }\n', 1);
    const p = await client.waitForDiagnostics(extraUri, (x) => x.version === 1 && x.diagnostics.length > 0);
    // Its listTodos clashes with the one in functions.jaws: the project sees both.
    const duplicate = p.diagnostics.find((d) => d.code === 'JW2101');
    assert.ok(duplicate, JSON.stringify(p));
    assert.ok(duplicate.relatedInformation.some((r) => r.location.uri === project.uri('functions.jaws')));
  } finally {
    await client.stop();
    removeProject(project);
  }
});

test('workspace folders: added folders are checked, removed ones cleared', async () => {
  const first = writeProject(files, 'first');
  const second = writeProject({ ...files, 'functions.jaws': `${files['functions.jaws']}\nfunction bad { }\n` }, 'second');
  const client = await Client.start({ folders: [first.dir] });
  const badUri = second.uri('functions.jaws');
  try {
    await client.waitForDiagnostics(first.uri('functions.jaws'), () => true).catch(() => {});
    assert.equal(client.diagnostics.get(badUri), undefined);
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(second.dir), name: 'second' }], removed: [] },
    });
    const p = await client.waitForDiagnostics(badUri, (x) => x.diagnostics.some((d) => d.code === 'JW3002'));
    assert.ok(p.diagnostics.length > 0);
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: uriOf(second.dir), name: 'second' }] },
    });
    await client.waitForDiagnostics(badUri, (x) => x.diagnostics.length === 0);
  } finally {
    await client.stop();
    removeProject(first);
    removeProject(second);
  }
});

test('a file opened outside every workspace folder is checked with its own folder', async () => {
  const project = writeProject({ ...files, 'functions.jaws': `${files['functions.jaws']}\nfunction bad { }\n` });
  const client = await Client.start({ folders: [] });
  const uri = project.uri('functions.jaws');
  try {
    await client.open(uri, fs.readFileSync(project.file('functions.jaws'), 'utf8'), 7);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 7);
    assert.ok(codes(p).includes('JW3002'), JSON.stringify(p));
  } finally {
    await client.stop();
    removeProject(project);
  }
});

test('handler modules changed on disk re-run the handler lint; watchers are registered when the client can', async () => {
  const project = writeProject({ ...files, 'functions.jaws': files['functions.jaws'].replace('src/todos.list', 'src/later.list') });
  const capabilities = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
  const client = await Client.start({ folders: [project.dir], capabilities });
  const uri = project.uri('functions.jaws');
  try {
    const missing = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'JW5005'));
    assert.match(missing.diagnostics.find((d) => d.code === 'JW5005').message, /later/);
    // The registration follows `initialized`; the diagnostics may come first.
    const watched = () => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    for (let waited = 0; !watched() && waited < 10000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const watch = watched();
    assert.ok(watch, 'the server registers for workspace/didChangeWatchedFiles');
    const globs = watch.registerOptions.watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/*.jaws') && globs.some((g) => g.includes('mjs')) && globs.includes('**/*.py'), globs.join());
    fs.writeFileSync(project.file('src/later.mjs'), 'export async function list() { return { statusCode: 200 }; }\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: project.uri('src/later.mjs'), type: 1 }] });
    await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'JW5005'));
  } finally {
    await client.stop();
    removeProject(project);
  }
});

test('typing a new attribute above another: one error right after `=`, nothing about the next line', async () => {
  const project = writeProject(files);
  const client = await Client.start({ folders: [project.dir] });
  const uri = project.uri('functions.jaws');
  try {
    const text = files['functions.jaws'];
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 0);
    // The state of the file while `memory = 512MB` is being typed above
    // `runtime = ...`: the value is not there yet.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('runtime = "nodejs22.x"'));
    await client.change(uri, 2, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '  memory =\n' }]);
    let p = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.deepEqual(codes(p), ['JW1005'], JSON.stringify(p));
    assert.equal(p.diagnostics[0].message, 'expected an expression before identifier `runtime`');
    assert.deepEqual(p.diagnostics[0].range, { start: { line: at, character: 10 }, end: { line: at, character: 10 } });
    // The value typed: clean again.
    await client.change(uri, 3, [{ range: { start: { line: at, character: 10 }, end: { line: at, character: 10 } }, text: ' 512MB' }]);
    p = await client.waitForDiagnostics(uri, (x) => x.version === 3);
    assert.deepEqual(p.diagnostics, []);
  } finally {
    await client.stop();
    removeProject(project);
  }
});
