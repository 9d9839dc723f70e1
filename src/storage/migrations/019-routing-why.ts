// Migration 019: a ticket's routing reason is stored as data (`why`: the rule and its facts) and put into words when
// shown. Reasons stored before as Indonesian text are kept as they were written (`{kind: "text"}`), the copies'
// reasons too.
export const sql = `
UPDATE tickets SET routing = json_set(
    json_remove(routing, '$.reason'),
    '$.why', json_object('kind', 'text', 'text', json_extract(routing, '$.reason')),
    '$.also', json((
      SELECT json_group_array(json_object(
        'agencyId', json_extract(a.value, '$.agencyId'),
        'agencyName', json_extract(a.value, '$.agencyName'),
        'why', json_object('kind', 'text', 'text', json_extract(a.value, '$.reason'))))
      FROM json_each(tickets.routing, '$.also') a)))
  WHERE routing IS NOT NULL AND json_type(routing, '$.reason') = 'text';
`;
