// The scheduled jobs (EventBridge rules): retry failed deliveries, purge old ones.
import { BatchWriteCommand, QueryCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";

import { TABLE, db } from "./store.mjs";

const MAX_ATTEMPTS = 8;

// Stands in for the real work a delivery triggers (a build, a ledger entry, ...).
async function handleDelivery(delivery) {
  if (!delivery.event?.kind) throw new Error("delivery without an event kind");
}

// rate(5 minutes)
export const sweep = async () => {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: "byStatus",
      KeyConditionExpression: "#status = :failed",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":failed": "failed" },
      Limit: 25,
    }),
  );
  let retried = 0;
  for (const delivery of Items.filter((d) => d.attempts < MAX_ATTEMPTS)) {
    let status = "replayed";
    let lastError;
    try {
      await handleDelivery(delivery);
    } catch (e) {
      status = "failed";
      lastError = String(e.message ?? e);
    }
    await db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { id: delivery.id },
        UpdateExpression: "SET #status = :status, attempts = attempts + :one, lastError = :error",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":status": status, ":one": 1, ":error": lastError ?? null },
      }),
    );
    retried += 1;
  }
  return { retried };
};

// cron(30 3 * * ? *)
export const purge = async () => {
  const cutoff = new Date(Date.now() - Number(process.env.RETENTION_DAYS) * 86_400_000).toISOString();
  let deleted = 0;
  let start;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: TABLE,
        ProjectionExpression: "id",
        FilterExpression: "receivedAt < :cutoff",
        ExpressionAttributeValues: { ":cutoff": cutoff },
        ExclusiveStartKey: start,
      }),
    );
    const ids = (page.Items ?? []).map((item) => item.id);
    for (let i = 0; i < ids.length; i += 25) {
      const batch = ids.slice(i, i + 25).map((id) => ({ DeleteRequest: { Key: { id } } }));
      await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: batch } }));
      deleted += batch.length;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { deleted, cutoff };
};
