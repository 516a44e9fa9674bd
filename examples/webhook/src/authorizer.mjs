// The Lambda authorizer of hooksApi: a sender presents `Authorization: Bearer
// <token>`; the token must be one of SENDER_TOKENS (a JSON object mapping a
// sender name to its token, read from Secrets Manager at deploy time).
import { timingSafeEqual } from "node:crypto";

const tokens = Object.entries(JSON.parse(process.env.SENDER_TOKENS || "{}"));

function matches(given, expected) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function policy(principalId, effect, resource, context = {}) {
  return {
    principalId,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }],
    },
    context,
  };
}

// Works as a TOKEN authorizer (event.authorizationToken) and as a REQUEST
// authorizer (event.headers).
export const authorize = async (event) => {
  const header = event.authorizationToken ?? event.headers?.Authorization ?? event.headers?.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const sender = tokens.find(([, expected]) => token && matches(token, expected));
  if (!sender) throw new Error("Unauthorized"); // API Gateway answers 401
  return policy(sender[0], "Allow", event.methodArn, { sender: sender[0] });
};
