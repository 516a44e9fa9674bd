// Handlers that misbehave, each in its own way.
export const crash = async () => {
  console.error("about to crash");
  process.exit(3);
};

// Waits on a timer that never settles anything, as a stuck network call would.
export const hang = () => new Promise(() => setInterval(() => {}, 60_000));

export const garbage = async () => "this is not a proxy response";

export const throws = async () => {
  throw new TypeError("something broke");
};
