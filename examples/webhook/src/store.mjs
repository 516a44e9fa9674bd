// The deliveries table, shared by the API handlers and the scheduled jobs.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export const db = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
export const TABLE = process.env.EVENTS_TABLE;

const DASHBOARD_ORIGIN = process.env.DASHBOARD_ORIGIN;

export function json(statusCode, body) {
  return {
    statusCode,
    headers: {
      "Content-Type": "application/json",
      "Access-Control-Allow-Origin": DASHBOARD_ORIGIN,
      "Access-Control-Allow-Credentials": "true",
    },
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

export function error(statusCode, code, message, event) {
  return json(statusCode, { message, code, requestId: event.requestContext?.requestId });
}
