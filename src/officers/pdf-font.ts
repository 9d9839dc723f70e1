// The fonts every PDF Aduan writes embeds (DejaVu Sans from dejavu-fonts-ttf, subset by pdfkit): no network, any letter.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
/** Read once each. */
const read = new Map<keyof typeof FILES, Buffer>();

/** DejaVu Sans, regular or bold, as pdfkit's `registerFont` takes it. */
export function pdfFont(weight: keyof typeof FILES = 'regular'): Buffer {
  let bytes = read.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[weight]}`));
    read.set(weight, bytes);
  }
  return bytes;
}
