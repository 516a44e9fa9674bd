// Exports, the usual ways.
export const list = async (event) => ({ statusCode: 200, body: "[]" });
export function create(event) { return { statusCode: 201 }; }
export async function remove(event) { return { statusCode: 204 }; }
// `update` is only mentioned in a comment: export const update = ...
const update = () => {};
