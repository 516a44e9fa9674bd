export const h = async () => ({ statusCode: 200 });
