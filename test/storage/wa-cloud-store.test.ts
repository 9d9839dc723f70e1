// The SQLite store behind the WhatsApp Cloud API channel: window times, held messages in order, statuses forward only.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { sqliteWaCloudStore } from '../../src/storage/wa-cloud-store.js';

const msg = (text: string) => ({ text, choices: [], expecting: 'none' as const });

describe('sqlite WhatsApp Cloud store', () => {
  it('keeps the latest inbound time, held messages oldest first, the last menu and statuses moving forward', () => {
    const db = openDb(':memory:');
    const s = sqliteWaCloudStore(db);
    expect(s.lastInbound('62811')).toBeNull();
    s.recordInbound('62811', 2000);
    s.recordInbound('62811', 1000); // a late, older webhook does not move the window back
    expect(s.lastInbound('62811')).toBe(2000);
    s.hold('62811', msg('first'), 3000);
    s.hold('62811', msg('second'), 3001);
    s.hold('62899', msg('other chat'), 3002);
    expect(s.takeHeld('62811').map((m) => m.text)).toEqual(['first', 'second']);
    expect(s.takeHeld('62811')).toEqual([]);
    s.recordTemplate('62811', 4000);
    expect(s.lastTemplate('62811')).toBe(4000);
    expect(s.lastInbound('62811')).toBe(2000);
    s.saveMenu('62811', { text: 'menu', choices: [{ id: '1', label: 'Satu' }], expecting: 'region' });
    expect(s.menu('62811')?.choices).toHaveLength(1);
    s.recordStatus('wamid.1', 'read', 10);
    s.recordStatus('wamid.1', 'delivered', 11);
    expect(s.status('wamid.1')?.status).toBe('read');
    s.recordStatus('wamid.1', 'failed', 12, { code: 131026, title: 'Message undeliverable' });
    expect(s.status('wamid.1')).toMatchObject({ status: 'failed', errorCode: 131026 });
    db.close();
  });

  it('closes a window only if the citizen did not write after the failed send, and takes back one held copy', () => {
    const db = openDb(':memory:');
    const s = sqliteWaCloudStore(db);
    s.recordInbound('62811', 1000);
    s.closeWindow('62811', 900); // the citizen wrote after that send: the window stays open
    expect(s.lastInbound('62811')).toBe(1000);
    s.closeWindow('62811', 1000);
    expect(s.lastInbound('62811')).toBeNull();
    s.recordTemplate('62811', 2000);
    s.forgetTemplate('62811');
    expect(s.lastTemplate('62811')).toBeNull();
    s.hold('62811', msg('kabar'), 3000);
    s.hold('62811', msg('lain'), 3000);
    s.hold('62811', msg('kabar'), 5000); // held by a later send: not the one that failed
    expect(s.unhold('62811', msg('kabar'), 4000)).toBe(true);
    expect(s.unhold('62811', msg('kabar'), 4000)).toBe(false);
    expect(s.unhold('62899', msg('lain'), 4000)).toBe(false);
    expect(s.takeHeld('62811').map((m) => m.text)).toEqual(['lain', 'kabar']);
    db.close();
  });
});
