// The table's stream, filtered to updates whose new image is ready or failed:
// each status change is announced on the topic. A record that fails is returned
// (reportFailures): Lambda retries from it, splits the batch, and after three
// retries sends it to failedChanges.
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { unmarshall } from "@aws-sdk/util-dynamodb";

const sns = new SNSClient({});
const TOPIC = process.env.TOPIC;

export const main = async (event) => {
  for (const record of event.Records) {
    const before = unmarshall(record.dynamodb.OldImage ?? {});
    const after = unmarshall(record.dynamodb.NewImage);
    if (before.status === after.status) continue;
    try {
      await sns.send(
        new PublishCommand({
          TopicArn: TOPIC,
          Message: JSON.stringify({ id: after.id, status: after.status, thumbnail: after.thumbnail }),
          // Subscribers filter on the status without reading the body.
          MessageAttributes: { status: { DataType: "String", StringValue: after.status } },
        }),
      );
    } catch (e) {
      console.error(JSON.stringify({ sequence: record.dynamodb.SequenceNumber, error: String(e) }));
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
};
