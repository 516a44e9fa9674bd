// Batches of jobs from the queue: each job's file gets a thumbnail and its item
// becomes ready. The jobs that fail are returned (reportFailures), so only they
// go back to the queue; after five receives the queue moves them to failedJobs.
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";

import { TABLE, db } from "./store.mjs";

const s3 = new S3Client({});
const BUCKET = process.env.BUCKET;

// Stands in for a real image library (sharp, a Lambda layer, ...): the
// "thumbnail" is the first 64 KB of the file.
const THUMBNAIL_BYTES = 64 * 1024;

async function processJob(job) {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: job.key, Range: `bytes=0-${THUMBNAIL_BYTES - 1}` }));
  const bytes = await object.Body.transformToByteArray();
  const thumbnail = `thumbnails/${job.id}`;
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: thumbnail, Body: bytes, ContentType: object.ContentType }));
  await db.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: { id: job.id },
      UpdateExpression: "SET #status = :ready, thumbnail = :thumbnail",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":ready": "ready", ":thumbnail": thumbnail },
    }),
  );
}

export const main = async (event) => {
  const batchItemFailures = [];
  for (const message of event.Records) {
    try {
      await processJob(JSON.parse(message.body));
    } catch (e) {
      console.error(JSON.stringify({ messageId: message.messageId, error: String(e) }));
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
};
