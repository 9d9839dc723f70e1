// Whether an earlier complaint was solved: any sign it is still open outweighs words of success.
import { describe, expect, it } from 'vitest';
import { priorReportSolved } from '../../src/routing/prior-report.js';

describe('priorReportSolved', () => {
  it.each([
    'sudah beres',
    'Alhamdulillah sudah selesai',
    'sudah diperbaiki minggu lalu',
    'air sudah mengalir lagi',
    'ktp sudah jadi',
  ])('%s → solved', (result) => {
    expect(priorReportSolved(result)).toBe(true);
  });

  it.each([
    'tidak ada tanggapan',
    'belum',
    'blm ada kabar',
    'diabaikan',
    'tidak ditanggapi',
    'gak direspon sama sekali',
    'kada ditanggapi',
    'katanya sudah selesai tapi belum diperbaiki',
    'dijanjikan minggu depan beres',
    'masih menunggu',
    'sudah lapor',
    'ditanggapi, disuruh sabar',
    '',
    null,
  ])('%s → not solved', (result) => {
    expect(priorReportSolved(result)).toBe(false);
  });
});
