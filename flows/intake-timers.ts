// How long the intake flow waits: quiet time after story, the nudge while telling, the reminder, the expiry.

/** Quiet time after a story fragment before the flow moves on by itself. */
export const STORY_QUIET_MS = 90_000;
/** Story pieces kept silently, then this long without more: one line says the bot waits and how to go on. */
export const STORY_NUDGE_MS = 20_000;
export const REMINDER_MS = 20 * 3600_000;
export const EXPIRY_MS = 72 * 3600_000;
