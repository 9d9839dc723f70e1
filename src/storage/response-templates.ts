// Officers' response templates per agency and status: the ones an account reaches, one by id, and their edits.
import { z } from 'zod';
import { TicketStatus } from '../domain/complaint.js';
import type { ResponseTemplate, TemplateDraft } from '../domain/response-template.js';
import type { Db } from './db.js';

const Row = z.object({
  id: z.number(),
  agency_id: z.string().nullable(),
  status: TicketStatus.nullable(),
  title: z.string(),
  body: z.string(),
  updated_by: z.number().nullable(),
  updated_by_name: z.string().nullable(),
  updated_at: z.number(),
});

const SELECT = `SELECT t.id, t.agency_id, t.status, t.title, t.body, t.updated_by, t.updated_at,
    coalesce(o.name, o.username) AS updated_by_name
  FROM response_templates t LEFT JOIN officers o ON o.id = t.updated_by`;
/** Every-agency templates first, then by agency, status and title. */
const ORDER = 'ORDER BY t.agency_id IS NOT NULL, t.agency_id, t.status IS NOT NULL, t.status, t.title, t.id';

export class ResponseTemplates {
  private readonly all;
  private readonly ofAgencies;
  private readonly byId;
  private readonly insert;
  private readonly change;
  private readonly drop;

  constructor(db: Db) {
    this.all = db.prepare(`${SELECT} ${ORDER}`);
    this.ofAgencies = db.prepare(
      `${SELECT} WHERE t.agency_id IS NULL OR t.agency_id IN (SELECT value FROM json_each(?)) ${ORDER}`,
    );
    this.byId = db.prepare(`${SELECT} WHERE t.id = ?`);
    this.insert = db.prepare(
      'INSERT INTO response_templates (agency_id, status, title, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.change = db.prepare(
      'UPDATE response_templates SET agency_id = ?, status = ?, title = ?, body = ?, updated_by = ?, updated_at = ? WHERE id = ?',
    );
    this.drop = db.prepare('DELETE FROM response_templates WHERE id = ?');
  }

  /** The every-agency templates and those of `agencyIds` (null: of every agency). */
  reachable(agencyIds: readonly string[] | null): ResponseTemplate[] {
    const rows = agencyIds === null ? this.all.all() : this.ofAgencies.all(JSON.stringify(agencyIds));
    return rows.map(toTemplate);
  }

  get(id: number): ResponseTemplate | null {
    const raw = this.byId.get(id);
    return raw ? toTemplate(raw) : null;
  }

  create(draft: TemplateDraft, officerId: number, now: number): number {
    const r = this.insert.run(draft.agencyId, draft.status, draft.title, draft.body, officerId, now);
    return Number(r.lastInsertRowid);
  }

  update(id: number, draft: TemplateDraft, officerId: number, now: number): void {
    this.change.run(draft.agencyId, draft.status, draft.title, draft.body, officerId, now, id);
  }

  remove(id: number): void {
    this.drop.run(id);
  }
}

function toTemplate(raw: unknown): ResponseTemplate {
  const r = Row.parse(raw);
  return {
    id: r.id,
    agencyId: r.agency_id,
    status: r.status,
    title: r.title,
    body: r.body,
    updatedBy: r.updated_by === null ? null : { id: r.updated_by, name: r.updated_by_name ?? '' },
    updatedAt: r.updated_at,
  };
}
