// The Node.js runtime client of `jaws serve` and `jaws invoke`: what Lambda's
// own runtime does, in a few lines. It loads the handler named by _HANDLER
// from LAMBDA_TASK_ROOT, then loops on the Lambda Runtime API at
// AWS_LAMBDA_RUNTIME_API: GET .../invocation/next, call the handler, POST
// .../response or .../error. A failure to load is reported to .../init/error.
// The jaws binary carries this file and runs it with `node --input-type=module -e`.
import http from "node:http";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const base = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;

// One request on a fresh connection (no keep-alive: nothing to go stale
// between two invocations). A connection error means jaws is gone: exit.
function call(method, url, body, headers = {}) {
  return new Promise((resolve) => {
    const request = http.request(url, { method, agent: false, headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    request.on("error", () => process.exit(0));
    if (body !== undefined) request.write(body);
    request.end();
  });
}

function post(url, value, headers = {}) {
  const body = JSON.stringify(value) ?? "null";
  return call("POST", url, body, { "Content-Type": "application/json", ...headers });
}

function errorPayload(error, type) {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    errorType: type ?? e.name ?? "Error",
    errorMessage: e.message,
    trace: typeof e.stack === "string" ? e.stack.split("\n") : [],
  };
}

// `src/todos.list`: the module is `src/todos` (a .js, .mjs or .cjs file), the
// function `list` (a dotted path reaches nested exports, as in Lambda).
async function loadHandler() {
  const root = process.env.LAMBDA_TASK_ROOT;
  const handler = process.env._HANDLER ?? "";
  const slash = handler.lastIndexOf("/");
  const dot = handler.indexOf(".", slash + 1);
  if (dot < 0) throw Object.assign(new Error(`Bad handler ${handler}`), { lambdaType: "Runtime.MalformedHandlerName" });
  const modulePath = handler.slice(0, dot);
  const names = handler.slice(dot + 1).split(".");
  const file = [".js", ".mjs", ".cjs"].map((ext) => path.resolve(root, modulePath + ext)).find((f) => existsSync(f));
  if (!file) {
    throw Object.assign(new Error(`Cannot find module '${modulePath}'`), { lambdaType: "Runtime.ImportModuleError" });
  }
  let target;
  try {
    target = await import(pathToFileURL(file).href);
  } catch (e) {
    e.lambdaType = e.lambdaType ?? "Runtime.UserCodeSyntaxError";
    throw e;
  }
  for (const name of names) target = target?.[name] ?? target?.default?.[name];
  if (typeof target !== "function") {
    throw Object.assign(new Error(`${handler} is undefined or not exported`), { lambdaType: "Runtime.HandlerNotFound" });
  }
  return target;
}

function contextFrom(headers) {
  const deadline = Number(headers["lambda-runtime-deadline-ms"]);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers["lambda-runtime-aws-request-id"],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

// Async handlers return a promise; older ones take a callback (three arguments).
function run(handler, event, context) {
  if (handler.length >= 3) {
    return new Promise((resolve, reject) => {
      const callback = (error, result) => (error ? reject(error) : resolve(result));
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === "function") returned.then(resolve, reject);
    });
  }
  return Promise.resolve().then(() => handler(event, context));
}

let handler;
try {
  handler = await loadHandler();
} catch (e) {
  console.error(e?.stack ?? String(e));
  await post(`${base}/init/error`, errorPayload(e, e?.lambdaType), { "Lambda-Runtime-Function-Error-Type": e?.lambdaType ?? "Runtime.Unknown" });
  process.exit(1);
}

for (;;) {
  const next = await call("GET", `${base}/invocation/next`);
  if (next.status !== 200) process.exit(0);
  const id = next.headers["lambda-runtime-aws-request-id"];
  if (next.headers["lambda-runtime-trace-id"]) process.env._X_AMZN_TRACE_ID = next.headers["lambda-runtime-trace-id"];
  try {
    const result = await run(handler, JSON.parse(next.body), contextFrom(next.headers));
    let body;
    try {
      body = JSON.stringify(result === undefined ? null : result);
    } catch (e) {
      await post(`${base}/invocation/${id}/error`, errorPayload(e, "Runtime.MarshalError"));
      continue;
    }
    await call("POST", `${base}/invocation/${id}/response`, body, { "Content-Type": "application/json" });
  } catch (e) {
    console.error(e?.stack ?? String(e));
    await post(`${base}/invocation/${id}/error`, errorPayload(e), { "Lambda-Runtime-Function-Error-Type": "Unhandled" });
  }
}
