export const stats = async () => ({ statusCode: 200, body: "{}" });
