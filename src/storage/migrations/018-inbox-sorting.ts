// Migration 018: the inbox's filters and sorts at a million tickets. A ticket keeps its category beside its agency and
// kab/kota (an admin's filter by category reads one index instead of joining every complaint), and the filing time
// and the due date are indexed within each scope (all, an agency, a kab/kota), each with the id the pages are keyed by;
// the rated tickets, few, by their score.
export const sql = `
ALTER TABLE tickets ADD COLUMN category TEXT;
UPDATE tickets SET category = (SELECT c.category FROM complaints c WHERE c.id = tickets.complaint_id);
CREATE INDEX tickets_category ON tickets (category, id);
CREATE INDEX tickets_created ON tickets (created_at, id);
CREATE INDEX tickets_due ON tickets (due_date, id);
CREATE INDEX tickets_agency_due ON tickets (agency_id, due_date, id);
CREATE INDEX tickets_kabkota_due ON tickets (kabkota_code, due_date, id);
CREATE INDEX tickets_rating ON tickets (rating_score, id) WHERE rating_score IS NOT NULL;
`;
