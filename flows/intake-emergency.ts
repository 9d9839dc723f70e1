// The bot's answer to an emergency: who to call at once. Shared by the flow and by a chat handed to a person.
import type { ReplyEffect } from '../src/domain/reply.js';
import { type Emergency, emergencyNumbers } from '../src/understand/emergency-kinds.js';

export function emergencyReply(kind: Emergency): ReplyEffect {
  return {
    type: 'reply',
    key: `emergency.${kind}`,
    more: [
      { key: 'emergency.numbers', vars: { numbers: emergencyNumbers(kind).join(', ') } },
      { key: 'emergency.then' },
    ],
    expecting: 'none',
  };
}
