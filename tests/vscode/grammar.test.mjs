// The VS Code extension's TextMate grammar, tokenized the way VS Code does it
// (vscode-textmate with the Oniguruma engine): every .jaws file under
// examples/ and the focused sample here are compared with their token
// baselines under baselines/ (JAWS_UPDATE_BASELINES=1 rewrites them), and the
// sample's key tokens are checked one by one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const grammarPath = path.join(root, 'editors/vscode/syntaxes/jaws.tmLanguage.json');
const baselineDir = path.join(here, 'baselines');
const updating = process.env.JAWS_UPDATE_BASELINES === '1';

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.jaws' ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  return registry.loadGrammar('source.jaws');
}

// Every line with its tokens; whitespace-only tokens are left out.
function tokenize(grammar, text) {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    const tokens = result.tokens
      .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }))
      .filter((t) => t.text.trim() !== '');
    return { line, tokens };
  });
}

function render(lines) {
  let out = '';
  for (const { line, tokens } of lines) {
    out += `> ${line}\n`;
    for (const t of tokens) out += `  ${JSON.stringify(t.text)} ${t.scopes.join(' ') || '-'}\n`;
  }
  return out;
}

function jawsFilesUnder(folder) {
  if (!fs.existsSync(folder)) return [];
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') files.push(...jawsFilesUnder(full));
    if (entry.isFile() && entry.name.endsWith('.jaws')) files.push(full);
  }
  return files.sort();
}

const grammar = await loadGrammar();
const inputs = [path.join(here, 'sample.jaws'), ...jawsFilesUnder(path.join(root, 'examples'))];
const baselinePath = (input) =>
  path.join(baselineDir, path.relative(input.startsWith(here) ? here : root, input) + '.tokens');

test('every example and the sample tokenize as in their baselines', () => {
  assert.ok(inputs.length > 1, 'no example found');
  for (const input of inputs) {
    const actual = render(tokenize(grammar, fs.readFileSync(input, 'utf8')));
    const baseline = baselinePath(input);
    if (updating) {
      fs.mkdirSync(path.dirname(baseline), { recursive: true });
      if (!fs.existsSync(baseline) || fs.readFileSync(baseline, 'utf8') !== actual) fs.writeFileSync(baseline, actual);
      continue;
    }
    const relative = path.relative(root, baseline);
    assert.ok(fs.existsSync(baseline), `${relative} is missing (JAWS_UPDATE_BASELINES=1 writes it)`);
    assert.equal(actual, fs.readFileSync(baseline, 'utf8'), `${relative} differs (JAWS_UPDATE_BASELINES=1 rewrites it)`);
  }
  // A baseline whose input is gone is stale.
  const expected = new Set(inputs.map(baselinePath));
  for (const baseline of walk(baselineDir)) {
    if (expected.has(baseline)) continue;
    if (updating) fs.rmSync(baseline);
    else assert.fail(`stale baseline without an input: ${path.relative(root, baseline)}`);
  }
});

function walk(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

// The scopes of the `occurrence`-th token spelled `text` on the sample's line
// that contains `lineMark`.
const sample = tokenize(grammar, fs.readFileSync(path.join(here, 'sample.jaws'), 'utf8'));
function scopesOf(lineMark, text, occurrence = 0) {
  const line = sample.find((l) => l.line.includes(lineMark));
  assert.ok(line, `no sample line contains ${lineMark}`);
  const tokens = line.tokens.filter((t) => t.text === text);
  assert.ok(tokens.length > occurrence, `no token ${JSON.stringify(text)} on: ${line.line}`);
  return tokens[occurrence].scopes;
}
function assertScope(lineMark, text, scope, occurrence = 0) {
  const scopes = scopesOf(lineMark, text, occurrence);
  assert.ok(scopes.includes(scope), `${JSON.stringify(text)} on "${lineMark}": expected ${scope}, got ${scopes.join(' ')}`);
}
function assertNotScope(lineMark, text, scope, occurrence = 0) {
  const scopes = scopesOf(lineMark, text, occurrence);
  assert.ok(!scopes.includes(scope), `${JSON.stringify(text)} on "${lineMark}": unexpected ${scope}`);
}

test('comments: line, block and documentation comments', () => {
  assertScope('// The grammar', '// The grammar\'s focused sample: every construct the TextMate grammar colors.'.slice(2), 'comment.line.double-slash.jaws');
  assertScope('/// A documented', ' A documented project.', 'comment.line.documentation.jaws');
  assertScope('/* a block', '/*', 'punctuation.definition.comment.begin.jaws');
  assertScope('comment */', '*/', 'comment.block.jaws');
});

test('keywords and declaration names', () => {
  assertScope('import "', 'import', 'keyword.control.import.jaws');
  assertScope('project sample', 'project', 'storage.type.project.jaws');
  assertScope('project sample', 'sample', 'entity.name.namespace.jaws');
  assertScope('function listTodos', 'listTodos', 'entity.name.function.jaws');
  assertScope('type Todo {', 'Todo', 'entity.name.type.jaws');
  assertScope('param tableName', 'tableName', 'variable.other.constant.jaws');
  assertScope('resource todos', '"AWS::DynamoDB::Table"', 'support.class.resource-type.jaws');
  assertScope('let logic', 'true', 'constant.language.jaws');
  assertScope('let logic', 'null', 'constant.language.jaws');
  assertScope('let cond', 'stage', 'variable.language.jaws');
});

test('builtin functions: jwt() among them', () => {
  assertScope('auth = authorizer(listTodos)', 'authorizer', 'support.function.builtin.jaws');
  assertScope('auth = jwt(', 'jwt', 'support.function.builtin.jaws');
});

test('routes: HTTP methods, paths and their parameters, contextual keywords', () => {
  assertScope('GET    /todos ', 'GET', 'keyword.other.http-method.jaws');
  assertScope('GET    /todos ', '/todos', 'string.unquoted.route-path.jaws');
  assertScope('GET    /todos ', '->', 'keyword.operator.arrow.jaws');
  assertScope('GET    /todos ', 'listTodos', 'entity.name.function.jaws');
  assertScope('GET    /todos ', 'query', 'keyword.other.route-item.jaws');
  assertScope('GET    /todos ', 'limit', 'variable.parameter.jaws');
  assertScope('GET    /todos ', 'returns', 'keyword.other.route-item.jaws');
  assertScope('POST   /todos ', 'body', 'keyword.other.route-item.jaws');
  assertScope('POST   /todos ', '201', 'constant.numeric.status.jaws');
  assertScope('DELETE /todos/{id}', 'id', 'variable.parameter.path.jaws');
  assertScope('DELETE /todos/{id}', 'header', 'keyword.other.route-item.jaws');
  assertScope('ANY    /files', 'key', 'variable.parameter.path.jaws');
  assertScope('ANY    /files', '+', 'keyword.operator.greedy.jaws');
  // Outside an api block, `path` and `body` are plain names.
  assertNotScope('let path', 'path', 'keyword.other.route-item.jaws');
  assertNotScope('inner: { body', 'body', 'keyword.other.route-item.jaws');
});

test('strings: escapes and interpolation', () => {
  assertScope('let escapes', '\\"', 'constant.character.escape.jaws');
  assertScope('let escapes', '\\u{1F600}', 'constant.character.escape.jaws');
  assertScope('let escapes', '\\$', 'constant.character.escape.jaws');
  assertScope('let escapes', '\\q', 'invalid.illegal.escape.jaws');
  assertScope('param tableName', '${', 'punctuation.definition.interpolation.begin.jaws');
  assertScope('param tableName', 'stage', 'meta.interpolation.jaws');
  assertScope('param tableName', 'stage', 'variable.language.jaws');
  assertScope('let nested', 'tableName', 'meta.interpolation.jaws');
});

test('numbers with size and duration units', () => {
  assertScope('memory       = 256MB', 'MB', 'keyword.other.unit.jaws');
  assertScope('memory       = 256MB', 'MB', 'constant.numeric.size.jaws');
  assertScope('timeout      = 10s', 's', 'constant.numeric.duration.jaws');
  assertScope('slow', 'ms', 'constant.numeric.duration.jaws');
  assertScope('ratio', '0.5', 'constant.numeric.decimal.jaws');
  assertScope('count', '-3', 'constant.numeric.integer.jaws');
  assertScope('bad', '10sec', 'invalid.illegal.number.jaws');
});

test('decorators and types after a colon', () => {
  assertScope('@secure param', 'secure', 'entity.name.function.decorator.jaws');
  assertScope('id: Id @format', 'format', 'entity.name.function.decorator.jaws');
  assertScope('param tableName', 'string', 'support.type.primitive.jaws');
  assertScope('id: Id @format', 'Id', 'entity.name.type.jaws');
  assertScope('tags?: string[]', '[]', 'punctuation.definition.list.jaws');
  assertScope('labels: map<string>', 'map', 'support.type.primitive.jaws');
  assertScope('level: 1 | 2 | 3', '|', 'keyword.operator.union.jaws');
  assertScope('returns: Todo[]', 'Todo', 'entity.name.type.jaws');
  assertScope('type Id = string', 'string', 'support.type.primitive.jaws');
  assertScope('| "high"', '|', 'keyword.operator.union.jaws');
  // A conditional's `:` is not a type annotation.
  assertNotScope('let cond', '256', 'entity.name.type.jaws');
  assertScope('let cond', 'MB', 'constant.numeric.size.jaws', 1);
});
