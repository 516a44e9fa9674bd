export const check = async () => ({ isAuthorized: true });
