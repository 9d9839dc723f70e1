// A file's type read from its first bytes: what a platform's payload says about a download is never trusted.
// Hand-written for the few formats the file store accepts: `file-type` (the usual library) is async-only and the
// runtime stores files inside its synchronous step.

const startsWith = (data: Uint8Array, bytes: readonly number[], offset = 0) =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

const ascii = (data: Uint8Array, text: string, offset = 0) =>
  startsWith(
    data,
    [...text].map((c) => c.charCodeAt(0)),
    offset,
  );

/** ISO base media (mp4, m4a, 3gp, mov, heic): the brand after `ftyp` says which. */
function isoMedia(data: Uint8Array): string | null {
  if (!ascii(data, 'ftyp', 4)) return null;
  const brand = String.fromCharCode(...data.slice(8, 12)).trim();
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand === 'M4A' || brand === 'M4B') return 'audio/mp4';
  if (brand.startsWith('3g')) return 'video/3gpp';
  if (brand === 'qt') return 'video/quicktime';
  return 'video/mp4';
}

function looksLikeText(data: Uint8Array): boolean {
  const head = data.slice(0, 4096);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length < data.length ? head.slice(0, -4) : head);
    return true;
  } catch {
    return false;
  }
}

const OFFICE_ZIP = /^application\/vnd\.openxmlformats-officedocument\.[\w.]+$/;
const OLD_OFFICE = /^application\/(msword|vnd\.ms-excel)$/;

/**
 * The type the bytes show. `claimed` (the payload's word) only chooses between types the bytes cannot tell apart
 * (an Office document inside a zip, plain text); anything unrecognised is `application/octet-stream`.
 */
export function sniffMime(data: Uint8Array, claimed: string): string {
  const said = claimed.split(';')[0]?.trim().toLowerCase() ?? '';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(data, 'GIF87a') || ascii(data, 'GIF89a')) return 'image/gif';
  if (ascii(data, 'RIFF') && ascii(data, 'WEBP', 8)) return 'image/webp';
  if (ascii(data, 'RIFF') && ascii(data, 'WAVE', 8)) return 'audio/wav';
  if (ascii(data, '%PDF-')) return 'application/pdf';
  if (ascii(data, 'OggS')) return 'audio/ogg';
  if (ascii(data, '#!AMR')) return 'audio/amr';
  if (ascii(data, 'ID3') || (data.length > 1 && data[0] === 0xff && ((data[1] ?? 0) & 0xe0) === 0xe0)) {
    return (data[1] ?? 0) === 0xf1 || (data[1] ?? 0) === 0xf9 ? 'audio/aac' : 'audio/mpeg';
  }
  if (startsWith(data, [0x1a, 0x45, 0xdf, 0xa3]))
    return said.startsWith('audio/') ? 'audio/webm' : 'video/webm';
  const iso = isoMedia(data);
  if (iso) return iso === 'video/mp4' && said === 'audio/mp4' ? 'audio/mp4' : iso;
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return OFFICE_ZIP.test(said) ? said : 'application/zip';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return OLD_OFFICE.test(said) ? said : 'application/msword';
  }
  // Plain text has no signature: only what is said to be text, and reads as text, is text.
  if (said.startsWith('text/') && looksLikeText(data)) return 'text/plain';
  return 'application/octet-stream';
}
