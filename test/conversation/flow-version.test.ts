// A deploy that changes the flow must not strand conversations in progress: old snapshots are salvaged.
import { afterEach, describe, expect, it } from 'vitest';
import { INTAKE_VERSION } from '../../flows/index.js';
import { t } from '../../src/i18n/locales.js';
import { Harness } from '../helpers/harness.js';

describe('flow version change', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('continues a conversation stored by an older flow version at its first open question', () => {
    h = new Harness();
    h.say('c', 'halo');
    h.say('c', 'ya');
    h.say('c', 'KTP saya belum jadi di Disdukcapil Banjarbaru sejak 2 minggu lalu');
    h.say('c', 'selesai');
    // An older deploy: version 0, a state this version does not know, and a context field it never had.
    const conv = h.core.store.conversations.find('simulate', 'c');
    expect(conv).not.toBeNull();
    const old = { ...(conv?.snapshot as Record<string, unknown>) };
    old.version = 0;
    old.value = 'askingLegacy';
    old.context = { ...(old.context as Record<string, unknown>), legacyField: 42 };
    h.core.db
      .prepare('UPDATE conversations SET snapshot = ?, flow_version = 0 WHERE id = ?')
      .run(JSON.stringify(old), conv?.id);
    const replies = h.say('c', 'ya');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain(t('id', 'notice.flow_updated'));
    // What was collected is kept: the story, and the next open question is asked (a KTP: no spot to ask).
    expect(replies[0]?.expecting).toBe('prior_report');
    const after = h.core.store.conversations.find('simulate', 'c');
    expect(after?.flowVersion).toBe(INTAKE_VERSION);
  });

  it('restarts politely when the stored snapshot is unreadable', () => {
    h = new Harness();
    h.say('c', 'halo');
    h.core.db
      .prepare(
        `UPDATE conversations SET snapshot = '{"flow":"intake","version":1,"value":"consent","context":"garbage"}'`,
      )
      .run();
    // Nothing could be kept: the message is not taken as an answer; consent is asked again, with the notice.
    const replies = h.say('c', 'ya');
    expect(replies.map((r) => r.expecting)).toEqual(['consent']);
    expect(replies[0]?.text).toContain(t('id', 'notice.flow_updated'));
  });
});
