// The Jaws extension's client: starts `jaws lsp` (the language server, which
// speaks LSP over stdin/stdout) for .jaws files and restarts it when the
// `jaws.path` setting changes. Highlighting needs no server: it comes from
// the TextMate grammar in syntaxes/.
'use strict';

const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

// The binary to run: the `jaws.path` setting, else `jaws` from the PATH.
function jawsCommand() {
  let configured = (vscode.workspace.getConfiguration('jaws').get('path') || '').trim();
  if (!configured) return 'jaws';
  if (configured === '~' || configured.startsWith('~/')) configured = path.join(os.homedir(), configured.slice(1));
  const folders = vscode.workspace.workspaceFolders;
  if (!path.isAbsolute(configured) && configured.includes('/') && folders && folders.length > 0) {
    configured = path.join(folders[0].uri.fsPath, configured);
  }
  return configured;
}

async function startClient() {
  const command = jawsCommand();
  // No `transport` on purpose: the client would add `--stdio` to the
  // arguments; `jaws lsp` always talks over stdio.
  const executable = { command, args: ['lsp'] };
  const serverOptions = { run: executable, debug: executable };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'jaws' },
      { scheme: 'untitled', language: 'jaws' },
    ],
    synchronize: {
      // A project is a folder: the server re-checks when any .jaws file of it
      // changes on disk, open or not.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.jaws'),
    },
    outputChannelName: 'Jaws',
  };
  client = new LanguageClient('jaws', 'Jaws Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const message = error && error.message ? error.message : String(error);
    client = undefined;
    const choice = await vscode.window.showErrorMessage(
      `Jaws: could not start "${command} lsp" (${message}). Put jaws on the PATH or set "jaws.path".`,
      'Open Settings'
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'jaws.path');
    }
  }
}

async function stopClient() {
  if (!client) return;
  const running = client;
  client = undefined;
  try {
    await running.stop();
  } catch {
    // Already stopped (the server may have exited on its own).
  }
}

async function restartClient() {
  await stopClient();
  await startClient();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('jaws.restartServer', restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('jaws.path')) restartClient();
    }),
    { dispose: () => stopClient() }
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, jawsCommand };
