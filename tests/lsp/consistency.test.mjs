// The server's incremental diagnostics equal a fresh `jaws check` of the same
// texts after each of many random edits: insertions and deletions in open
// documents, renames across files (open and unopened), saves, files
// rewritten, created and deleted on disk, documents opened and closed. The
// server keeps parsed trees and file texts between checks; a cache that went
// stale would show here as a difference. Fixed seeds, so a failure repeats.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Client, jawsBin, removeProject, uriOf, writeProject } from './harness.mjs';
import { files as fixtureFiles } from './fixtures.mjs';

// mulberry32: a small seeded generator, so every run makes the same edits.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const extraJaws = `/// Items of another list.
function archiveTodos {
  handler = "src/todos.list"
  env     = { TABLE = tableName }
}

api archiveApi {
  GET /archive -> archiveTodos { returns: Todo[] }
}
`;

// Pieces inserted at random places: valid declarations, broken ones, and
// attributes that are wrong in some places and fine in others.
const snippets = [
  '\nfunction extra { handler = "src/todos.list" }\n',
  '\nfunction extra { handler = "src/todos.list"\n  memory = 12MB }\n',
  '\ntype Extra { id: string }\n',
  '\n  memory = 12MB\n',
  '\n  timeout = 99m\n',
  '}',
  '{',
  '"',
  ' x ',
  '\noutput extraOut = listTodos.arn\n',
  '\nparam extraParam: string = "x"\n',
];
// Names renamed across every file; each group's members replace each other.
const renames = [['Todo', 'Item', 'Entry'], ['tableName', 'table', 'tableId'], ['listTodos', 'listAll']];

// LSP positions (0-based line, UTF-16 character) of a text offset; the
// texts stay ASCII, so characters are code units.
function positionOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function lspPosition(text, line, column) {
  const lineText = text.split('\n')[line - 1] ?? '';
  return { line: line - 1, character: [...lineText].slice(0, column - 1).join('').length };
}

// One diagnostic as a string in a fixed key order, for order-free comparison.
const key = ({ code, severity, message, range }) => JSON.stringify({
  code, severity, message,
  range: [range.start.line, range.start.character, range.end.line, range.end.character],
});

// What `jaws check` says about these texts, per file name, as the server
// would publish it. The texts are written to a mirror folder of the same name.
function expectedDiagnostics(mirrorDir, projectDir, texts) {
  fs.rmSync(mirrorDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(mirrorDir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(mirrorDir, 'src', 'todos.mjs'), fixtureFiles['src/todos.mjs']);
  for (const [name, text] of Object.entries(texts)) fs.writeFileSync(path.join(mirrorDir, name), text);
  const run = spawnSync(jawsBin, ['check', '--format', 'json', mirrorDir], { encoding: 'utf8', cwd: mirrorDir });
  const report = JSON.parse(run.stdout);
  const names = Object.keys(texts).sort();
  const byFile = Object.fromEntries(names.map((n) => [n, []]));
  for (const d of report.diagnostics) {
    // A diagnostic without a place is shown at the start of the first file.
    const name = d.file ? path.basename(d.file) : names[0];
    const text = texts[name];
    const range = d.file
      ? { start: lspPosition(text, d.line, d.column), end: lspPosition(text, d.endLine, d.endColumn) }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    byFile[name].push(key({
      code: d.code,
      severity: { error: 1, warning: 2, info: 3, hint: 4 }[d.severity],
      message: d.message.replaceAll(mirrorDir, projectDir),
      range,
    }));
  }
  for (const list of Object.values(byFile)) list.sort();
  return byFile;
}

function published(client, dir, names) {
  const byFile = {};
  for (const name of names) {
    const params = client.diagnostics.get(uriOf(path.join(dir, name)));
    byFile[name] = (params?.diagnostics ?? [])
      .map((d) => key({ code: d.code, severity: d.severity, message: d.message, range: d.range }))
      .sort();
  }
  return byFile;
}

async function randomSession(seed, steps, files = { ...fixtureFiles, 'archive.jaws': extraJaws }) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const project = writeProject(files);
  const mirrorDir = path.join(project.root, 'mirror', 'project');
  const client = await Client.start({ folders: [project.dir] });
  const open = new Map();  // name -> { text, version }
  const onDisk = () => fs.readdirSync(project.dir).filter((f) => f.endsWith('.jaws')).sort();
  const diskText = (name) => fs.readFileSync(project.file(name), 'utf8');
  const watched = (changes) => client.notify('workspace/didChangeWatchedFiles', {
    changes: changes.map(([name, type]) => ({ uri: project.uri(name), type })),
  });
  const setOpenText = async (name, text) => {
    const doc = open.get(name);
    doc.version += 1;
    doc.text = text;
    await client.change(project.uri(name), doc.version, [{ text }]);
  };
  const editRange = async (name, start, end, insert) => {
    const doc = open.get(name);
    const range = { start: positionOf(doc.text, start), end: positionOf(doc.text, end) };
    doc.text = doc.text.slice(0, start) + insert + doc.text.slice(end);
    doc.version += 1;
    await client.change(project.uri(name), doc.version, [{ range, text: insert }]);
  };
  const log = [];
  try {
    for (const name of ['functions.jaws', 'project.jaws']) {
      open.set(name, { text: diskText(name), version: 1 });
      await client.open(project.uri(name), open.get(name).text, 1);
    }
    for (let step = 0; step < steps; step += 1) {
      const openNames = [...open.keys()];
      const closedNames = onDisk().filter((n) => !open.has(n));
      const roll = next();
      if (roll < 0.3 && openNames.length) {
        const name = pick(openNames);
        const { text } = open.get(name);
        const at = Math.floor(next() * (text.length + 1));
        const snippet = pick(snippets);
        log.push(`${step}: insert ${JSON.stringify(snippet)} into ${name} at ${at}`);
        await editRange(name, at, at, snippet);
      } else if (roll < 0.45 && openNames.length) {
        const name = pick(openNames);
        const { text } = open.get(name);
        const start = Math.floor(next() * text.length);
        const end = Math.min(text.length, start + 1 + Math.floor(next() * 20));
        log.push(`${step}: delete ${start}..${end} of ${name}`);
        await editRange(name, start, end, '');
      } else if (roll < 0.6) {
        // A rename across every file: open documents change in the editor,
        // the others on disk (reported, as an editor's refactoring would).
        const group = pick(renames);
        const all = [...new Set([...openNames, ...onDisk()])];
        const textOf = (n) => (open.has(n) ? open.get(n).text : diskText(n));
        const from = group.find((n) => all.some((f) => new RegExp(`\\b${n}\\b`).test(textOf(f)))) ?? group[0];
        const to = pick(group.filter((n) => n !== from));
        log.push(`${step}: rename ${from} -> ${to}`);
        const pattern = new RegExp(`\\b${from}\\b`, 'g');
        const changedOnDisk = [];
        for (const n of all) {
          if (!pattern.test(textOf(n))) continue;
          const renamed = textOf(n).replace(pattern, to);
          if (open.has(n)) {
            await setOpenText(n, renamed);
          } else {
            fs.writeFileSync(project.file(n), renamed);
            changedOnDisk.push([n, 2]);
          }
        }
        if (changedOnDisk.length) await watched(changedOnDisk);
      } else if (roll < 0.7 && openNames.length) {
        const name = pick(openNames);
        log.push(`${step}: save ${name}`);
        fs.writeFileSync(project.file(name), open.get(name).text);
        await client.save(project.uri(name));
        await watched([[name, 2]]);
      } else if (roll < 0.78 && closedNames.length) {
        // An unopened file rewritten on disk: reported, or (half the time)
        // not, with an open document edited next so the project is checked.
        const name = pick(closedNames);
        const text = diskText(name);
        const at = Math.floor(next() * (text.length + 1));
        const snippet = pick(snippets);
        fs.writeFileSync(project.file(name), text.slice(0, at) + snippet + text.slice(at));
        if (next() < 0.5 || !openNames.length) {
          log.push(`${step}: rewrite ${name} on disk, reported`);
          await watched([[name, 2]]);
        } else {
          const other = pick(openNames);
          log.push(`${step}: rewrite ${name} on disk unreported; edit ${other}`);
          await editRange(other, 0, 0, ' ');
        }
      } else if (roll < 0.84) {
        const name = `new${step}.jaws`;
        log.push(`${step}: create ${name}`);
        fs.writeFileSync(project.file(name), pick(snippets.slice(0, 3)).trim() + '\n');
        await watched([[name, 1]]);
      } else if (roll < 0.88 && closedNames.some((n) => n.startsWith('new'))) {
        const name = pick(closedNames.filter((n) => n.startsWith('new')));
        log.push(`${step}: delete ${name}`);
        fs.rmSync(project.file(name));
        await watched([[name, 3]]);
      } else if (roll < 0.94 && closedNames.length) {
        const name = pick(closedNames);
        log.push(`${step}: open ${name}`);
        open.set(name, { text: diskText(name), version: 1 });
        await client.open(project.uri(name), open.get(name).text, 1);
      } else if (openNames.length > 1) {
        const name = pick(openNames);
        log.push(`${step}: close ${name} (unsaved edits dropped)`);
        open.delete(name);
        await client.close(project.uri(name));
      } else {
        continue;
      }
      // A request answers after the check it waits for has published.
      await client.request('textDocument/documentSymbol', { textDocument: { uri: project.uri('project.jaws') } });
      const names = [...new Set([...onDisk(), ...open.keys()])].sort();
      const texts = Object.fromEntries(names.map((n) => [n, open.has(n) ? open.get(n).text : diskText(n)]));
      const expected = expectedDiagnostics(mirrorDir, project.dir, texts);
      const actual = published(client, project.dir, names);
      assert.deepEqual(actual, expected, `seed ${seed}, after:\n${log.slice(-8).join('\n')}`);
    }
  } finally {
    await client.stop();
    removeProject(project);
  }
  return log;
}

for (const seed of [1, 2, 3]) {
  test(`incremental diagnostics equal a fresh check after random edits (seed ${seed})`, async () => {
    const log = await randomSession(seed, 40);
    // The walk did what it is for: edits of every kind happened.
    for (const kind of ['insert', 'delete', 'rename', 'save', 'rewrite']) {
      assert.ok(log.some((line) => line.includes(` ${kind}`)), `seed ${seed} made no ${kind}: ${log.join('; ')}`);
    }
  });
}

// With `split = "always"` every target's split is predicted on each check, and
// the server predicts it from the templates it kept since the last check
// (emit/TemplateReuse.h): the same random edits, the same comparison.
test('incremental diagnostics of split stacks equal a fresh check after random edits (seed 4)', async () => {
  const project = fixtureFiles['project.jaws'].replace('regions      = ["us-east-1"]', 'regions      = ["us-east-1"]\n  split        = "always"');
  assert.notEqual(project, fixtureFiles['project.jaws']);
  const log = await randomSession(4, 30, { ...fixtureFiles, 'project.jaws': project, 'archive.jaws': extraJaws });
  assert.ok(log.some((line) => line.includes(' insert')), log.join('; '));
});
