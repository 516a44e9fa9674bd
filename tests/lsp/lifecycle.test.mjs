// The base protocol and the lifecycle: framing, JSON-RPC errors, requests
// before initialize and after shutdown, exit codes, unknown methods and
// files the server has never seen. The server must answer or ignore every
// message and never crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RawServer } from './raw.mjs';

const initialize = (id) => ({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

test('requests before initialize get ServerNotInitialized; initialize answers capabilities', async () => {
  const server = new RawServer();
  server.send({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: {} });
  assert.equal((await server.response(1)).error.code, -32002);
  server.send(initialize(2));
  const init = await server.response(2);
  const caps = init.result.capabilities;
  assert.equal(caps.positionEncoding, 'utf-16');
  assert.equal(caps.textDocumentSync.change, 2);
  for (const provider of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider',
    'documentFormattingProvider']) {
    assert.equal(caps[provider], true, provider);
  }
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.completionProvider.triggerCharacters.includes('"'));
  assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix']);
  server.send(initialize(3));
  assert.equal((await server.response(3)).error.code, -32600);
  server.send({ jsonrpc: '2.0', id: 4, method: 'shutdown' });
  assert.equal((await server.response(4)).result, null);
  server.send({ jsonrpc: '2.0', id: 5, method: 'textDocument/hover', params: {} });
  assert.equal((await server.response(5)).error.code, -32600);
  server.send({ jsonrpc: '2.0', method: 'exit' });
  assert.deepEqual(await server.exited, { code: 0, signal: null });
});

test('exit without shutdown exits with 1; end of input ends the server', async () => {
  const a = new RawServer();
  a.send(initialize(1));
  await a.response(1);
  a.send({ jsonrpc: '2.0', method: 'exit' });
  assert.deepEqual(await a.exited, { code: 1, signal: null });

  const b = new RawServer();
  b.send(initialize(1));
  await b.response(1);
  b.child.stdin.end();
  assert.deepEqual(await b.exited, { code: 1, signal: null });
});

test('"params": null is no params: shutdown answers, exit ends with 0 after shutdown and 1 without', async () => {
  // Several editors send null params for the methods that take none.
  const a = new RawServer();
  a.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  await a.response(1);
  a.send({ jsonrpc: '2.0', method: 'initialized', params: null });
  a.send({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null });
  const shutdown = await a.response(2);
  assert.equal(shutdown.error, undefined, JSON.stringify(shutdown));
  assert.equal(shutdown.result, null);
  a.send({ jsonrpc: '2.0', method: 'exit', params: null });
  assert.deepEqual(await a.exited, { code: 0, signal: null });

  const b = new RawServer();
  b.send(initialize(1));
  await b.response(1);
  b.send({ jsonrpc: '2.0', method: 'exit', params: null });
  assert.deepEqual(await b.exited, { code: 1, signal: null });

  // A method that needs params still says so.
  const c = new RawServer();
  c.send(initialize(1));
  await c.response(1);
  c.send({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: null });
  assert.equal((await c.response(2)).error.code, -32602);
  c.send({ jsonrpc: '2.0', method: 'exit' });
  assert.equal((await c.exited).code, 1);
});

test('malformed frames and JSON get JSON-RPC errors and the server keeps going', async () => {
  const server = new RawServer();
  server.send(initialize(1));
  await server.response(1);

  // Broken JSON: parse error, id null.
  server.frame('{"jsonrpc": "2.0", "id": 2, "method": ');
  let m = await server.next((x) => x.error && x.id === null);
  assert.equal(m.error.code, -32700);
  // A header block without Content-Length.
  server.writeRaw('Content-Type: application/vscode-jsonrpc\r\n\r\n');
  m = await server.next((x) => x.error && x.id === null);
  assert.equal(m.error.code, -32700);
  // A Content-Length that is not a number.
  server.writeRaw('Content-Length: twelve\r\n\r\n');
  m = await server.next((x) => x.error && x.id === null);
  assert.equal(m.error.code, -32700);
  // Garbage before a real frame: one error, then the frame is read.
  server.writeRaw('garbage that is no header\r\nContent-Length: 46\r\n\r\n{"jsonrpc":"2.0","id":20,"method":"jaws/nope"}');
  m = await server.next((x) => x.error && x.id === null);
  assert.equal(m.error.code, -32700);
  assert.equal((await server.response(20)).error.code, -32601);
  // A Content-Length too long swallows the next frame's start: the frame
  // after that is read again.
  server.writeRaw('Content-Length: 60\r\n\r\n{"jsonrpc":"2.0","id":21,"method":"jaws/nope"}');
  server.send({ jsonrpc: '2.0', id: 22, method: 'jaws/nope' });
  server.send({ jsonrpc: '2.0', id: 23, method: 'jaws/nope' });
  assert.equal((await server.response(23)).error.code, -32601);
  // (The parse errors of the swallowed frames came before that answer.)
  assert.ok(server.messages.filter((x) => x.error && x.id === null).length >= 1);
  server.messages = server.messages.filter((x) => !(x.error && x.id === null));
  // Invalid UTF-8 inside the JSON.
  const bad = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);  // {"\xff\xfe":1}
  server.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${bad.length}\r\n\r\n`), bad]));
  m = await server.next((x) => x.error && x.id === null);
  assert.equal(m.error.code, -32700);
  // Valid JSON that is no request: invalid request, with the id when there is one.
  server.frame('[1, 2, 3]');
  m = await server.next((x) => x.error && x.id === null);
  assert.equal(m.error.code, -32600);
  server.send({ jsonrpc: '2.0', id: 3, method: 42 });
  assert.equal((await server.response(3)).error.code, -32600);
  server.send({ jsonrpc: '1.0', id: 4, method: 'shutdown' });
  assert.equal((await server.response(4)).error.code, -32600);
  server.send({ jsonrpc: '2.0', id: 5, method: 'textDocument/hover', params: 'nope' });
  assert.equal((await server.response(5)).error.code, -32600);
  // A response from the client to nothing: ignored.
  server.send({ jsonrpc: '2.0', id: 99, result: null });

  // Unknown request: method not found. Unknown notification: no answer.
  server.send({ jsonrpc: '2.0', method: 'jaws/somethingNew', params: {} });
  server.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 1 } });
  server.send({ jsonrpc: '2.0', id: 6, method: 'jaws/somethingNew', params: {} });
  assert.equal((await server.response(6)).error.code, -32601);

  // Wrong params: invalid params, not a crash.
  server.send({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/x.jaws' } } });
  const wrong = await server.response(7);
  assert.ok(wrong.error?.code === -32602 || wrong.result === null, JSON.stringify(wrong));
  server.send({ jsonrpc: '2.0', id: 8, method: 'textDocument/hover', params: { textDocument: {}, position: { line: 0, character: 0 } } });
  assert.equal((await server.response(8)).error.code, -32602);
  // Broken notifications are dropped.
  server.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 42 } } });
  server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: {} });

  // Still alive and answering.
  server.send({ jsonrpc: '2.0', id: 9, method: 'shutdown' });
  assert.equal((await server.response(9)).result, null);
  server.send({ jsonrpc: '2.0', method: 'exit' });
  assert.equal((await server.exited).code, 0);
});

test('requests about files the server has never seen get empty results', async () => {
  const server = new RawServer();
  server.send(initialize(1));
  await server.response(1);
  const doc = { uri: 'file:///nonexistent/folder/never.jaws' };
  const position = { line: 3, character: 4 };
  const asks = [
    ['textDocument/hover', { textDocument: doc, position }],
    ['textDocument/completion', { textDocument: doc, position }],
    ['textDocument/definition', { textDocument: doc, position }],
    ['textDocument/references', { textDocument: doc, position, context: { includeDeclaration: true } }],
    ['textDocument/prepareRename', { textDocument: doc, position }],
    ['textDocument/documentSymbol', { textDocument: doc }],
    ['textDocument/formatting', { textDocument: doc, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/codeAction', { textDocument: doc, range: { start: position, end: position }, context: { diagnostics: [] } }],
    ['textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position }],
    ['textDocument/hover', { textDocument: { uri: 'file:///etc/hostname' }, position }],
  ];
  let id = 10;
  for (const [method, params] of asks) {
    server.send({ jsonrpc: '2.0', id, method, params });
    const answer = await server.response(id);
    const empty = answer.result === null || (Array.isArray(answer.result) && answer.result.length === 0) ||
      (answer.result && Array.isArray(answer.result.items) && answer.result.items.length === 0);
    assert.ok(empty || answer.error, `${method}: ${JSON.stringify(answer)}`);
    id += 1;
  }
  server.send({ jsonrpc: '2.0', id: 99, method: 'textDocument/rename', params: { textDocument: doc, position, newName: 'x' } });
  assert.ok((await server.response(99)).error);
  server.send({ jsonrpc: '2.0', id: 100, method: 'shutdown' });
  await server.response(100);
  server.send({ jsonrpc: '2.0', method: 'exit' });
  assert.equal((await server.exited).code, 0);
});

test('messages split at any byte and several in one chunk are read alike', async () => {
  const server = new RawServer();
  const frames = [initialize(1), { jsonrpc: '2.0', id: 2, method: 'shutdown' }]
    .map((m) => { const b = JSON.stringify(m); return `Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`; })
    .join('');
  for (let i = 0; i < frames.length; i += 7) {
    server.writeRaw(frames.slice(i, i + 7));
    await new Promise((r) => setTimeout(r, 1));
  }
  assert.ok((await server.response(1)).result.capabilities);
  assert.equal((await server.response(2)).result, null);
  server.writeRaw('Content-Length: 33\r\n\r\n{"jsonrpc":"2.0","method":"exit"}');
  assert.equal((await server.exited).code, 0);
});
