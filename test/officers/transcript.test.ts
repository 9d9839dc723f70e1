// The conversation shown on a ticket page: the citizen's words and Aduan's, up to the filing; a rahasia reporter's
// name, phone and NIK hidden from an agency's officers, the NIK masked even for those who may see who it is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketTranscript } from '../../src/officers/transcript.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

describe('ticketTranscript', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
    const d = DIALOGUES.find((x) => x.name.startsWith('an earlier report that got nowhere'));
    for (const turn of d?.turns ?? []) if ('say' in turn) h.say('rahasia', turn.say);
  });
  afterEach(() => h.close());

  const transcript = (show: boolean) => {
    const row = h.core.store.ticketInbox.inbox({ kind: 'all' })[0];
    const ticket = h.core.store.ticketInbox.forOfficer(row?.number ?? '', { kind: 'all' });
    if (!ticket) throw new Error('no ticket');
    expect(ticket.complaint.identityMode).toBe('rahasia');
    const lines = ticketTranscript(h.core.store, ticket, show, '[disembunyikan]') ?? [];
    return { lines, all: lines.map((l) => `${l.from}: ${l.text}`).join('\n') };
  };

  it('hides the identity from an agency officer, in what the citizen typed and in what Aduan repeated', () => {
    const { lines, all } = transcript(false);
    expect(all).toContain('belum bayar uang komite 2 juta');
    expect(lines.some((l) => l.from === 'bot')).toBe(true);
    expect(all).not.toContain('Siti Rahmah');
    expect(all).not.toMatch(/0812|812-3456|6371045708900001|637104\*|\*{6,}/);
    expect(all).toContain('[disembunyikan]');
  });

  it('shows who it is to a coordinator or admin, with the NIK masked', () => {
    const { all } = transcript(true);
    expect(all).toContain('Siti Rahmah');
    expect(all).not.toContain('6371045708900001');
  });
});
