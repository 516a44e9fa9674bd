// A TOKEN authorizer: "allow" is allowed, "deny" denied, anything else is
// unauthorized.
export const authorize = async (event) => {
  const effect = event.authorizationToken === "allow" ? "Allow" : event.authorizationToken === "deny" ? "Deny" : null;
  if (!effect) throw new Error("Unauthorized");
  return {
    principalId: "user-1",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: event.methodArn }],
    },
    context: { tier: "gold", level: 3 },
  };
};
