// Whether an "already reported?" answer also tells what came of it ("sudah, tapi tidak ada tanggapan").
import { normalize } from './normalize.js';

/** Words in an "already reported?" answer that tell what came of it: the answer is kept as the result. */
const RESULT_WORDS =
  /\b(tapi|tetapi|namun|cuma|disuruh|katanya|dijanjikan|janji|ditolak|diabaikan|dicuekin|menunggu|tunggu|(tidak|belum) (di)?(tanggapi|respon|balas|proses|urus)|(tidak|belum) ada (tanggapan|kabar|respon|jawaban|hasil|kejelasan))\b/;

/** "sudah 2x ke kantor lurah tapi tidak ada tanggapan": a result word, in an answer of three words or more. */
export function tellsResult(text: string): boolean {
  return RESULT_WORDS.test(normalize(text)) && text.split(/\s+/).length >= 3;
}
