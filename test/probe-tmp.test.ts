import { it } from 'vitest';
import { Harness } from './helpers/harness.js';
it('probe', () => {
  const h = new Harness();
  const show = (said: string) => {
    const r = h.say('c', said);
    console.log('>>', said);
    for (const m of r) console.log(JSON.stringify({ e: m.expecting, w: m.wordChoices, t: m.text.slice(0, 300), c: m.choices }));
  };
  for (const s of ['halo', 'setuju', 'petugas minta uang tambahan waktu saya mengurus sesuatu', 'selesai', '2', '5', 'kemarin', 'dekat pasar', 'belum', 'dikembalikan uangnya', 'lewati', '1', 'Siti Rahmah', '6371045708900001', '0812-3456-7890', 'ubah', '1', 'kirim']) show(s);
  h.close();
});
