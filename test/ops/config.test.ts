// The settings an operator and a load test need: per-sender limits (0 = none), the Telegram send limiter switch and
// the heap's growth.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';

describe('config', () => {
  it('per-sender limits default to 20 a minute, 20 uploads and 50 MB a day; 0 means none', () => {
    const d = loadConfig({});
    expect([d.SENDER_MESSAGES_PER_MINUTE, d.SENDER_UPLOADS_PER_DAY, d.SENDER_UPLOAD_MB_PER_DAY]).toEqual([
      20, 20, 50,
    ]);
    const off = loadConfig({
      SENDER_MESSAGES_PER_MINUTE: '0',
      SENDER_UPLOADS_PER_DAY: '0',
      SENDER_UPLOAD_MB_PER_DAY: '0',
    });
    expect([
      off.SENDER_MESSAGES_PER_MINUTE,
      off.SENDER_UPLOADS_PER_DAY,
      off.SENDER_UPLOAD_MB_PER_DAY,
    ]).toEqual([0, 0, 0]);
    expect(() => loadConfig({ SENDER_MESSAGES_PER_MINUTE: '-1' })).toThrow(/SENDER_MESSAGES_PER_MINUTE/);
    expect(() => loadConfig({ SENDER_UPLOADS_PER_DAY: 'lots' })).toThrow(/SENDER_UPLOADS_PER_DAY/);
  });

  it('the Telegram send limiter is on unless TELEGRAM_SEND_LIMITS=0', () => {
    expect(loadConfig({}).TELEGRAM_SEND_LIMITS).toBe(true);
    expect(loadConfig({ TELEGRAM_SEND_LIMITS: '' }).TELEGRAM_SEND_LIMITS).toBe(true);
    expect(loadConfig({ TELEGRAM_SEND_LIMITS: '1' }).TELEGRAM_SEND_LIMITS).toBe(true);
    expect(loadConfig({ TELEGRAM_SEND_LIMITS: '0' }).TELEGRAM_SEND_LIMITS).toBe(false);
    expect(() => loadConfig({ TELEGRAM_SEND_LIMITS: 'maybe' })).toThrow(/TELEGRAM_SEND_LIMITS/);
  });

  it('the heap grows 25% past its live data unless NODE_HEAP_GROWTH_PERCENT says otherwise (0: V8 decides)', () => {
    expect(loadConfig({}).NODE_HEAP_GROWTH_PERCENT).toBe(25);
    expect(loadConfig({ NODE_HEAP_GROWTH_PERCENT: '0' }).NODE_HEAP_GROWTH_PERCENT).toBe(0);
    expect(loadConfig({ NODE_HEAP_GROWTH_PERCENT: '100' }).NODE_HEAP_GROWTH_PERCENT).toBe(100);
    expect(() => loadConfig({ NODE_HEAP_GROWTH_PERCENT: '-5' })).toThrow(/NODE_HEAP_GROWTH_PERCENT/);
    expect(() => loadConfig({ NODE_HEAP_GROWTH_PERCENT: 'small' })).toThrow(/NODE_HEAP_GROWTH_PERCENT/);
  });
});
