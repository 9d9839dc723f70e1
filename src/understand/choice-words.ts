// The words of two fixed choices: the same ticket or a new one at a duplicate; resume or start anew after a pause.
import { parseChoice } from './choice.js';
import { parseYesNo } from './yes-no.js';

/** "sama", "baru" (or a yes for the same one, a no for a new one) to "is this the same complaint?". */
export function duplicateChoice(text: string): 'same' | 'new' | null {
  const words = parseChoice(text, [
    { id: 'same', words: ['sama', 'ya sama', 'tambahkan', 'tambah ke tiket'] },
    { id: 'new', words: ['baru', 'beda', 'berbeda', 'kirim baru'] },
  ]);
  const yn = parseYesNo(text);
  return words ?? (yn === 'yes' ? 'same' : yn === 'no' ? 'new' : null);
}

/** "lanjut" or "baru" to "go on with the paused draft, or start anew?". */
export function pausedChoice(text: string): 'resume' | 'new' | null {
  return parseChoice(text, [
    { id: 'resume', words: ['lanjut', 'lanjutkan', 'teruskan'] },
    { id: 'new', words: ['baru', 'mulai baru', 'ulang'] },
  ]);
}
