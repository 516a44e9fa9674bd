#pragma once
// The fixed parts of a generated Node.js handler module: the adapter code
// that turns Lambda events into typed requests. Kept apart from the
// generator so the JavaScript reads as JavaScript.
namespace jaws::stubs::node {

// Every top-level name the adapter code defines, so that user-facing names
// never collide with them.
inline constexpr const char* kHelperNames[] = {
    "JawsBadRequest", "jawsDispatch", "jawsHandleHttp", "jawsParseRequest", "jawsParamValue", "jawsConvert",
    "jawsParseBody", "jawsRespond", "jawsCorsHeaders", "jawsLowerCaseKeys", "jawsAuthorize", "JAWS_CORS",
    "JAWS_INTEGER", "JAWS_NUMBER", "jawsHandleUrl", "jawsAuthorizeSimple"};

// The typedefs the adapter's JSDoc uses, so the module also passes
// `tsc --checkJs --strict`.
inline constexpr const char* kTypedefs = R"JS(/**
 * @typedef {{ origins: string[], credentials: boolean }} JawsCors
 * @typedef {{ in: "path" | "query" | "header", name: string, required: boolean,
 *   type: "string" | "integer" | "number" | "boolean" | "any", list: boolean, values?: string[] }} JawsParam
 * @typedef {{ method: string, resource: string, cors: JawsCors | null, body: boolean, params: JawsParam[],
 *   http?: boolean, handle: (request: any, event: any, context: any) => Promise<any> }} JawsRoute
 * @typedef {{ name: string, expects: string, routes?: JawsRoute[],
 *   schedule?: (event: any, context: any) => Promise<any>,
 *   authorize?: (request: any, event: any, context: any) => Promise<any>,
 *   url?: (request: any, event: any, context: any) => Promise<any>,
 *   events?: { [kind: string]: JawsEventTrigger } }} JawsTriggers
 * @typedef {{ handle: (item: any, context: any) => Promise<any>, reportFailures: boolean,
 *   anyEvent: boolean }} JawsEventTrigger
 */
)JS";

// jawsDispatch, assembled from the branches the module needs (so that it
// names no helper the module leaves out).
inline constexpr const char* kDispatchHead = R"JS(// Runs the plain function that matches the event.
/**
 * @param {any} event
 * @param {any} context
 * @param {JawsTriggers} triggers
 */
async function jawsDispatch(event, context, triggers) {
  const isObject = event !== null && typeof event === "object";
)JS";
inline constexpr const char* kDispatchAuthorizer = R"JS(  // A Lambda authorizer event (TOKEN or REQUEST).
  if (triggers.authorize && isObject && (event.type === "TOKEN" || event.type === "REQUEST") &&
      typeof event.methodArn === "string") {
    return jawsAuthorize(event, context, triggers.authorize);
  }
)JS";
inline constexpr const char* kDispatchHttp = R"JS(  // An API Gateway REST API proxy event (payload 1.0).
  if (triggers.routes && isObject && typeof event.httpMethod === "string" && typeof event.resource === "string") {
    return jawsHandleHttp(event, context, triggers.routes);
  }
)JS";
// Added (issue 11): the events of payload format 2.0.
inline constexpr const char* kDispatchAuthorizerV2 = R"JS(  // An HTTP API's Lambda authorizer event (payload 2.0).
  if (triggers.authorize && isObject && event.version === "2.0" && event.type === "REQUEST" &&
      typeof event.routeArn === "string") {
    return jawsAuthorizeSimple(event, context, triggers.authorize);
  }
)JS";
inline constexpr const char* kDispatchHttpV2 = R"JS(  // An HTTP API request (payload 2.0).
  if (triggers.routes && isObject && event.version === "2.0" && typeof event.routeKey === "string" &&
      event.routeKey !== "$default") {
    return jawsHandleHttp(event, context, triggers.routes);
  }
)JS";
inline constexpr const char* kDispatchUrl = R"JS(  // A function URL request (payload 2.0, route key $default).
  if (triggers.url && isObject && event.version === "2.0" && event.routeKey === "$default") {
    return jawsHandleUrl(event, context, triggers.url);
  }
)JS";
inline constexpr const char* kDispatchSchedule = R"JS(  // An EventBridge scheduled event.
  if (triggers.schedule && isObject && event["detail-type"] === "Scheduled Event") {
    return triggers.schedule(event, context);
  }
)JS";
inline constexpr const char* kDispatchTail = R"JS(  throw new Error(`${triggers.name} cannot handle this event: it expects ${triggers.expects}`);
}
)JS";

inline constexpr const char* kLowerCaseKeys = R"JS(/**
 * @param {Record<string, any> | null | undefined} object
 * @returns {Record<string, any>}
 */
function jawsLowerCaseKeys(object) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [key, value] of Object.entries(object ?? {})) out[key.toLowerCase()] = value;
  return out;
}
)JS";

inline constexpr const char* kHttp = R"JS(// A request the adapter rejects before your code runs: answered with 400.
class JawsBadRequest extends Error {}

/**
 * @param {any} event
 * @param {any} context
 * @param {JawsRoute[]} routes
 */
async function jawsHandleHttp(event, context, routes) {
  // REST APIs send payload 1.0 (`resource`, `httpMethod`), HTTP APIs payload
  // 2.0 (`routeKey`: "GET /items/{id}").
  const http = event.version === "2.0";
  const method = http ? event.requestContext?.http?.method : event.httpMethod;
  const resource = http ? event.routeKey.slice(event.routeKey.indexOf(" ") + 1) : event.resource;
  const route = routes.find((r) => !!r.http === http && r.resource === resource && (r.method === "ANY" || r.method === method));
  if (!route) {
    return jawsRespond({ statusCode: 404, body: { message: `No route for ${method} ${resource}` } }, null, event);
  }
  let request;
  try {
    request = jawsParseRequest(event, route);
  } catch (error) {
    if (!(error instanceof JawsBadRequest)) throw error;
    return jawsRespond({ statusCode: 400, body: { message: error.message } }, route.cors, event);
  }
  return jawsRespond(await route.handle(request, event, context), route.cors, event);
}

/**
 * @param {any} event
 * @param {JawsRoute} route
 */
function jawsParseRequest(event, route) {
  const headers = jawsLowerCaseKeys(event.headers);
  // Payload 2.0 sends cookies apart from the headers.
  if (Array.isArray(event.cookies) && headers.cookie === undefined) headers.cookie = event.cookies.join("; ");
  const multiHeaders = jawsLowerCaseKeys(event.multiValueHeaders);
  /** @type {{ path: Record<string, any>, query: Record<string, any>, headers: Record<string, any>, body?: any }} */
  const request = { path: {}, query: {}, headers: {} };
  for (const param of route.params) {
    const raw = jawsParamValue(event, param, headers, multiHeaders);
    if (raw === undefined) {
      if (param.required) throw new JawsBadRequest(`Missing required ${param.in} parameter '${param.name}'`);
      continue;
    }
    const section = param.in === "header" ? request.headers : request[param.in];
    section[param.name] = Array.isArray(raw) ? raw.map((value) => jawsConvert(value, param)) : jawsConvert(raw, param);
  }
  if (route.body) request.body = jawsParseBody(event);
  return request;
}

// API Gateway delivers every value as a string; repeated query parameters and
// headers also arrive in the multiValue maps (payload 1.0) or joined with
// commas (payload 2.0). Header names are case-insensitive.
/**
 * @param {any} event
 * @param {JawsParam} param
 * @param {Record<string, any>} headers
 * @param {Record<string, any>} multiHeaders
 * @returns {string | string[] | undefined}
 */
function jawsParamValue(event, param, headers, multiHeaders) {
  let single;
  let multi;
  if (param.in === "path") {
    single = event.pathParameters?.[param.name];
  } else if (param.in === "query") {
    single = event.queryStringParameters?.[param.name];
    multi = event.multiValueQueryStringParameters?.[param.name];
  } else {
    single = headers[param.name.toLowerCase()];
    multi = multiHeaders[param.name.toLowerCase()];
  }
  if (param.list && Array.isArray(multi)) return multi;
  if (single === undefined || single === null) return undefined;
  if (param.list && event.version === "2.0") return String(single).split(",");
  return param.list ? [single] : single;
}

const JAWS_INTEGER = /^-?[0-9]+$/;
const JAWS_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/**
 * @param {string} value
 * @param {JawsParam} param
 */
function jawsConvert(value, param) {
  const what = `${param.in} parameter '${param.name}'`;
  switch (param.type) {
    case "integer":
      if (!JAWS_INTEGER.test(value)) throw new JawsBadRequest(`The ${what} must be an integer, not '${value}'`);
      return Number(value);
    case "number":
      if (!JAWS_NUMBER.test(value)) throw new JawsBadRequest(`The ${what} must be a number, not '${value}'`);
      return Number(value);
    case "boolean":
      if (value === "true" || value === "false") return value === "true";
      throw new JawsBadRequest(`The ${what} must be true or false, not '${value}'`);
    default:
      if (param.values && !param.values.includes(value)) {
        throw new JawsBadRequest(`The ${what} must be one of ${param.values.join(", ")}, not '${value}'`);
      }
      return value;
  }
}

/** @param {any} event */
function jawsParseBody(event) {
  if (event.body === undefined || event.body === null || event.body === "") {
    throw new JawsBadRequest("The request body is missing: this route expects a JSON body");
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JawsBadRequest(`The request body is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
}
)JS";

// The response half of the HTTP adapter, which function URLs use too.
inline constexpr const char* kRespond = R"JS(// `body` is sent as JSON, unless it is a string and the result sets a
// Content-Type that is not JSON (then it is sent as it is).
/**
 * @param {any} result
 * @param {JawsCors | null} cors
 * @param {any} event
 */
function jawsRespond(result, cors, event) {
  if (result === null || typeof result !== "object" || !Number.isInteger(result.statusCode)) {
    throw new TypeError("A route handler must return { statusCode, headers?, body? }");
  }
  /** @type {Record<string, string>} */
  const headers = { ...jawsCorsHeaders(cors, event), ...(result.headers ?? {}) };
  /** @type {{ statusCode: number, headers: Record<string, string>, body?: string }} */
  const response = { statusCode: result.statusCode, headers };
  if (result.body !== undefined) {
    const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
    if (contentType === undefined) headers["Content-Type"] = "application/json";
    const asIs = typeof result.body === "string" && contentType !== undefined && !/json/i.test(contentType);
    response.body = asIs ? result.body : JSON.stringify(result.body);
  }
  return response;
}

// The CORS headers of an API that enables CORS (preflight OPTIONS requests
// are answered by API Gateway itself).
/**
 * @param {JawsCors | null} cors
 * @param {any} event
 * @returns {Record<string, string>}
 */
function jawsCorsHeaders(cors, event) {
  if (!cors) return {};
  const origin = jawsLowerCaseKeys(event.headers).origin;
  const anyOrigin = cors.origins.includes("*");
  /** @type {Record<string, string>} */
  const headers = {};
  if (anyOrigin && !cors.credentials) {
    headers["Access-Control-Allow-Origin"] = "*";
  } else {
    // The header names one origin: the caller's when it is allowed.
    const allowed = typeof origin === "string" && (anyOrigin || cors.origins.includes(origin));
    headers["Access-Control-Allow-Origin"] = allowed ? origin : cors.origins[0];
    headers.Vary = "Origin";
  }
  if (cors.credentials) headers["Access-Control-Allow-Credentials"] = "true";
  return headers;
}
)JS";

// Added (issue 11): a function URL's requests, and the simple responses of an
// HTTP API's Lambda authorizer.
inline constexpr const char* kUrl = R"JS(// A function URL request (payload 2.0): your function gets the method, the
// path, the query, the headers (names in lower case), the cookies and the body
// as text (decoded when it arrives base64-encoded).
/**
 * @param {any} event
 * @param {any} context
 * @param {(request: any, event: any, context: any) => Promise<any>} handle
 */
async function jawsHandleUrl(event, context, handle) {
  /** @type {{ method: string, path: string, query: Record<string, string>, headers: Record<string, any>,
   *   cookies: string[], body?: string }} */
  const request = {
    method: event.requestContext?.http?.method ?? "GET",
    path: event.rawPath ?? "/",
    query: event.queryStringParameters ?? {},
    headers: jawsLowerCaseKeys(event.headers),
    cookies: Array.isArray(event.cookies) ? event.cookies : [],
  };
  if (event.body !== undefined && event.body !== null) {
    request.body = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  }
  return jawsRespond(await handle(request, event, context), null, event);
}
)JS";

inline constexpr const char* kAuthorizerV2 = R"JS(// An HTTP API's Lambda authorizer (payload 2.0, simple responses): null from
// your function denies the request (API Gateway answers 403),
// { principalId, context? } allows it.
/**
 * @param {any} event
 * @param {any} context
 * @param {(request: any, event: any, context: any) => Promise<any>} authorize
 */
async function jawsAuthorizeSimple(event, context, authorize) {
  const identity = Array.isArray(event.identitySource) ? event.identitySource[0] : undefined;
  const request = { token: identity, headers: jawsLowerCaseKeys(event.headers), methodArn: event.routeArn };
  const result = await authorize(request, event, context);
  if (!result) return { isAuthorized: false };
  return { isAuthorized: true, ...(result.context ? { context: result.context } : {}) };
}
)JS";

inline constexpr const char* kAuthorizer = R"JS(// A Lambda authorizer (TOKEN or REQUEST): null from your function denies the
// request (API Gateway answers 401), { principalId, context? } allows it.
/**
 * @param {any} event
 * @param {any} context
 * @param {(request: any, event: any, context: any) => Promise<any>} authorize
 */
async function jawsAuthorize(event, context, authorize) {
  const request = { token: event.authorizationToken, headers: jawsLowerCaseKeys(event.headers), methodArn: event.methodArn };
  const result = await authorize(request, event, context);
  if (!result) throw new Error("Unauthorized");  // this exact message makes API Gateway answer 401
  // Allow every route of the stage, so a cached policy serves them all.
  const [apiArn, stage] = event.methodArn.split("/");
  const policyDocument = {
    Version: "2012-10-17",
    Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: `${apiArn}/${stage}/*` }],
  };
  return { principalId: String(result.principalId), policyDocument, ...(result.context ? { context: result.context } : {}) };
}
)JS";

}  // namespace jaws::stubs::node
