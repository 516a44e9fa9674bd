// A raw pipe to `jaws lsp`, for what a client library would never send:
// malformed headers, broken JSON, requests out of order.
import { spawn } from 'node:child_process';
import { jawsBin } from './harness.mjs';

export class RawServer {
  constructor() {
    this.child = spawn(jawsBin, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.buffer = Buffer.alloc(0);
    this.messages = [];
    this.waiters = [];
    this.stderr = '';
    this.child.stderr.on('data', (c) => { this.stderr += c; });
    this.child.stdout.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  parse() {
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = this.buffer.subarray(0, end).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.messages.push(JSON.parse(body));
      this.waiters = this.waiters.filter((w) => !w());
    }
  }

  writeRaw(text) { this.child.stdin.write(text); }
  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }
  frame(body) {
    const bytes = Buffer.from(body, 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  }

  // The next message (in arrival order) that `accept` takes; messages before
  // it that it does not take stay for later calls.
  next(accept = () => true, timeoutMs = 15000) {
    return new Promise((resolve, reject) => {
      const take = () => {
        const i = this.messages.findIndex(accept);
        if (i < 0) return false;
        const [m] = this.messages.splice(i, 1);
        clearTimeout(timer);
        resolve(m);
        return true;
      };
      const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(this.messages)}; stderr ${this.stderr}`)), timeoutMs);
      if (!take()) this.waiters.push(take);
    });
  }
  response(id) { return this.next((m) => m.id === id && !('method' in m)); }
}
