// The extension's manifest and client, without VS Code: package.json and the
// language configuration are checked against the grammar, and extension.js
// runs against stand-ins for the `vscode` and `vscode-languageclient` modules
// that record how it starts `jaws lsp`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, '../../editors/vscode');
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));

test('the manifest contributes the language, its grammar and the jaws.path setting', () => {
  const language = manifest.contributes.languages.find((l) => l.id === 'jaws');
  assert.ok(language, 'language jaws');
  assert.deepEqual(language.extensions, ['.jaws']);
  assert.ok(manifest.activationEvents.includes('onLanguage:jaws'));
  const grammar = manifest.contributes.grammars.find((g) => g.language === 'jaws');
  const grammarFile = JSON.parse(fs.readFileSync(path.join(extensionDir, grammar.path), 'utf8'));
  assert.equal(grammarFile.scopeName, grammar.scopeName);
  const configuration = JSON.parse(fs.readFileSync(path.join(extensionDir, language.configuration), 'utf8'));
  assert.equal(configuration.comments.lineComment, '//');
  assert.deepEqual(configuration.comments.blockComment, ['/*', '*/']);
  assert.deepEqual(configuration.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
  assert.equal(manifest.contributes.configuration.properties['jaws.path'].type, 'string');
  assert.ok(manifest.dependencies['vscode-languageclient']);
  assert.ok(manifest.devDependencies['@vscode/vsce']);
  assert.ok(fs.existsSync(path.join(extensionDir, manifest.main)));
});

// ---- stand-ins for the modules VS Code provides ----

function fakeWorld({ jawsPath = '', startFails = false } = {}) {
  const world = { clients: [], errors: [], configListeners: [], settings: { path: jawsPath }, commands: {} };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
      world.clients.push(this);
    }
    async start() {
      if (startFails) throw new Error('spawn jaws ENOENT');
      this.started = true;
    }
    async stop() {
      this.stopped = true;
    }
  }
  const vscode = {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => (section === 'jaws' ? world.settings[key] : undefined) }),
      workspaceFolders: [{ uri: { fsPath: '/projects/demo' } }],
      createFileSystemWatcher: (glob) => ({ glob }),
      onDidChangeConfiguration: (listener) => {
        world.configListeners.push(listener);
        return { dispose() {} };
      },
    },
    window: {
      showErrorMessage: async (message) => {
        world.errors.push(message);
        return undefined;
      },
    },
    commands: {
      registerCommand: (name, callback) => {
        world.commands[name] = callback;
        return { dispose() {} };
      },
      executeCommand: async () => undefined,
    },
  };
  return { world, vscode, languageclient: { LanguageClient } };
}

// Loads a fresh copy of extension.js with the stand-ins in place.
function loadExtension(fakes) {
  const entry = path.join(extensionDir, manifest.main);
  const originalLoad = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return fakes.vscode;
    if (request === 'vscode-languageclient/node') return fakes.languageclient;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    delete Module._cache[entry];
    return Module.createRequire(entry)(entry);
  } finally {
    Module._load = originalLoad;
  }
}

const context = () => ({ subscriptions: [] });

test('activation starts `jaws lsp` from the PATH over stdio for .jaws documents', async () => {
  const fakes = fakeWorld();
  const extension = loadExtension(fakes);
  await extension.activate(context());
  assert.equal(fakes.world.clients.length, 1);
  const client = fakes.world.clients[0];
  assert.equal(client.id, 'jaws');
  assert.ok(client.started);
  assert.deepEqual(client.serverOptions.run, { command: 'jaws', args: ['lsp'] });
  assert.equal(client.serverOptions.run.transport, undefined, 'no --stdio argument is added');
  assert.ok(client.clientOptions.documentSelector.some((s) => s.language === 'jaws' && s.scheme === 'file'));
  assert.equal(client.clientOptions.synchronize.fileEvents.glob, '**/*.jaws');
  assert.ok(fakes.world.commands['jaws.restartServer']);
});

test('the jaws.path setting chooses the binary; relative paths are resolved in the workspace', async () => {
  for (const [setting, command] of [
    ['/opt/jaws/bin/jaws', '/opt/jaws/bin/jaws'],
    ['build/compiler/jaws', '/projects/demo/build/compiler/jaws'],
    ['  jaws-dev  ', 'jaws-dev'],
  ]) {
    const fakes = fakeWorld({ jawsPath: setting });
    await loadExtension(fakes).activate(context());
    assert.equal(fakes.world.clients[0].serverOptions.run.command, command, setting);
  }
});

test('changing jaws.path restarts the server with the new binary', async () => {
  const fakes = fakeWorld();
  await loadExtension(fakes).activate(context());
  fakes.world.settings.path = '/usr/local/bin/jaws';
  for (const listener of fakes.world.configListeners) await listener({ affectsConfiguration: (s) => s === 'jaws.path' });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(fakes.world.clients.length, 2);
  assert.ok(fakes.world.clients[0].stopped);
  assert.equal(fakes.world.clients[1].serverOptions.run.command, '/usr/local/bin/jaws');
});

test('a server that cannot start is reported, naming the command and the setting', async () => {
  const fakes = fakeWorld({ startFails: true });
  await loadExtension(fakes).activate(context());
  assert.equal(fakes.world.errors.length, 1);
  assert.match(fakes.world.errors[0], /"jaws lsp"/);
  assert.match(fakes.world.errors[0], /jaws\.path/);
});
