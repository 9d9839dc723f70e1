// The adapter's life: QR login and its operator page, reconnect with backoff, initialize() timeouts, sending.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WaWebChannel, type WaWebChannelOptions } from '../../../src/channels/wa-web/wa-web-channel.js';
import type { InboundMessage } from '../../../src/conversation/inbound.js';
import type { RenderedMessage } from '../../../src/domain/reply.js';
import { SendError } from '../../../src/outbox/outbound-channel.js';
import { FakeWwebClient } from '../../fakes/fake-wweb-client.js';

const SITI = '6281234567890@c.us';
const SITI_LID = '118830163341418@lid';
const CONFIG = {
  chromiumPath: '/usr/bin/chromium',
  initTimeoutMs: 90_000,
  pairPhone: null,
  operatorToken: null,
};

type Logged = { level: string; msg: string };

function setup(overrides: Partial<WaWebChannelOptions> = {}) {
  const clients: FakeWwebClient[] = [];
  const prepare: ((c: FakeWwebClient) => void)[] = [];
  const logged: Logged[] = [];
  const printed: string[] = [];
  const pauses: number[] = [];
  const delivered: InboundMessage[] = [];
  const revoked: { messageId: string; chatId: string }[] = [];
  const log = {
    info: (_: object, msg: string) => logged.push({ level: 'info', msg }),
    warn: (_: object, msg: string) => logged.push({ level: 'warn', msg }),
    error: (_: object, msg: string) => logged.push({ level: 'error', msg }),
  };
  const channel = new WaWebChannel({
    config: CONFIG,
    sessionDir: '/tmp/aduan-wa-web-test-unused',
    log,
    createClient: () => {
      const c = new FakeWwebClient();
      prepare.shift()?.(c);
      clients.push(c);
      return c;
    },
    sleep: async (ms) => {
      pauses.push(ms);
    },
    printLogin: (s) => printed.push(s),
    onRevoke: (messageId, info) => revoked.push({ messageId, chatId: info.chatId }),
    ...overrides,
  });
  const deliver = async (m: InboundMessage) => {
    delivered.push(m);
  };
  return { channel, clients, prepare, logged, printed, pauses, delivered, revoked, deliver };
}

const reply = (text: string, labels: string[] = []): RenderedMessage => ({
  text,
  choices: labels.map((label, i) => ({ id: `c${i}`, label })),
  expecting: 'none',
});

afterEach(() => {
  vi.useRealTimers();
});

describe('WaWebChannel: login and the operator page', () => {
  it('shows the QR in the terminal and on /qr, then connects', async () => {
    const t = setup();
    await t.channel.start(t.deliver);
    expect(t.channel.state()).toBe('starting');
    const client = t.clients[0]!;
    const qr = client.showQr('2@Xy<z>&ref,KEYa+/=,KEYb=,SECRET=,1');
    expect(t.channel.state()).toBe('qr_needed');
    expect(t.printed.join('')).toContain(qr);

    const routes = t.channel.routes();
    const page = await routes.request('/qr');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('2@Xy&#60;z&#62;&#38;ref,KEYa+/=,KEYb=,SECRET=,1');
    expect(html).not.toContain('<z>');
    expect(html).toContain('qrencode -t ansiutf8');
    expect(html).toContain('Perangkat tertaut');
    const status = await (await routes.request('/status')).json();
    expect(status).toMatchObject({ channel: 'whatsapp', state: 'qr_needed', loginPending: true });

    client.connect();
    expect(t.channel.state()).toBe('connected');
    const after = await (await routes.request('/qr')).text();
    expect(after).not.toContain('SECRET');
    expect(after).toContain('Connected');
    await t.channel.stop();
    expect(t.channel.state()).toBe('stopped');
    expect(client.destroyCalls).toBe(1);
  });

  it('guards the operator routes with a token when one is configured', async () => {
    const t = setup({ config: { ...CONFIG, operatorToken: 'a-long-operator-secret' } });
    await t.channel.start(t.deliver);
    const routes = t.channel.routes();
    expect((await routes.request('/qr')).status).toBe(401);
    expect((await routes.request('/status?token=wrong-token-of-some-length')).status).toBe(401);
    expect((await routes.request('/status?token=a-long-operator-secret')).status).toBe(200);
    const bearer = await routes.request('/qr', {
      headers: { authorization: 'Bearer a-long-operator-secret' },
    });
    expect(bearer.status).toBe(200);
    await t.channel.stop();
  });

  it('shows a pairing code when the client sends one', async () => {
    const t = setup();
    await t.channel.start(t.deliver);
    t.clients[0]!.emit('code', 'W2X4Z7KP');
    expect(t.channel.state()).toBe('qr_needed');
    expect(await (await t.channel.routes().request('/qr')).text()).toContain('W2X4Z7KP');
    await t.channel.stop();
  });
});

describe('WaWebChannel: failures and reconnects', () => {
  it('times out an initialize() that never settles: destroys the client, resolves start(), retries later', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.prepare.push((c) => {
      c.initialize_ = 'hang';
    });
    let started = false;
    const starting = t.channel.start(t.deliver).then(() => {
      started = true;
    });
    await vi.advanceTimersByTimeAsync(89_999);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await starting;
    expect(started).toBe(true);
    const hung = t.clients[0]!;
    expect(hung.destroyCalls).toBe(1);
    expect(t.channel.state()).toBe('failing');
    expect(t.channel.status().lastError).toContain('did not finish within 90 s');
    expect(t.logged.some((l) => l.level === 'error' && l.msg.includes('did not finish'))).toBe(true);
    expect(t.channel.status().nextRetryAt).not.toBeNull();

    // The retry brings a working client; events of the abandoned one are ignored.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.clients).toHaveLength(2);
    hung.connect();
    expect(t.channel.state()).toBe('failing');
    t.clients[1]!.connect();
    expect(t.channel.state()).toBe('connected');
    expect(t.channel.status().reconnectAttempts).toBe(0);
    await t.channel.stop();
  });

  it('does not kill a client that is slow to return but already showed a QR', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.prepare.push((c) => {
      c.initialize_ = () => {
        c.showQr('2@slow');
        return new Promise(() => {});
      };
    });
    const starting = t.channel.start(t.deliver);
    await vi.advanceTimersByTimeAsync(90_000);
    await starting;
    expect(t.clients[0]!.destroyCalls).toBe(0);
    expect(t.channel.state()).toBe('qr_needed');
    await t.channel.stop();
  });

  it('never throws out of start() when the browser cannot launch or the client cannot be built', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.prepare.push((c) => {
      c.initialize_ = 'reject';
    });
    await expect(t.channel.start(t.deliver)).resolves.toBeUndefined();
    expect(t.channel.state()).toBe('failing');
    expect(t.channel.status().lastError).toContain('Failed to launch');
    await t.channel.stop();

    const broken = setup({
      createClient: () => {
        throw new Error('whatsapp-web.js not installed');
      },
    });
    await expect(broken.channel.start(broken.deliver)).resolves.toBeUndefined();
    expect(broken.channel.state()).toBe('failing');
    await broken.channel.stop();
  });

  it('reconnects after a disconnect with exponential backoff, and resets it once connected', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.channel.start(t.deliver);
    t.clients[0]!.connect();
    expect(t.channel.state()).toBe('connected');

    t.clients[0]!.disconnect('CONFLICT');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.channel.state()).toBe('failing');
    expect(t.clients[0]!.destroyCalls).toBe(1);

    // 1st retry after 5 s: the browser fails to launch.
    t.prepare.push((c) => {
      c.initialize_ = 'reject';
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(t.clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.clients).toHaveLength(2);
    expect(t.clients[1]!.destroyCalls).toBe(1);

    // 2nd retry after 10 s, 3rd after 20 s.
    t.prepare.push((c) => {
      c.initialize_ = 'reject';
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(t.clients).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.clients).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(t.clients).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.clients).toHaveLength(4);
    t.clients[3]!.connect();
    expect(t.channel.state()).toBe('connected');
    expect(t.channel.status().reconnectAttempts).toBe(0);

    // A logout says so, and the next client asks for a new QR after the (reset) base delay.
    t.clients[3]!.disconnect('LOGOUT');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.channel.state()).toBe('logged_out');
    await vi.advanceTimersByTimeAsync(5_000);
    t.clients[4]!.showQr();
    expect(t.channel.state()).toBe('qr_needed');

    await t.channel.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(t.clients).toHaveLength(5);
    expect(t.channel.state()).toBe('stopped');
  });

  it('an auth failure means logged out', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.channel.start(t.deliver);
    t.clients[0]!.emit('auth_failure', 'session restore failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.channel.state()).toBe('logged_out');
    await t.channel.stop();
  });
});

describe('WaWebChannel: sending', () => {
  async function connected(overrides: Partial<WaWebChannelOptions> = {}) {
    const t = setup(overrides);
    await t.channel.start(t.deliver);
    t.clients[0]!.connect();
    return { ...t, client: t.clients[0]! };
  }

  it('pauses between consecutive messages to one chat, not across chats', async () => {
    let now = 1_000_000;
    const t = await connected({ now: () => now });
    await t.channel.send(SITI, reply('satu'));
    await t.channel.send('6285200000000@c.us', reply('lain'));
    expect(t.pauses).toEqual([]);
    now += 200;
    await t.channel.send(SITI, reply('dua', ['Ya', 'Tidak']));
    expect(t.pauses).toEqual([500]);
    now += 5_000;
    const result = await t.channel.send(SITI, reply('tiga'));
    expect(t.pauses).toEqual([500]);
    expect(result.platformMessageId).toMatch(/^true_6281234567890@c\.us_/);
    expect(t.client.sent.map((s) => s.text)).toEqual([
      'satu',
      'lain',
      'dua\n\n1. Ya\n2. Tidak\n\nBalas dengan angka 1–2.',
      'tiga',
    ]);
    await t.channel.stop();
  });

  it('sends one message at a time across chats, and tells the sender how long a chat still has to wait', async () => {
    let now = 1_000_000;
    const t = await connected({ now: () => now });
    let inFlight = 0;
    let most = 0;
    const send = t.client.sendMessage.bind(t.client);
    t.client.sendMessage = async (...args: Parameters<typeof send>) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return send(...args);
    };
    await Promise.all(
      ['6285200000001@c.us', '6285200000002@c.us', SITI].map((c) => t.channel.send(c, reply('x'))),
    );
    expect(most).toBe(1);
    expect(t.client.sent).toHaveLength(3);
    expect(t.channel.delayFor(SITI)).toBe(700);
    now += 300;
    expect(t.channel.delayFor(SITI)).toBe(400);
    expect(t.channel.delayFor('6285200000009@c.us')).toBe(0);
    await t.channel.stop();
  });

  it('splits a long message into several sends with pauses', async () => {
    const t = await connected({ now: () => 0 });
    const long = 'Kalimat ini diulang untuk membuat pesan yang sangat panjang sekali. '.repeat(130);
    await t.channel.send(SITI, reply(long));
    expect(t.client.sent.length).toBe(3);
    expect(t.pauses).toEqual([700, 700]);
    await t.channel.stop();
  });

  it('turns failures into retryable SendErrors, with a delay while not connected', async () => {
    const t = setup();
    await t.channel.start(t.deliver);
    const notYet = await t.channel.send(SITI, reply('x')).catch((e: unknown) => e);
    expect(notYet).toBeInstanceOf(SendError);
    expect(notYet).toMatchObject({ retryable: true, retryAfterMs: 60_000 });
    t.clients[0]!.connect();
    t.clients[0]!.sendFailures.push(new Error('Protocol error (Runtime.callFunctionOn): Target closed'));
    const failed = await t.channel.send(SITI, reply('x')).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SendError);
    expect(failed).toMatchObject({ retryable: true });
    await t.channel.send(SITI, reply('x'));
    expect(t.clients[0]!.sent).toHaveLength(1);
    await t.channel.stop();
  });

  it('falls back to the LID when WhatsApp refuses the phone id ("No LID for user")', async () => {
    const t = await connected();
    t.client.lidOnly.add(SITI);
    t.client.lids.set(SITI_LID, SITI);
    await t.channel.send(SITI, reply('halo'));
    expect(t.client.sent).toEqual([{ chatId: SITI_LID, text: 'halo' }]);
    await t.channel.stop();
  });
});

describe('WaWebChannel: inbound', () => {
  async function connected() {
    const t = setup();
    await t.channel.start(t.deliver);
    t.clients[0]!.connect();
    return { ...t, client: t.clients[0]! };
  }

  it('delivers personal messages in order and drops groups, status, own messages', async () => {
    const t = await connected();
    const a = t.client.text(SITI, 'pak');
    t.client.image(SITI, { caption: 'ini fotonya' });
    t.client.text(SITI, 'mau lapor');
    t.client.groupText('120363041234567890@g.us', SITI, 'halo grup');
    t.client.statusUpdate(SITI, 'status');
    t.client.emit('message', t.client.own(SITI, 'dari HP bot'));
    await t.channel.idle();
    expect(t.delivered.map((m) => m.text)).toEqual(['pak', 'ini fotonya', 'mau lapor']);
    expect(t.delivered[0]).toMatchObject({ channel: 'whatsapp', chatId: SITI, messageId: a.id._serialized });
    expect(t.delivered[1]?.media?.[0]?.kind).toBe('photo');
    expect(t.client.sent).toEqual([]);
    await t.channel.stop();
  });

  it('answers what it cannot take with the locale notices, without bothering the runtime', async () => {
    const t = await connected();
    t.client.poll(SITI);
    t.client.image(SITI, { size: 50 * 1024 * 1024 });
    await t.channel.idle();
    expect(t.delivered).toEqual([]);
    expect(t.client.sent.map((s) => s.text)).toEqual([
      'Maaf, jenis pesan ini belum bisa saya proses. Silakan kirim tulisan, foto, dokumen, atau lokasi.',
      'Berkas terlalu besar (batas 10 MB).',
    ]);
    await t.channel.stop();
  });

  it('reports a message deleted for everyone to the onRevoke hook', async () => {
    const t = await connected();
    const msg = t.client.text(SITI, 'salah');
    await t.channel.idle();
    t.client.revoke(msg);
    await t.channel.idle();
    expect(t.revoked).toEqual([{ messageId: msg.id._serialized, chatId: SITI }]);
    await t.channel.stop();
  });

  it('keeps going when delivery fails', async () => {
    const t = setup();
    let calls = 0;
    await t.channel.start(async () => {
      calls++;
      throw new Error('database is locked');
    });
    t.clients[0]!.connect();
    t.clients[0]!.text(SITI, 'halo');
    t.clients[0]!.text(SITI, 'halo lagi');
    await t.channel.idle();
    expect(calls).toBe(2);
    expect(t.logged.filter((l) => l.msg.includes('delivery failed'))).toHaveLength(2);
    await t.channel.stop();
  });
});
