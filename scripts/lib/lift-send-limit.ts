// MEASUREMENT ONLY, never in production: preloaded into the service process (`node --import tsx --import
// ./scripts/lib/lift-send-limit.ts src/main.ts`) by `npm run loadtest -- --no-send-limit`. It raises the Telegram
// adapter's OVERALL send limit (TELEGRAM_RATES.overall, ~30 messages/s, src/channels/telegram/token-bucket.ts) in the
// memory of that one process, before the adapter reads it; the per-chat limit (~1/s, burst 3) stays. No file under
// src/ changes and there is no setting for it: the real Bot API enforces about 30 messages/s per bot anyway, so this
// only shows what the rest of the reply path (outbox, sender, HTTP) could do without the limit.
import { TELEGRAM_RATES } from '../../src/channels/telegram/token-bucket.js';

const overall = TELEGRAM_RATES.overall as { perSecond: number; burst: number };
overall.perSecond = 100_000;
overall.burst = 100_000;
