export const list = async () => ({ statusCode: 200, body: "[]" });
export const get = async () => ({ statusCode: 200, body: "{}" });
export const create = async () => ({ statusCode: 201, body: "{}" });
export const remove = async () => ({ statusCode: 204 });
