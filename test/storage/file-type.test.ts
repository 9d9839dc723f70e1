// sniffMime: a file's type comes from its bytes; the payload's word only chooses where the bytes cannot tell.
import { describe, expect, it } from 'vitest';
import { sniffMime } from '../../src/storage/file-type.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffMime', () => {
  it('reads the formats the file store accepts from their first bytes, whatever the payload claims', () => {
    expect(sniffMime(bytes([0xff, 0xd8, 0xff, 0xe0]), 'application/pdf')).toBe('image/jpeg');
    expect(sniffMime(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/jpeg')).toBe('image/png');
    expect(sniffMime(bytes('GIF89a', [1, 2]), 'video/mp4')).toBe('image/gif');
    expect(sniffMime(bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'image/jpeg')).toBe('image/webp');
    expect(sniffMime(bytes('%PDF-1.7'), 'image/jpeg')).toBe('application/pdf');
    // restfb's pasted payloads say `audio\/ogg; codecs=opus` with a literal backslash: the bytes decide.
    expect(sniffMime(bytes('OggS', [0, 2]), 'audio\\/ogg; codecs=opus')).toBe('audio/ogg');
    expect(sniffMime(bytes('ID3', [4, 0]), 'audio/ogg')).toBe('audio/mpeg');
    expect(sniffMime(bytes([0, 0, 0, 0x18], 'ftypmp42'), 'application/octet-stream')).toBe('video/mp4');
    expect(sniffMime(bytes([0, 0, 0, 0x18], 'ftypheic'), 'image/jpeg')).toBe('image/heic');
    expect(sniffMime(bytes([0x1a, 0x45, 0xdf, 0xa3]), 'video/webm')).toBe('video/webm');
  });

  it('lets the payload tell an Office document from any zip, and text from nothing', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(sniffMime(bytes('PK', [3, 4]), docx)).toBe(docx);
    expect(sniffMime(bytes('PK', [3, 4]), 'application/zip')).toBe('application/zip');
    expect(sniffMime(bytes('PK', [3, 4]), 'image/jpeg')).toBe('application/zip');
    expect(sniffMime(bytes('Jalan rusak di Martapura'), 'text/plain')).toBe('text/plain');
    expect(sniffMime(bytes('MZ', [0x90, 0]), 'image/jpeg')).toBe('application/octet-stream');
    expect(sniffMime(bytes([0, 1, 2, 0xfe]), 'image/jpeg')).toBe('application/octet-stream');
  });
});
