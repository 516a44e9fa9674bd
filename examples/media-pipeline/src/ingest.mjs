// An S3 notification for each object created under `incoming/`: the item is
// recorded as pending (once: S3 may deliver a notification twice) and its job
// is queued for the worker.
import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
import { PutCommand } from "@aws-sdk/lib-dynamodb";

import { TABLE, db, idOfKey } from "./store.mjs";

const sqs = new SQSClient({});
const JOBS = process.env.JOBS;

const CONTENT_TYPES = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

export const main = async (event) => {
  for (const record of event.Records) {
    // Keys arrive URL-encoded, with spaces as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, " "));
    const id = idOfKey(key);
    const fileName = key.split("/").slice(2).join("/");
    const extension = fileName.split(".").pop().toLowerCase();
    try {
      await db.send(
        new PutCommand({
          TableName: TABLE,
          Item: {
            id,
            fileName,
            contentType: CONTENT_TYPES[extension] ?? "application/octet-stream",
            size: record.s3.object.size,
            status: "pending",
            createdAt: record.eventTime,
          },
          ConditionExpression: "attribute_not_exists(id)",
        }),
      );
    } catch (e) {
      if (e.name === "ConditionalCheckFailedException") continue; // a repeated notification
      throw e;
    }
    await sqs.send(new SendMessageCommand({ QueueUrl: JOBS, MessageBody: JSON.stringify({ id, key }) }));
  }
};
