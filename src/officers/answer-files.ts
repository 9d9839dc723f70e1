// Files an officer attaches to an answer: at most three, each a PDF, picture or Word document by its bytes, within
// the upload limit; stored by their hash and recorded with the ticket's event, sent to the citizen as references.
import type { OutboundFile } from '../domain/reply.js';
import type { FileStore } from '../storage/file-store.js';
import { sniffMime } from '../storage/file-type.js';
import type { Store } from '../storage/store.js';

/** How many files one answer may carry. */
export const MAX_ANSWER_FILES = 3;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What an officer may attach, as the bytes show it. */
export const ANSWER_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  DOCX,
]);

/** A file as the form or the API received it: the name and type the browser said, and the bytes. */
export type Upload = { name: string; type: string; data: Uint8Array };

/** An upload whose bytes were checked: its real type. */
export type CheckedUpload = { name: string; mime: string; data: Uint8Array };

export type FileProblem = 'too_many_files' | 'file_type' | 'file_too_large';

/** Empty file inputs (nothing chosen) are left out; the rest must all pass, or none is taken. */
export function checkUploads(
  uploads: readonly Upload[],
  maxBytes: number,
): { ok: true; files: CheckedUpload[] } | { ok: false; problem: FileProblem } {
  const chosen = uploads.filter((u) => u.data.byteLength > 0);
  if (chosen.length > MAX_ANSWER_FILES) return { ok: false, problem: 'too_many_files' };
  const files: CheckedUpload[] = [];
  for (const u of chosen) {
    if (u.data.byteLength > maxBytes) return { ok: false, problem: 'file_too_large' };
    // Only a zip that says it is a Word document is one; the browser's word chooses nothing else.
    const mime = sniffMime(u.data, u.type === DOCX ? DOCX : 'application/octet-stream');
    if (!ANSWER_TYPES.has(mime)) return { ok: false, problem: 'file_type' };
    files.push({ name: cleanName(u.name, mime), mime, data: u.data });
  }
  return { ok: true, files };
}

/** A name without a path or control characters, at most 120 characters; a plain one when none was given. */
function cleanName(name: string, mime: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}"]/gu, '').trim();
  const ext = mime === DOCX ? 'docx' : (mime.split('/')[1] ?? 'bin');
  return (base || `lampiran.${ext}`).slice(-120);
}

/**
 * Stores the files (by hash) and records them as the officer's files of the ticket's latest event, sent to its chat;
 * inside the action's transaction, right after the event. Returns what the citizen's message refers to.
 */
export function recordAnswerFiles(
  deps: { store: Store; files: Pick<FileStore, 'put'>; newId: () => string },
  to: { ticketId: number; conversationId: number; officerId: number },
  uploads: readonly CheckedUpload[],
  now: number,
): OutboundFile[] {
  return uploads.map((u) => {
    const stored = deps.files.put(u.data);
    const id = deps.newId();
    const kind = u.mime.startsWith('image/') ? 'photo' : 'document';
    deps.store.answerFiles.add({ id, ...stored, kind, mime: u.mime, filename: u.name }, to, now);
    return { id, sha256: stored.sha256, mime: u.mime, name: u.name, size: stored.size };
  });
}
