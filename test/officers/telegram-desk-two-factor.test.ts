// An admin without two-step verification reaches nothing through Telegram either: a linked admin's button presses
// and /balas replies are refused with how to set it up, until its TOTP is on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/locales.js';
import { TelegramDesk } from '../../src/officers/telegram-desk.js';
import { TelegramLinking } from '../../src/officers/telegram-linking.js';
import { Harness } from '../helpers/harness.js';
import { enableTestTotp } from '../helpers/two-factor.js';

describe('Telegram desk and two-step verification', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  const desk = () => {
    const { store, actions } = h.core;
    return new TelegramDesk({
      store,
      actions,
      linking: new TelegramLinking({ store, clock: h.clock, random: h.core.ids.random }),
    });
  };
  const linked = (role: 'admin' | 'officer') => {
    const id = h.core.store.officers.add(
      {
        username: `${role}1`,
        name: null,
        role,
        agencies: role === 'admin' ? [] : ['dinas-pupr-banjarmasin'],
        passwordHash: 'x',
      },
      h.clock.now(),
    );
    h.core.store.telegramOfficers.link('4242', id, h.clock.now());
    return id;
  };
  const needed = t('id', 'officer.bot.two_factor_needed');

  it('refuses a linked admin without TOTP, and lets it act once TOTP is on', () => {
    const id = linked('admin');
    expect(desk().press('4242', 'aduan:ADU-2611-4K7Q:diproses')).toMatchObject({
      answer: needed,
      alert: true,
    });
    expect(
      desk().reply({ telegramUserId: '4242', chatId: '-100', replyTo: 7, text: 'sudah ditangani' }),
    ).toBe(needed);
    enableTestTotp(h, id);
    expect(desk().press('4242', 'aduan:ADU-2611-4K7Q:diproses').answer).not.toBe(needed);
    expect(
      desk().reply({ telegramUserId: '4242', chatId: '-100', replyTo: 7, text: 'sudah ditangani' }),
    ).toBe(t('id', 'officer.bot.reply_help'));
  });

  it('does not ask an officer (optional for them) to set it up', () => {
    linked('officer');
    expect(desk().reply({ telegramUserId: '4242', chatId: '-100', replyTo: 7, text: 'x' })).toBe(
      t('id', 'officer.bot.reply_help'),
    );
  });
});
