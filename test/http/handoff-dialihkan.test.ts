// A hand-off follows its ticket's agency: after the ticket is moved (dialihkan) from PUPR to Dishub, the old agency's
// officer gets a 404 for its page and its actions and no longer sees it in the queue, the new agency's officer sees
// and takes it; admin and the kab/kota's coordinator still see it, another agency's officer and a signed-out visitor
// do not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

describe('a hand-off after its ticket is dialihkan', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  let id: number;
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const take = async (jar: Jar) => {
    const html = await (await client.get(jar, '/petugas/handoff')).text();
    return client.post(jar, `/petugas/handoff/${id}/ambil`, { csrf: csrfIn(html) });
  };

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    h.core.store.officers.add(
      {
        username: 'dishub',
        name: 'Dedi',
        role: 'officer',
        passwordHash: hashPassword(PASSWORD),
        agencies: ['6371-dishub'],
      },
      h.clock.now(),
    );
    app = officerApp(h);
    client = pageClient(app);
    h.say('warga-jalan', 'mau bicara dengan petugas', 'telegram');
    const conv = h.core.store.conversations.find('telegram', 'warga-jalan');
    const live = conv ? h.core.store.handoffs.live(conv.id) : null;
    if (!live) throw new Error('no hand-off');
    id = live.id;
  });
  afterEach(() => h.close());

  it('moves from the old agency’s officers to the new agency’s', async () => {
    expect((await client.get(await as('budi'), `/petugas/handoff/${id}`)).status).toBe(200);
    expect((await client.get(await as('dishub'), `/petugas/handoff/${id}`)).status).toBe(404);
    expect(h.core.actions.reassign(f.admin, f.road, '6371-dishub', 'Marka jalan urusan Dishub.').ok).toBe(
      true,
    );

    const cases: [string | null, number, boolean][] = [
      ['admin', 200, true],
      ['korbjm', 200, true],
      ['budi', 404, false],
      ['dishub', 200, true],
      ['lain', 404, false],
      [null, 303, false],
    ];
    for (const [who, status, listed] of cases) {
      const jar = await as(who);
      expect((await client.get(jar, `/petugas/handoff/${id}`)).status, `${who}`).toBe(status);
      if (who === null) continue;
      const queue = await (await client.get(jar, '/petugas/handoff')).text();
      expect(queue.includes(`/petugas/handoff/${id}"`), `${who}`).toBe(listed);
    }
    expect((await take(await as('budi'))).status).toBe(404);
    expect((await take(await as('dishub'))).headers.get('location')).toBe(
      `/petugas/handoff/${id}?done=taken`,
    );
    expect(h.core.store.handoffs.get(id, { kind: 'all' })?.takenBy?.name).toBe('Dedi');
  });
});
