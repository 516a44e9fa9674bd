// The media library table and the JSON responses of the HTTP API, shared by the
// handlers. An HTTP API adds the CORS headers itself: the handlers add none.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export const db = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
export const TABLE = process.env.MEDIA_TABLE;

export function json(statusCode, body) {
  return {
    statusCode,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
}

// An Error body (examples/.shared/errors.jaws) with the request's id.
export function error(statusCode, code, message, event) {
  return json(statusCode, { message, code, requestId: event?.requestContext?.requestId });
}

// The request body (payload format 2.0), or undefined when missing or not JSON.
// An HTTP API does not validate bodies: the handlers check what they use.
export function parseBody(event) {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The key an item's upload is stored under; the S3 notification filters on the
// `incoming/` prefix, and the worker finds the id again from the key.
export const incomingKey = (id, fileName) => `incoming/${id}/${fileName}`;
export const idOfKey = (key) => key.split("/")[1];
