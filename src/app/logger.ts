// The pino logger; personal data never reaches it (callers log ids and counts, and everything logged is scrubbed).
export { REDACT, createRedactingLogger as createLogger } from '../observability/redacting-logger.js';
