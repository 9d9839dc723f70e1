// The words of a rating: "belum" to "is it solved?", a score typed as a digit or as stars, "tidak" for no comment.

/** "belum", "blm", "not": the agency's "done" is not so for the citizen. */
export function saysNotYet(text: string): boolean {
  return /\b(belum|blm|blum|balum|not)\b/i.test(text);
}

/** A score from what was typed: that many stars (1–5), or a digit 1–5 alone among other signs. */
export function typedScore(text: string): number | null {
  const stars = [...text].filter((ch) => ch === '⭐' || ch === '★').length;
  if (stars >= 1 && stars <= 5) return stars;
  const digit = /^\D*([1-5])\D*$/.exec(text.trim());
  return digit ? Number(digit[1]) : null;
}

/** A bare no at the comment question ("tidak", "gak", "-", "lewat"): no comment. */
export function noComment(text: string): boolean {
  return /^\s*(tidak|nggak|gak|ga|kada|no|-|lewat)\s*$/i.test(text);
}
