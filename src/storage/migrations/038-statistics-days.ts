// Migration 038: the statistics' rollup per WITA day for every key (not only `filed`), so any range of days is read
// from the rollup (whole months, whole weeks, then single days) and never ticket by ticket.
export const sql = `
-- The day rows ('D2026-11-23') of every dimension besides 'filed' (which 034 already counted per day), derived from
-- the keys each counted ticket has in stat_tickets: the same keys its month and week rows were summed from, so the
-- rollup stays whole without counting any ticket again. A key is "dim=value", with "@agency" when it belongs to
-- another agency than the ticket's; keys are ";"-separated.
WITH RECURSIVE parts (day, agency_id, kabkota_code, category, part, rest) AS (
  SELECT day, agency_id, kabkota_code, category, '', keys || ';' FROM stat_tickets
  UNION ALL
  SELECT day, agency_id, kabkota_code, category, substr(rest, 1, instr(rest, ';') - 1),
    substr(rest, instr(rest, ';') + 1)
  FROM parts WHERE rest <> ''
),
pairs (day, agency_id, kabkota_code, category, dim, tail) AS (
  SELECT day, agency_id, kabkota_code, category, substr(part, 1, instr(part, '=') - 1),
    substr(part, instr(part, '=') + 1)
  FROM parts WHERE instr(part, '=') > 0
)
INSERT INTO stat_rollup (dim, period, agency_id, kabkota_code, category, value, n)
SELECT dim, 'D' || day,
  CASE WHEN instr(tail, '@') > 0 THEN substr(tail, instr(tail, '@') + 1) ELSE agency_id END,
  kabkota_code, category,
  CASE WHEN instr(tail, '@') > 0 THEN substr(tail, 1, instr(tail, '@') - 1) ELSE tail END,
  count(*)
FROM pairs WHERE dim <> 'filed'
GROUP BY 1, 2, 3, 4, 5, 6;

-- The days a range has beyond whole weeks are now read from the rollup: nothing reads stat_tickets by day.
DROP INDEX stat_tickets_day;
`;
