// Every request at every position of broken and unusual texts: the server
// answers each (a result or a JSON-RPC error) and stays alive. Under the
// sanitizers this is where an out-of-range offset or a null node would show.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shareOneServer } from './harness.mjs';
import { files } from './fixtures.mjs';

let project;
let client;
shareOneServer(files, (opened) => ({ project, client } = opened));

const texts = [
  // Cut off everywhere a user types.
  'project p {\n  runtime = "nodejs22.x\n}\nstage dev {\nfunction f { handler = "x.y"  memory = \napi a { GET /x/{id -> f { path id: } }\n',
  // Unbalanced brackets, stray characters, an unterminated comment.
  'function g { env = { A = [1, {2: }], B = ssm( }\n]]]}}})) @@ # $ \n/* never closed\n',
  // Non-ASCII: UTF-16 surrogate pairs and combining marks around names.
  'let e = "🦈${tableName}é̂" // 😀\nfunction h { handler = "src/todos.list"  description = "ü🦈" }\noutput o = h.arn\n',
  // Empty.
  '',
];

const requests = (uri, position) => [
  ['textDocument/hover', { textDocument: { uri }, position }],
  ['textDocument/completion', { textDocument: { uri }, position }],
  ['textDocument/definition', { textDocument: { uri }, position }],
  ['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }],
  ['textDocument/prepareRename', { textDocument: { uri }, position }],
  ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }],
];

test('every request at every position of broken texts gets an answer', async () => {
  const uri = project.uri('fuzz.jaws');
  let version = 1;
  await client.open(uri, '', version);
  let answered = 0;
  for (const text of texts) {
    version += 1;
    await client.change(uri, version, [{ text }]);
    const lines = text.split('\n');
    // Positions past the end of lines and of the file too.
    for (let line = 0; line <= lines.length; line += 1) {
      const width = (lines[line] ?? '').length;
      for (let character = 0; character <= width + 1; character += 1) {
        const pending = requests(uri, { line, character }).map(([method, params]) =>
          client.request(method, params).then(() => true, (e) => e.code < 0));
        for (const ok of await Promise.all(pending)) {
          assert.ok(ok);
          answered += 1;
        }
      }
    }
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })
      .catch((e) => assert.ok(e.code < 0));
  }
  assert.ok(answered > 1000, String(answered));
  // Incremental edits with ranges past the end are clamped, not fatal.
  version += 1;
  await client.change(uri, version, [{ range: { start: { line: 99, character: 5 }, end: { line: 120, character: 0 } }, text: '\nlet z = 1\n' }]);
  await client.waitForDiagnostics(uri, (p) => p.version === version);
});
