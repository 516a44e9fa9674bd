// Runs exports of one ES module on Lambda events: reads a JSON list of
// {"export", "event"} on stdin and prints a JSON list of {"result"} or
// {"error"}. What the handler logs goes to stderr, keeping stdout JSON.
import { pathToFileURL } from "node:url";

console.log = (...args) => console.error(...args);
const mod = await import(pathToFileURL(process.argv[2]).href);
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const call of JSON.parse(input)) {
  try {
    if (typeof mod[call.export] !== "function") throw new Error(`no export ${call.export}`);
    out.push({ result: (await mod[call.export](call.event, {})) ?? null });
  } catch (error) {
    out.push({ error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(out));
