// Officers' groups are read per update: a group the directory gains while the bot runs (an admin's new destination on
// /petugas/instansi) is an officers' group from its next update (the bot stays quiet there), and one removed is not.
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/locales.js';
import { type Rig, rig } from './telegram-rig.js';

const GROUP = -100555;

const groupMessage = (id: number, text: string) => ({
  message: {
    message_id: id,
    date: 1_795_000_000,
    chat: { id: GROUP, type: 'supergroup', title: 'Dinas PUPR Banjarmasin' },
    from: { id: 8100, is_bot: false, first_name: 'Rahmat' },
    text,
  },
});

describe('Telegram: officers’ groups added while running', () => {
  let r: Rig;
  afterEach(async () => {
    await r.close();
  });

  it('reads the directory’s groups at each update: one added is quiet at once, one removed is a public group again', async () => {
    const groups = [String(GROUP)];
    r = await rig({ channel: { officerChats: () => ['-100777', ...groups] } });
    const sentToGroup = () =>
      r.fake
        .callsTo('sendMessage')
        .filter((c) => String(c.body.chat_id) === String(GROUP))
        .map((c) => String(c.body.text));

    // An agency's group (added on /petugas/instansi after the bot started): chatter there is not answered. A citizen's
    // message pushed after it is answered, so the group's update was handled by then.
    r.fake.push(groupMessage(1, 'rapat jam 9 ya'));
    const replies = await r.say({
      message: {
        message_id: 2,
        date: 1_795_000_000,
        chat: { id: 5550199, type: 'private', first_name: 'Siti' },
        from: { id: 5550199, is_bot: false, first_name: 'Siti', language_code: 'id' },
        text: 'halo',
      },
    });
    expect(replies.length).toBeGreaterThan(0);
    expect(sentToGroup()).toEqual([]);

    // The destination removed: the group is an ordinary group again, told to write privately.
    groups.length = 0;
    r.fake.push(groupMessage(3, 'halo bot'));
    await r.until(() => sentToGroup().length === 1, 'the private-only answer');
    expect(sentToGroup()).toEqual([t('id', 'channel.private_only')]);
  });
});
