// Small helpers shared by the todo handlers: JSON responses with the CORS
// headers API Gateway expects a proxy integration to return itself.

const ALLOWED_ORIGIN = "https://todo.example.com";

export function json(statusCode, body) {
  return {
    statusCode,
    headers: {
      "Content-Type": "application/json",
      "Access-Control-Allow-Origin": ALLOWED_ORIGIN,
      "Access-Control-Allow-Credentials": "true",
    },
    body: JSON.stringify(body),
  };
}

export function error(statusCode, code, message, event) {
  return json(statusCode, { message, code, requestId: event?.requestContext?.requestId });
}

// The request body, or undefined when it is missing or not JSON. API Gateway
// has already validated it against the route's `body` model.
export function parseBody(event) {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
