// Erasure keeps the officers' answer files (the agency's documents) but not the reporter inside their names: a name
// such as "surat_balasan_Siti_Aminah.pdf" is masked as free text is, its extension kept, the file itself untouched.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskFileName } from '../../src/privacy/file-name-masking.js';
import { maskFreeText } from '../../src/privacy/mask-free-text.js';
import { IDENTITY } from '../forwarding/ticket-fixture.js';
import { type AssignmentFixture, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';

const PDF = new TextEncoder().encode('%PDF-1.4\nsurat balasan\n');
const SCAN = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 5, 5, 5]);

describe('the names of the officers’ answer files on erasure', () => {
  let h: Harness;
  let f: AssignmentFixture;
  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
  });
  afterEach(() => h.close());

  it('masks the reporter in the stored names, keeps each extension and each file', () => {
    const ticket = h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' });
    if (!ticket) throw new Error('no ticket');
    const files = [
      { name: 'surat_balasan_Siti_Aminah.pdf', mime: 'application/pdf', data: PDF },
      { name: `KTP ${IDENTITY.nik}.jpeg`, mime: 'image/jpeg', data: SCAN },
    ];
    expect(h.core.actions.write(f.budi, f.road, 'reply', 'Terlampir surat jawaban kami.', files)).toEqual({
      ok: true,
    });
    const before = h.core.store.answerFiles.ofTicket(ticket.id);
    expect(before.map((a) => a.filename)).toEqual(files.map((x) => x.name));

    h.core.store.tx(() =>
      h.core.tickets.eraseIdentity(
        ticket.id,
        'citizen',
        { names: [], niks: [], phones: [], addresses: [] },
        h.clock.now(),
      ),
    );

    const after = h.core.store.answerFiles.ofTicket(ticket.id);
    expect(after.map((a) => a.filename)).toEqual([
      'surat_balasan_[nama disamarkan].pdf',
      'KTP [NIK disamarkan].jpeg',
    ]);
    expect(after.map(({ filename, ...rest }) => rest)).toEqual(before.map(({ filename, ...rest }) => rest));
    for (const a of after) {
      expect(existsSync(h.core.files.pathOf(a.sha256))).toBe(true);
      expect(h.core.store.erasure.fileInUse(a.sha256)).toBe(true);
    }
  });

  it('keeps the extension out of the mask, and masks a name that is only an extension whole', () => {
    const known = { name: 'Pdf Aminah' };
    const mask = (text: string) => maskFreeText(text, known);
    expect(maskFileName('balasan Pdf Aminah.pdf', mask)).toBe('balasan [nama disamarkan].pdf');
    expect(maskFileName('balasan.final.PDF', mask)).toBe('balasan.final.PDF');
    expect(maskFileName('surat untuk Pdf Aminah', mask)).toBe('surat untuk [nama disamarkan]');
    expect(maskFileName('.pdf', (text) => `<${text}>`)).toBe('<.pdf>');
  });
});
