// Migration 015: the officers' inbox at a million tickets. A ticket keeps its kab/kota (a coordinator's scope) beside
// its agency, and both are indexed with the status and the id the inbox pages by.
export const sql = `
ALTER TABLE tickets ADD COLUMN kabkota_code TEXT;
UPDATE tickets SET kabkota_code = (SELECT c.kabkota_code FROM complaints c WHERE c.id = tickets.complaint_id);
CREATE INDEX tickets_kabkota ON tickets (kabkota_code, id);
CREATE INDEX tickets_kabkota_status ON tickets (kabkota_code, status, id);
CREATE INDEX tickets_agency_status ON tickets (agency_id, status, id);
`;
