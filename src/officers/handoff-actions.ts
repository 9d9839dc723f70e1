// What officers do with a chat that asked for a person, each in one transaction and audited (with the account's
// role): take it, write to the citizen through their chat ("Petugas: …"), and hand it back to the bot (the flow
// resumes where it was). A taken chat returns to the bot after `idleMs` without its officer writing; one whose taker's
// account was disabled may be taken over or handed back by anyone who sees it. Access is the hand-off queue's scope:
// one outside it is not_found.
import type { DispatchEvent } from '../../flows/intake-events.js';
import type { Clock } from '../clock.js';
import type { Officer } from '../domain/officer.js';
import type { ReplyEffect } from '../domain/reply.js';
import type { Directory } from '../routing/directory.js';
import type { Handoff } from '../storage/handoffs.js';
import type { Store } from '../storage/store.js';
import { scopeOf } from './policy.js';
import { MAX_OFFICER_TEXT } from './ticket-actions.js';

export type HandoffProblem = 'not_found' | 'gone' | 'not_taken' | 'not_stranded' | 'empty';
export type HandoffResult = { ok: true } | { ok: false; problem: HandoffProblem };

export type HandoffActionsDeps = {
  store: Store;
  directory: Directory;
  clock: Clock;
  /** How long a taken chat stays with its officer after taking it or their last message. */
  idleMs: number;
  /** The runtime's door into a conversation (the hand back re-asks the flow's open question). */
  dispatch: (conversationId: number, event: DispatchEvent) => unknown;
  /** Sends words to a chat as they are, in its language. */
  tell: (conversationId: number, reply: ReplyEffect) => unknown;
};

export class HandoffActions {
  constructor(private readonly deps: HandoffActionsDeps) {}

  /** A hand-off this account may see, in any state; null outside its scope. */
  find(officer: Officer, id: number): Handoff | null {
    return this.deps.store.handoffs.get(id, scopeOf(officer, this.deps.directory));
  }

  /** The live hand-offs this account may see, the longest waiting first. */
  queue(officer: Officer): Handoff[] {
    return this.deps.store.handoffs.queue(scopeOf(officer, this.deps.directory));
  }

  /** How many wait for someone in this account's scope (the navigation's count). */
  waiting(officer: Officer): number {
    return this.deps.store.handoffs.countOpen(scopeOf(officer, this.deps.directory));
  }

  take(officer: Officer, id: number): HandoffResult {
    return this.act(officer, id, 'officer.handoff_taken', (h, now) => {
      const idleAt = now + this.deps.idleMs;
      if (!this.deps.store.handoffs.take(h.id, officer.id, now, idleAt)) return 'gone';
      this.deps.store.handoffs.holdDeadline(h.conversationId, idleAt);
      return null;
    });
  }

  /** Takes over a chat whose taker's account is disabled (the citizen is not told: the officer writes next). */
  takeOver(officer: Officer, id: number): HandoffResult {
    return this.act(officer, id, 'officer.handoff_taken_over', (h, now) => {
      const from = h.takenBy;
      if (h.state !== 'taken' || !from?.disabled) return 'not_stranded';
      const idleAt = now + this.deps.idleMs;
      if (!this.deps.store.handoffs.takeOver(h.id, from.id, officer.id, now, idleAt)) return 'gone';
      this.deps.store.handoffs.holdDeadline(h.conversationId, idleAt);
      return null;
    });
  }

  reply(officer: Officer, id: number, text: string): HandoffResult {
    const said = text.trim().slice(0, MAX_OFFICER_TEXT);
    return this.act(officer, id, 'officer.handoff_replied', (h, now) => {
      if (h.state !== 'taken' || h.takenBy?.id !== officer.id) return 'not_taken';
      if (!said) return 'empty';
      const idleAt = now + this.deps.idleMs;
      this.deps.store.handoffs.renew(h.id, idleAt);
      this.deps.store.handoffs.holdDeadline(h.conversationId, idleAt);
      this.deps.tell(h.conversationId, {
        type: 'reply',
        key: 'handoff.officer',
        vars: { text: said },
        expecting: 'none',
      });
      return null;
    });
  }

  /**
   * Hands the chat back to the bot: an open one by whoever sees it, a taken one by its taker, an admin, or (its
   * taker's account disabled) whoever sees it.
   */
  handBack(officer: Officer, id: number): HandoffResult {
    return this.act(officer, id, 'officer.handoff_returned', (h, now) => {
      const others = officer.role === 'admin' || h.takenBy?.disabled === true;
      if (h.state === 'taken' && h.takenBy?.id !== officer.id && !others) return 'not_taken';
      if (!this.deps.store.handoffs.end(h.id, 'returned', now)) return 'gone';
      this.deps.dispatch(h.conversationId, { type: 'handoff.returned', now, why: 'officer' });
      return null;
    });
  }

  /** Finds the live hand-off in scope, runs `change` and audits it, all in one transaction. */
  private act(
    officer: Officer,
    id: number,
    type: string,
    change: (h: Handoff, now: number) => HandoffProblem | null,
  ): HandoffResult {
    const { store, clock } = this.deps;
    return store.tx((): HandoffResult => {
      const h = this.find(officer, id);
      if (!h || officer.disabled) return { ok: false, problem: 'not_found' };
      if (h.state !== 'open' && h.state !== 'taken') return { ok: false, problem: 'gone' };
      const now = clock.now();
      const problem = change(h, now);
      if (problem) return { ok: false, problem };
      store.audit.record({
        at: now,
        actor: `officer:${officer.id}`,
        type,
        conversationId: h.conversationId,
        ticketId: h.ticketId,
        // The role, and whose chat it was: a coordinator's take and a take over from a disabled account show.
        data: { handoff: h.id, role: officer.role, taker: h.takenBy?.id ?? null },
      });
      return { ok: true };
    });
  }
}
