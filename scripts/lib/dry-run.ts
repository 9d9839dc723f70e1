// Plays a persona through the real runtime in this process (a temporary SQLite file, no HTTP), letting the citizen
// answer each question it reads. Used to check the citizens understand the flow, and to record fixed scripts for the
// load test's "think" pacing, where citizens do not wait for replies (which may lag far behind under load).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, buildCore } from '../../src/app/core.js';
import type { InboundMessage } from '../../src/conversation/inbound.js';
import type { Outgoing } from '../../src/conversation/runtime.js';
import { type Action, Brain, type Persona, type Prompt, classify, isConfirm } from './citizen.js';
import { PHOTO_BYTES } from './fake-bot-api.js';

export type Script = {
  actions: Action[];
  /** The index of the action that confirms the complaint (files the ticket), or null. */
  confirmAt: number | null;
  /** How the dialogue ended. */
  end: 'submitted' | 'cancelled' | 'stuck';
  /** The prompts seen, in order (for failure messages). */
  prompts: Prompt[];
};

const MAX_TURNS = 40;

export class DryRun {
  private readonly dir = mkdtempSync(join(tmpdir(), 'aduan-dryrun-'));
  private readonly core: Core;
  private chat = 0;

  constructor() {
    this.core = buildCore({ dbPath: join(this.dir, 'dry.db'), dataDir: this.dir });
  }

  close(): void {
    this.core.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  script(persona: Persona): Script {
    const brain = new Brain(persona);
    const chatId = `dry-${++this.chat}`;
    const actions: Action[] = [];
    const prompts: Prompt[] = [];
    let confirmAt: number | null = null;
    let next: Action[] | null = [brain.opening()];
    for (let turn = 0; turn < MAX_TURNS && next; turn++) {
      let last: Outgoing | undefined;
      for (const action of next) {
        actions.push(action);
        if (isConfirm(action)) confirmAt = actions.length - 1;
        const out = this.core.runtime.handle(this.inbound(chatId, actions.length, action)).outgoing;
        for (const o of out) this.core.store.outbox.markSent(o.id, Date.now(), null);
        last = out.at(-1) ?? last;
      }
      if (!last) return { actions, confirmAt, end: 'stuck', prompts };
      const prompt = classify(last.message.text);
      prompts.push(prompt);
      if (prompt === 'submitted') return { actions, confirmAt, end: 'submitted', prompts };
      if (prompt === 'cancelled') return { actions, confirmAt: null, end: 'cancelled', prompts };
      const buttons = last.message.expecting === 'phone' ? [] : last.message.choices.map((c) => c.id);
      next = brain.answer(prompt, buttons);
    }
    return { actions, confirmAt, end: 'stuck', prompts };
  }

  private inbound(chatId: string, n: number, a: Action): InboundMessage {
    const base = { channel: 'telegram' as const, chatId, messageId: `${chatId}:${n}` };
    switch (a.kind) {
      case 'text':
        return { ...base, text: a.text };
      case 'tap':
        return { ...base, text: a.data };
      case 'contact':
        return { ...base, contact: { phone: `+${a.phone}` } };
      case 'location':
        return { ...base, location: { lat: a.lat, lon: a.lon } };
      case 'photo':
        return { ...base, media: [{ kind: 'photo', mime: 'image/jpeg', data: PHOTO_BYTES }] };
    }
  }
}
