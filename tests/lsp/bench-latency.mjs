#!/usr/bin/env node
// Figures for docs/lsp.md (a measurement, not a test; nothing asserts on it):
// the time from a didChange to the publishDiagnostics of that version, on
// bench projects (bench/generate.py, three stages): a project whose edited
// file has about 2,000 lines, N = 1,000 functions over 100 files and
// N = 10,000 over 100 files; median, 95th percentile and worst of the edits;
// and the server's resident memory (VmRSS, VmHWM from /proc) once the project
// is open and checked.
//
//   node tests/lsp/bench-latency.mjs --jaws build-release/compiler/jaws [--edits 40]
//        [--cases single,1k,10k] [--kind break|value]
//
// Each edit alternates between breaking and fixing one attribute (memory =
// 12MB, below the minimum, and back), so the diagnostics change every time.
// With `--kind value` it alternates between two valid values instead (256MB
// and 1024MB): the function stays in the model, only its resources change.
// Edits are sequential: the next is sent when the previous one's diagnostics
// arrived.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
process.env.JAWS_BIN = path.resolve(option('--jaws', 'build/compiler/jaws'));
const edits = Number(option('--edits', '40'));
const cases = option('--cases', 'single,1k,10k').split(',');
const kind = option('--kind', 'break');
if (kind !== 'break' && kind !== 'value') throw new Error(`unknown kind ${kind} (break, value)`);
const { Client, uriOf } = await import('./harness.mjs');

const here = path.dirname(fileURLToPath(import.meta.url));
const generator = path.join(here, '..', '..', 'bench', 'generate.py');

function generate(functions, files, dir) {
  const run = spawnSync('python3', [generator, '--functions', String(functions), '--files', String(files), '--stages', '3',
    '--regions', '1', '--out', dir],
    { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  // As the files of a project a user opens: written well before the session.
  // The server keeps the text of an unopened file only once the file is a
  // second old (a file still being written may change within its
  // timestamp's granularity; a change of times is a change too), so files
  // written just now would be read from disk on every edit of the first
  // second, which no user sees.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
}

// CPU time (user + system) the server process has used, in ms: on a machine
// loaded by other work, wall times vary run to run, CPU time much less.
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;  // utime, stime in clock ticks (USER_HZ = 100)
}

// Page faults the server process has taken (minflt + majflt): on a virtual
// machine a first touch of memory costs microseconds, and a server that
// keeps faulting per edit shows here.
function faults(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return Number(fields[7]) + Number(fields[9]);
}

function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

// The nearest-rank percentile.
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
};

async function measure(label, functions, files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jaws-lsp-bench-'));
  const dir = path.join(root, 'project');
  generate(functions, files, dir);
  const file = path.join(dir, 'service_000.jaws');
  const uri = uriOf(file);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // The first `memory = ...` line of a function: the attribute that is toggled.
  const line = lines.findIndex((l) => /^\s*memory\s*=/.test(l));
  const valueStart = lines[line].indexOf('=') + 1;

  const started = process.hrtime.bigint();
  const client = await Client.start({ folders: [dir] });
  await client.open(uri, text, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 600000);
  const openMs = Number(process.hrtime.bigint() - started) / 1e6;
  const afterOpen = memory(client.child.pid);

  const times = [];
  const cpuBefore = cpuMs(client.child.pid);
  const faultsBefore = faults(client.child.pid);
  for (let i = 0; i < edits; i += 1) {
    const version = i + 2;
    const newValue = i % 2 === 0 ? (kind === 'break' ? ' 12MB' : ' 1024MB') : ' 256MB';
    const range = { start: { line, character: valueStart }, end: { line, character: lines[line].length } };
    lines[line] = lines[line].slice(0, valueStart) + newValue;
    const t0 = process.hrtime.bigint();
    await client.change(uri, version, [{ range, text: newValue }]);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version, 600000);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const broken = published.diagnostics.some((d) => d.code === 'JW3004');
    if (broken !== (kind === 'break' && i % 2 === 0)) throw new Error(`edit ${i}: unexpected diagnostics`);
  }
  const cpuPerEdit = (cpuMs(client.child.pid) - cpuBefore) / edits;
  const faultsPerEdit = (faults(client.child.pid) - faultsBefore) / edits;
  const afterEdits = memory(client.child.pid);
  await client.stop();
  fs.rmSync(root, { recursive: true, force: true });
  return {
    label, functions, files, lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text),
    openMs, median: percentile(times, 50), p95: percentile(times, 95), worst: Math.max(...times), cpuPerEdit, faultsPerEdit, afterOpen, afterEdits,
  };
}

const known = {
  single: ['~2,000-line file', 233, 1],
  '1k': ['N = 1,000 over 100 files', 1000, 100],
  '10k': ['N = 10,000 over 100 files', 10000, 100],
};
const results = [];
for (const name of cases) {
  if (!known[name]) throw new Error(`unknown case ${name} (${Object.keys(known).join(', ')})`);
  results.push(await measure(...known[name]));
}
console.log(`jaws: ${process.env.JAWS_BIN}; ${os.cpus().length} cores (${os.cpus()[0].model}); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`${edits} edits each (${kind === 'break' ? 'a function broken and mended' : 'a function\'s memory changed'}); times in ms, memory in MiB\n`);
console.log('| project | edited file | open → first diagnostics | didChange → publishDiagnostics, p50 | p95 | worst | server CPU per edit | page faults per edit | VmRSS after open | VmRSS after edits | VmHWM |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.label} (N = ${r.functions}) | ${r.lines} lines, ${(r.bytes / 1024).toFixed(0)} KiB | ${r.openMs.toFixed(0)} | ` +
    `${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.worst.toFixed(0)} | ${r.cpuPerEdit.toFixed(1)} | ${r.faultsPerEdit.toFixed(0)} | ${r.afterOpen.rss.toFixed(1)} | ${r.afterEdits.rss.toFixed(1)} | ${r.afterEdits.hwm.toFixed(1)} |`);
}
