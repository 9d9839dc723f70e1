// The operator's login page: the state, the latest QR string (or pairing code) and how to link the phone.
import type { ChannelState } from '../../outbox/outbound-channel.js';

export type QrPageModel = {
  state: ChannelState;
  qr: string | null;
  pairingCode: string | null;
  /** ISO time the QR or code was received. */
  receivedAt: string | null;
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The shell command that draws the QR on this server's terminal (Debian package `qrencode`, offline). */
export function qrencodeCommand(qr: string): string {
  return `qrencode -t ansiutf8 '${qr.replace(/'/g, `'\\''`)}'`;
}

const STATE_TEXT: Record<ChannelState, string> = {
  starting: 'Starting WhatsApp Web… / Memulai WhatsApp Web…',
  connected: 'Connected: the bot is receiving messages. / Terhubung: bot menerima pesan.',
  qr_needed: 'Login needed: link the bot phone below. / Perlu login: tautkan HP bot di bawah.',
  logged_out: 'Logged out: a new login is needed. / Keluar: perlu login ulang.',
  failing: 'Not connected, retrying… / Tidak terhubung, mencoba lagi…',
  stopped: 'Stopped. / Dihentikan.',
};

/**
 * No QR library ships with whatsapp-web.js, so the page shows the raw string (render it with an offline tool)
 * and, if configured, the pairing code, which needs no QR at all.
 */
export function qrPage(model: QrPageModel): string {
  const body: string[] = [`<p class="state">${escapeHtml(STATE_TEXT[model.state])}</p>`];
  if (model.pairingCode) {
    body.push(
      `<h2>Pairing code / Kode penautan</h2><p class="code" data-testid="pairing-code">${escapeHtml(model.pairingCode)}</p>`,
      '<p>On the bot phone: WhatsApp → Linked devices → Link a device → Link with phone number instead, then type this code.<br>',
      'Di HP bot: WhatsApp → Perangkat tertaut → Tautkan perangkat → Tautkan dengan nomor telepon saja, lalu ketik kode ini.</p>',
    );
  }
  if (model.qr) {
    body.push(
      '<h2>QR login / Login QR</h2>',
      `<textarea readonly rows="4" data-testid="qr">${escapeHtml(model.qr)}</textarea>`,
      '<p>This string is the QR code. Draw it on this server (offline) with:<br>Teks ini adalah kode QR. Tampilkan di server ini (offline) dengan:</p>',
      `<pre>${escapeHtml(qrencodeCommand(model.qr))}</pre>`,
      '<p>Then on the bot phone: WhatsApp → Linked devices → Link a device, and scan it. The code changes about every 20 seconds; this page reloads itself.<br>',
      'Lalu di HP bot: WhatsApp → Perangkat tertaut → Tautkan perangkat, dan pindai. Kode berganti sekitar tiap 20 detik; halaman ini memuat ulang sendiri.</p>',
      '<p class="warn">Never paste it into an online QR generator: whoever scans it controls the bot\'s WhatsApp.<br>',
      'Jangan tempel ke situs pembuat QR online: siapa pun yang memindainya menguasai WhatsApp bot.</p>',
    );
  }
  if (model.receivedAt) body.push(`<p class="meta">Received / Diterima: ${escapeHtml(model.receivedAt)}</p>`);
  const refresh =
    model.state === 'connected' || model.state === 'stopped' ? '' : '<meta http-equiv="refresh" content="5">';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">${refresh}<title>Aduan · WhatsApp login</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
textarea{width:100%;font:13px ui-monospace,monospace}pre{white-space:pre-wrap;word-break:break-all;background:#f3f3f3;padding:.5rem}
.code{font:700 2rem ui-monospace,monospace;letter-spacing:.2em}.state{font-weight:600}.warn{color:#a40000}.meta{color:#666}</style>
</head><body><h1>Aduan · WhatsApp Web</h1>
${body.join('\n')}
</body></html>`;
}
