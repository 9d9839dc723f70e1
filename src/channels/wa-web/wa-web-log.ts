// The log the WhatsApp Web adapter writes to: pino's shape, so a test can pass a recorder instead.
export type WaWebLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};
