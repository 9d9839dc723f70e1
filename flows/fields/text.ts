// Small readings of an answer's text shared by the fields: clipped to a length, and whether it has words.
import { LIMITS } from '../intake-context.js';

export const clip = (text: string, max: number = LIMITS.answerChars) => text.trim().slice(0, max);

export const hasLetters = (text: string) => /\p{L}{2,}/u.test(text);
