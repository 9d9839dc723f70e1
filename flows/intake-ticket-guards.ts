// Guards once a complaint is filed: a likely duplicate, messages about filed tickets, withdrawing, rating.
import { duplicateChoice } from '../src/understand/choice-words.js';
import { parseChoice } from '../src/understand/choice.js';
import { saysNotYet } from '../src/understand/rating-answers.js';
import { parseYesNo } from '../src/understand/yes-no.js';
import { scoreOf, skipsComment, sureOf } from './intake-answers.js';
import { defineGuards } from './intake-guard.js';
import { msg, pickText } from './intake-message.js';
import { afterSubmitQuestion, duplicateQuestion, resolvedQuestion } from './intake-questions.js';
import { pickShown } from './intake-shown.js';
import { AFTER_SUBMIT_WORDS, type TicketTarget, targetOf, whichTicketPick } from './intake-tickets.js';

export const ticketGuards = defineGuards({
  duplicatePick: ({ context, event }, id: 'same' | 'new') => {
    const m = msg(event);
    if (!m) return false;
    const question = duplicateQuestion(context.duplicateOf ?? '');
    const shown = pickShown(question, m.text);
    if (shown) return shown === id;
    return duplicateChoice(m.text) === id;
  },
  resolvedAnswer: ({ context, event }, answer: 'yes' | 'no') => {
    const m = msg(event);
    if (!m) return false;
    const shown = pickShown(resolvedQuestion(context.rating?.ticket ?? ''), m.text);
    if (shown) return shown === answer;
    if (saysNotYet(m.text)) return answer === 'no';
    return parseYesNo(m.text) === answer || sureOf(resolvedQuestion(''), m.text) === answer;
  },
  scoreGiven: ({ event }) => {
    const m = msg(event);
    return !!m && scoreOf(m.text) !== null;
  },
  skipComment: ({ event }) => {
    const m = msg(event);
    return !!m && skipsComment(m.text);
  },
  hasText: ({ event }) => {
    const m = msg(event);
    return !!m && m.text.trim().length > 0;
  },
  afterSubmitPick: ({ context, event }, id: 'add' | 'new' | 'withdraw') => {
    const m = msg(event);
    if (!m) return false;
    const shown = pickShown(afterSubmitQuestion(context.lastTicket ?? ''), m.text);
    if (shown) return shown === id;
    return (
      parseChoice(m.text, [
        { id: 'add', words: [...AFTER_SUBMIT_WORDS.add] },
        { id: 'new', words: [...AFTER_SUBMIT_WORDS.new] },
        { id: 'withdraw', words: [...AFTER_SUBMIT_WORDS.withdraw] },
      ]) === id
    );
  },
  /** Where a message after filing goes: a replied-to ticket, the only open one, or a question (several open). */
  targets: ({ context, event }, kind: TicketTarget['kind']) => {
    const m = msg(event);
    return !!m && targetOf(context, m).kind === kind;
  },
  /** A reply to a ticket's message that asks to withdraw it. */
  repliedWithdraw: ({ context, event }) => {
    const m = msg(event);
    if (!m || targetOf(context, m).kind !== 'replied') return false;
    return parseChoice(m.text, [{ id: 'withdraw', words: [...AFTER_SUBMIT_WORDS.withdraw] }]) === 'withdraw';
  },
  filesWithoutText: ({ event }) => {
    const m = msg(event);
    return !!m && !m.text.trim() && m.attachments.some((a) => a.kind !== 'sticker');
  },
  whichPick: ({ context, event }, want: 'ticket' | 'new' | 'withdraw') => {
    const pick = whichTicketPick(context, pickText(event));
    if (pick === null) return false;
    if (want === 'ticket') return pick !== 'new' && pick !== 'withdraw';
    return pick === want;
  },
});
