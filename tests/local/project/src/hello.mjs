// Answers with what it was given, so the tests can check the event.
export const handler = async (event, context) => {
  console.log(`hello handler: ${event.httpMethod} ${event.path}`);
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json", "X-Handler": "hello" },
    body: JSON.stringify({
      version: 1,
      pid: process.pid,
      resource: event.resource,
      path: event.path,
      pathParameters: event.pathParameters,
      query: event.queryStringParameters,
      multiQuery: event.multiValueQueryStringParameters,
      authorizer: event.requestContext.authorizer ?? null,
      stage: event.requestContext.stage,
      env: {
        TABLE: process.env.TABLE ?? null,
        GREETING: process.env.GREETING,
        STAGE_NAME: process.env.STAGE_NAME,
        SELF: process.env.SELF,
        API: process.env.API,
        AWS_LAMBDA_FUNCTION_NAME: process.env.AWS_LAMBDA_FUNCTION_NAME,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
        AWS_REGION: process.env.AWS_REGION,
      },
      remaining: context.getRemainingTimeInMillis(),
      requestId: context.awsRequestId,
    }),
  };
};
