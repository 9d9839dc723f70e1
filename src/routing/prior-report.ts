// Whether what the citizen says came of an earlier complaint to the agency means it was solved (then no escalation offer).
import { storyText } from './details.js';

/** Words that say it was not (or not yet) solved; any of them outweighs a word of success. */
const NOT_SOLVED =
  / (?:belum|tidak (?:ada )?(?:di)?(?:tanggapi|tanggapan|respon|respons|balas|balasan|jawab|jawaban|kabar|hasil|kejelasan|solusi|tindak lanjut|tindaklanjuti|proses|urus|layani|selesai|beres|tuntas|jelas|gubris)|diabaikan|dibiarkan|dicuekin|dicuekkan|ditolak|dilempar|dipingpong|dijanjikan|janji|menunggu|masih|percuma|sia sia|nihil|gagal|mandek|mangkrak) /;

/** Words that say the matter was settled. */
const SOLVED =
  / (?:beres|sudah beres|selesai|tuntas|teratasi|diatasi|ditangani|diperbaiki|dibereskan|diselesaikan|sudah jadi|sudah keluar|sudah diganti|sudah dibayar|sudah cair|sudah dikembalikan|sudah normal|sudah lancar|sudah menyala|sudah mengalir) /;

/** True only when the result says the matter was settled and says nothing of it still being open. */
export function priorReportSolved(result: string | null): boolean {
  if (result === null) return false;
  const text = storyText(result);
  return SOLVED.test(text) && !NOT_SOLVED.test(text);
}
