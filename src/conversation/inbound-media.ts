// An inbound message's files: each one's bytes say what it is; checked against the limits, stored or rejected.
import type { AttachmentRef } from '../domain/complaint.js';
import type { FileStore } from '../storage/file-store.js';
import { sniffMime } from '../storage/file-type.js';
import type { InboundMessage } from './inbound.js';

/** Stores the message's acceptable files (before its transaction: the bytes are written once, by their hash). */
export function storeMedia(files: FileStore, msg: InboundMessage) {
  const accepted: {
    kind: AttachmentRef['kind'];
    mime: string;
    size: number;
    sha256: string;
    filename?: string;
  }[] = [];
  const rejected: { kind: string; filename?: string; reason: string }[] = [];
  for (const m of msg.media ?? []) {
    // The bytes say what a file is; the platform's mime type only tells an Office zip from another zip.
    const mime = sniffMime(m.data, m.mime);
    const problem = files.check(mime, m.data);
    if (problem) {
      rejected.push({ kind: m.kind, filename: m.filename, reason: problem });
      continue;
    }
    const stored = files.put(m.data);
    accepted.push({ kind: m.kind, mime, ...stored, filename: m.filename });
  }
  return { accepted, rejected };
}
