// Handlers of the todo API. Each export is named by a `handler` in todos.jaws
// ("src/todos.<export>").
import { randomUUID, timingSafeEqual } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";

import { error, json, parseBody } from "./http.mjs";

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.TABLE;

function encodeCursor(key) {
  return key ? Buffer.from(JSON.stringify(key)).toString("base64url") : undefined;
}

function decodeCursor(cursor) {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

// GET /todos?limit=&cursor=
export const list = async (event) => {
  const query = event.queryStringParameters ?? {};
  const limit = Math.min(Number(query.limit ?? 25), 100);
  const page = await db.send(
    new ScanCommand({ TableName: TABLE, Limit: limit, ExclusiveStartKey: decodeCursor(query.cursor) }),
  );
  const items = (page.Items ?? []).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return json(200, { items, next: encodeCursor(page.LastEvaluatedKey) });
};

function authorized(event) {
  const header = event.headers?.Authorization ?? event.headers?.authorization ?? "";
  const given = Buffer.from(header.replace(/^Bearer /, ""));
  const expected = Buffer.from(process.env.TOKEN ?? "");
  return expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected);
}

// POST /todos
export const create = async (event) => {
  if (!authorized(event)) return error(401, "UNAUTHORIZED", "a valid bearer token is required", event);
  const input = parseBody(event);
  if (!input?.title) return error(400, "VALIDATION_FAILED", "title must not be empty", event);
  const todo = {
    id: randomUUID(),
    title: input.title,
    done: false,
    priority: input.priority ?? "normal",
    tags: input.tags ?? [],
    createdAt: new Date().toISOString(),
  };
  await db.send(new PutCommand({ TableName: TABLE, Item: todo, ConditionExpression: "attribute_not_exists(id)" }));
  return json(201, todo);
};

// GET /todos/{id}
export const get = async (event) => {
  const { id } = event.pathParameters;
  const { Item } = await db.send(new GetCommand({ TableName: TABLE, Key: { id } }));
  return Item ? json(200, Item) : error(404, "NOT_FOUND", `no todo ${id}`, event);
};

// PATCH /todos/{id}
export const update = async (event) => {
  const { id } = event.pathParameters;
  const patch = parseBody(event) ?? {};
  const fields = ["title", "done", "priority"].filter((name) => patch[name] !== undefined);
  if (fields.length === 0) return get(event);
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { id },
        ConditionExpression: "attribute_exists(id)",
        UpdateExpression: "SET " + fields.map((name) => `#${name} = :${name}`).join(", "),
        ExpressionAttributeNames: Object.fromEntries(fields.map((name) => [`#${name}`, name])),
        ExpressionAttributeValues: Object.fromEntries(fields.map((name) => [`:${name}`, patch[name]])),
        ReturnValues: "ALL_NEW",
      }),
    );
    return json(200, Attributes);
  } catch (e) {
    if (e.name === "ConditionalCheckFailedException") return error(404, "NOT_FOUND", `no todo ${id}`, event);
    throw e;
  }
};

// DELETE /todos/{id} (`delete` is a reserved word in JavaScript)
export const remove = async (event) => {
  const { id } = event.pathParameters;
  const { Attributes } = await db.send(new DeleteCommand({ TableName: TABLE, Key: { id }, ReturnValues: "ALL_OLD" }));
  return Attributes ? json(200, Attributes) : error(404, "NOT_FOUND", `no todo ${id}`, event);
};
