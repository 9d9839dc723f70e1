// Writing response templates: create, change and delete, each checked against the account's reach and audited in
// the same transaction.
import type { Clock } from '../clock.js';
import type { Officer } from '../domain/officer.js';
import type { TemplateDraft } from '../domain/response-template.js';
import type { Directory } from '../routing/directory.js';
import type { Store } from '../storage/store.js';
import { mayEditTemplate, reachesTemplate } from './template-access.js';

export type TemplateProblem = 'not_found' | 'not_allowed' | 'unknown_agency';

export type TemplateEditsDeps = { store: Store; directory: Directory; clock: Clock };

export class TemplateEdits {
  constructor(private readonly deps: TemplateEditsDeps) {}

  /**
   * Creates a template (`id` null) or changes one. A template outside the account's reach is `not_found` before any
   * other check; one it may read but not write, or a draft for an agency it may not write for, is `not_allowed`.
   */
  save(
    officer: Officer,
    id: number | null,
    draft: TemplateDraft,
  ): { ok: true; id: number } | { ok: false; problem: TemplateProblem } {
    const { store, directory, clock } = this.deps;
    return store.tx(() => {
      const before = id === null ? null : store.responseTemplates.get(id);
      if (id !== null && (!before || !reachesTemplate(officer, before.agencyId, directory)))
        return { ok: false, problem: 'not_found' } as const;
      if (before && !mayEditTemplate(officer, before.agencyId, directory))
        return { ok: false, problem: 'not_allowed' } as const;
      if (draft.agencyId !== null && !directory.agency(draft.agencyId))
        return { ok: false, problem: 'unknown_agency' } as const;
      if (!mayEditTemplate(officer, draft.agencyId, directory))
        return { ok: false, problem: 'not_allowed' } as const;
      const now = clock.now();
      if (before) store.responseTemplates.update(before.id, draft, officer.id, now);
      const saved = before ? before.id : store.responseTemplates.create(draft, officer.id, now);
      const changed = before
        ? (['agencyId', 'status', 'title', 'body'] as const).filter((k) => before[k] !== draft[k])
        : undefined;
      store.audit.record({
        at: now,
        actor: `officer:${officer.id}`,
        type: before ? 'officer.template_updated' : 'officer.template_created',
        data: { template: saved, agency: draft.agencyId, status: draft.status, title: draft.title, changed },
      });
      return { ok: true, id: saved } as const;
    });
  }

  /** Deletes a template the account may write (audited with what it was). */
  remove(officer: Officer, id: number): { ok: true } | { ok: false; problem: TemplateProblem } {
    const { store, directory, clock } = this.deps;
    return store.tx(() => {
      const before = store.responseTemplates.get(id);
      if (!before || !reachesTemplate(officer, before.agencyId, directory))
        return { ok: false, problem: 'not_found' } as const;
      if (!mayEditTemplate(officer, before.agencyId, directory))
        return { ok: false, problem: 'not_allowed' } as const;
      store.responseTemplates.remove(id);
      store.audit.record({
        at: clock.now(),
        actor: `officer:${officer.id}`,
        type: 'officer.template_deleted',
        data: { template: id, agency: before.agencyId, status: before.status, title: before.title },
      });
      return { ok: true } as const;
    });
  }
}
