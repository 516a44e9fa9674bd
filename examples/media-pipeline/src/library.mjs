// GET /media and GET /media/{id}: read the library table.
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";

import { TABLE, db, error, json } from "./store.mjs";

const STATUSES = new Set(["pending", "ready", "failed"]);

// The cursor is the last evaluated key, base64url-encoded JSON.
const encodeCursor = (key) => (key ? Buffer.from(JSON.stringify(key)).toString("base64url") : undefined);
function decodeCursor(cursor) {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

export const list = async (event) => {
  const query = event.queryStringParameters ?? {};
  const status = query.status ?? "ready";
  if (!STATUSES.has(status)) return error(400, "INVALID_STATUS", "status is pending, ready or failed", event);
  const limit = query.limit === undefined ? 25 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return error(400, "INVALID_LIMIT", "limit is an integer from 1 to 100", event);
  }
  const start = decodeCursor(query.cursor);
  if (start === null) return error(400, "INVALID_CURSOR", "cursor is not one this API returned", event);

  const page = await db.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: "byStatus",
      KeyConditionExpression: "#status = :status",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":status": status },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return json(200, { items: page.Items ?? [], next: encodeCursor(page.LastEvaluatedKey) });
};

export const get = async (event) => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE, Key: { id: event.pathParameters.id } }));
  return Item ? json(200, Item) : error(404, "NOT_FOUND", "no such item", event);
};
