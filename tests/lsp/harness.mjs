// Test harness: starts the real `jaws lsp` binary (its path comes from CTest
// in JAWS_BIN) and talks to it through vscode-languageserver-protocol, the
// library VS Code's own client is built on. Also writes fixture projects to
// temporary folders and finds `/*marker*/` positions in fixture texts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';

const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  PublishDiagnosticsNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidSaveTextDocumentNotification,
} = protocol;

export const jawsBin = process.env.JAWS_BIN;
if (!jawsBin) throw new Error('set JAWS_BIN to the jaws binary');

// The URI VS Code would use for a path.
export const uriOf = (file) => pathToFileURL(file).href;

// Removes `/*name*/` markers from a text; returns the text and each marker's
// LSP position (line and UTF-16 character, which is what JS strings count).
export function marked(source) {
  const positions = {};
  let text = '';
  let line = 0;
  let character = 0;
  const re = /\/\*([A-Za-z0-9_]+)\*\//y;
  for (let i = 0; i < source.length;) {
    re.lastIndex = i;
    const m = re.exec(source);
    if (m) {
      positions[m[1]] = { line, character };
      i = re.lastIndex;
      continue;
    }
    const c = source[i];
    text += c;
    if (c === '\n') {
      line += 1;
      character = 0;
    } else {
      character += 1;
    }
    i += 1;
  }
  return { text, at: positions };
}

// Writes files ({ relativePath: text }) below a new temporary folder.
export function writeProject(files, name = 'project') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jaws-lsp-'));
  const dir = path.join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { root, dir, file: (rel) => path.join(dir, rel), uri: (rel) => uriOf(path.join(dir, rel)) };
}

export function removeProject(project) {
  fs.rmSync(project.root, { recursive: true, force: true });
}

// `jaws check --format json` on a folder, for comparing with the server.
export function checkJson(dir) {
  const run = spawnSync(jawsBin, ['check', '--format', 'json', dir], { encoding: 'utf8', cwd: dir });
  return JSON.parse(run.stdout);
}

export const defaultCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
  workspace: {
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
};

export class Client {
  constructor(child) {
    this.child = child;
    this.stderr = '';
    child.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.diagnostics = new Map();  // uri -> latest params
    this.registrations = [];       // what the server registered (client/registerCapability)
    this.connection.onRequest('client/registerCapability', (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.waiters = [];
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.waiters = this.waiters.filter((w) => !w.check());
    });
    this.connection.listen();
  }

  // Starts a server and initializes it with the given workspace folders.
  static async start({ folders = [], rootUri = undefined, capabilities = defaultCapabilities, args = [] } = {}) {
    const child = spawn(jawsBin, ['lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new Client(child);
    const workspaceFolders = folders.length ? folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })) : null;
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: rootUri ?? (folders.length ? uriOf(folders[0]) : null),
      workspaceFolders,
      capabilities,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  request(method, params) { return this.connection.sendRequest(method, params); }
  notify(method, params) { return this.connection.sendNotification(method, params); }

  open(uri, text, version = 1) {
    return this.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jaws', version, text } });
  }
  change(uri, version, contentChanges) {
    return this.notify(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }
  save(uri) { return this.notify(DidSaveTextDocumentNotification.type, { textDocument: { uri } }); }
  close(uri) { return this.notify(DidCloseTextDocumentNotification.type, { textDocument: { uri } }); }

  // Resolves with the first publishDiagnostics for `uri` (already received
  // or coming) that satisfies `accept`.
  waitForDiagnostics(uri, accept = () => true, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          const params = this.diagnostics.get(uri);
          if (params && accept(params)) {
            clearTimeout(waiter.timer);
            resolve(params);
            return true;
          }
          return false;
        },
      };
      if (waiter.check()) return;
      waiter.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async stop() {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const exit = await this.exited;
    this.connection.dispose();
    return exit;
  }
}

// Codes of a diagnostics list, sorted, for compact assertions.
export const codes = (params) => params.diagnostics.map((d) => d.code).sort();

// One project and one server shared by every test of a file: registers the
// node:test hooks that write the project and start the server before the
// first test, and stop and remove them after the last. `use` receives
// { project, client } once they exist (and is awaited: it may open files).
export function shareOneServer(files, use) {
  let opened;
  before(async () => {
    const project = writeProject(files);
    opened = { project, client: await Client.start({ folders: [project.dir] }) };
    await use(opened);
  });
  after(async () => {
    await opened.client.stop();
    removeProject(opened.project);
  });
}
