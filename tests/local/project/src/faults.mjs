// Handlers that misbehave, each in its own way.
export const crash = async () => {
  console.error("about to crash");
  process.exit(3);
};

export const hang = () => new Promise(() => {});

export const garbage = async () => "this is not a proxy response";

export const throws = async () => {
  throw new TypeError("something broke");
};
