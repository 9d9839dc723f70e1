// Delivery statuses WhatsApp reports for sent messages, as a plain record the service can store as it likes.

export const STATUS_KINDS = ['sent', 'delivered', 'read', 'failed'] as const;
export type WaStatusKind = (typeof STATUS_KINDS)[number];

export type WaStatusError = { code: number; title: string };

/** Called once per status in a webhook; a throw makes the webhook answer 500 so Meta delivers it again. */
export type OnStatus = (
  wamid: string,
  status: WaStatusKind,
  timestampMs: number,
  error?: WaStatusError,
) => void | Promise<void>;

/** What a service keeps per sent message (one row per wamid), e.g. next to outbox.platform_message_id. */
export type WaStatusRecord = {
  wamid: string;
  status: WaStatusKind;
  at: number;
  errorCode: number | null;
  errorTitle: string | null;
};

const RANK: Record<WaStatusKind, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Whether `next` should replace the stored record: statuses can arrive out of order (a late "delivered" after
 * "read"), so a record only moves forward; "failed" always wins.
 */
export function advancesStatus(stored: WaStatusRecord | null, next: WaStatusKind): boolean {
  return stored === null || RANK[next] > RANK[stored.status];
}

export function statusRecord(
  wamid: string,
  status: WaStatusKind,
  at: number,
  error?: WaStatusError,
): WaStatusRecord {
  return { wamid, status, at, errorCode: error?.code ?? null, errorTitle: error?.title ?? null };
}
