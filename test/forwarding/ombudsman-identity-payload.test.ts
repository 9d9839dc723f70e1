// The identity a reporter gave for Ombudsman's copy goes with that copy only: Ombudsman's delivery carries the name and
// NIK (as a biasa ticket's does; its e-mail without the NIK), the routed agency's still carries none (rahasia), and
// a refusal sends none anywhere.
import { afterEach, describe, expect, it } from 'vitest';
import { officerPlainText } from '../../src/forwarding/officer-text.js';
import { withoutNik } from '../../src/forwarding/payload.js';
import { ticketPayloads } from '../../src/forwarding/ticket-payloads.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import {
  LADDER,
  OMBUDSMAN,
  endOpenStages,
  ombudsmanByMail,
  openStage,
  sweepOn,
} from '../helpers/ladder-fixture.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const BANJAR = 'Banjar yes and no';
const NIK = '6371045708900001';

describe('the identity given for Ombudsman, in the forwarded payloads', () => {
  let h: Harness;
  afterEach(() => h.close());

  /** The Banjar dialogue's ticket (a name, no NIK) climbed to Ombudsman's step, the reporter asked; then `answer`. */
  const answered = (answer: string) => {
    h = new Harness();
    for (const turn of DIALOGUES.find((d) => d.name === BANJAR)?.turns ?? [])
      if ('say' in turn) h.say('warga', turn.say);
    const admin = h.core.store.officers.add(
      { username: 'admin', name: null, role: 'admin', passwordHash: hashPassword('x'), agencies: [] },
      h.clock.now(),
    );
    ombudsmanByMail(h, admin);
    endOpenStages(h);
    const number = h.complaints()[0]?.number ?? '';
    const { ticketId } = openStage(h, number);
    for (const date of [LADDER.reminder, LADDER.coordinator, LADDER.ombudsman]) sweepOn(h, date);
    h.say('warga', answer);
    const routed = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.agencyId ?? '';
    const payloadFor = ticketPayloads({
      views: h.core.store.forwardingViews,
      tickets: h.core.store.tickets,
      events: h.core.store.ticketEvents,
      agencyName: () => null,
      signLink: () => null,
    });
    return { ombudsman: payloadFor(ticketId, OMBUDSMAN), agency: payloadFor(ticketId, routed), routed };
  };

  it('gives Ombudsman the name and NIK, and the agency complained of neither', () => {
    const { ombudsman, agency, routed } = answered(NIK);
    expect(routed).not.toBe(OMBUDSMAN);
    expect(ombudsman?.reporter).toEqual({
      identityMode: 'rahasia',
      name: 'Ahmad Fauzi',
      nik: NIK,
      phone: null,
      givenForThisAgency: true,
    });
    expect(agency?.reporter).toEqual({ identityMode: 'rahasia', name: null, nik: null, phone: null });
    expect(JSON.stringify(agency)).not.toContain(NIK);
    // Ombudsman's e-mail reads the name, marked confidential, and (as every e-mail) no NIK.
    const mail = ombudsman ? officerPlainText(withoutNik(ombudsman)) : '';
    expect(mail).toContain('Ahmad Fauzi (rahasia: diberikan pelapor hanya untuk Ombudsman');
    expect(mail).not.toContain(NIK);
    const agencyMail = agency ? officerPlainText(withoutNik(agency)) : '';
    expect(agencyMail).not.toContain('Ahmad Fauzi');
    expect(agencyMail).toContain('dirahasiakan');
  });

  it('gives nobody the identity when the reporter refused', () => {
    const { ombudsman, agency } = answered('kada');
    expect(ombudsman?.reporter).toMatchObject({ identityMode: 'rahasia', name: null, nik: null });
    expect(agency?.reporter).toMatchObject({ identityMode: 'rahasia', name: null, nik: null });
  });
});
