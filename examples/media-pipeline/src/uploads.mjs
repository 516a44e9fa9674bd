// POST /uploads: a presigned PUT URL into the bucket's `incoming/` prefix. The
// item is created by `ingest` when the file arrives, not here, so an abandoned
// upload leaves nothing behind.
import { randomUUID } from "node:crypto";

import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

import { error, incomingKey, json, parseBody } from "./store.mjs";

const s3 = new S3Client({});
const BUCKET = process.env.BUCKET;
const EXPIRES_IN = 300;
const CONTENT_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);
const MAX_SIZE = 50 * 1024 * 1024;

export const request = async (event) => {
  const upload = parseBody(event);
  if (!upload || typeof upload.fileName !== "string" || !/^[^/]{1,255}$/.test(upload.fileName)) {
    return error(400, "INVALID_FILE_NAME", "fileName must be 1 to 255 characters without '/'", event);
  }
  if (!CONTENT_TYPES.has(upload.contentType)) {
    return error(400, "UNSUPPORTED_TYPE", "contentType must be image/jpeg, image/png or image/webp", event);
  }
  if (!Number.isInteger(upload.size) || upload.size < 1 || upload.size > MAX_SIZE) {
    return error(400, "INVALID_SIZE", "size must be between 1 byte and 50 MB", event);
  }
  const id = randomUUID();
  const command = new PutObjectCommand({
    Bucket: BUCKET,
    Key: incomingKey(id, upload.fileName),
    ContentType: upload.contentType,
    ContentLength: upload.size,
    Metadata: { "file-name": upload.fileName },
  });
  const uploadUrl = await getSignedUrl(s3, command, { expiresIn: EXPIRES_IN });
  return json(201, { id, uploadUrl, expiresIn: EXPIRES_IN });
};
