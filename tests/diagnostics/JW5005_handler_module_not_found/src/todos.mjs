export const list = async () => ({ statusCode: 200 });
