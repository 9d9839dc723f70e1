// The pino logger; personal data never reaches it (callers log ids and counts, and these paths are redacted too).
import pino, { type Logger } from 'pino';

export const REDACT = [
  'text',
  '*.text',
  'nik',
  '*.nik',
  'phone',
  '*.phone',
  'name',
  '*.name',
  'complaint',
  '*.complaint',
  'chatId',
  '*.chatId',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'aduan' } },
    destination,
  );
}
