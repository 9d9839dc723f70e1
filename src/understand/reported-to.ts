// Where an earlier complaint went, as the citizen says it ("sudah lapor ke kelurahan", "udh ngadu sm pak RT").

/** A verb of complaining or telling, then "ke/kepada/sama/ka" and the office or person (up to a comma or "tapi"). */
const REPORTED_TO =
  /\b(?:lapor|melapor|dilaporkan|laporkan|mengadu|ngadu|diadukan|sampaikan|disampaikan|bilang|kasih tau|kasih tahu|datang|datangi|mendatangi|ke kantor)\w*\s+(?:ke|kepada|sama|sm|ka|pada)\s+(.{3,80}?)(?=\s*(?:[,.;!?]|\btapi\b|\btp\b|\bnamun\b|\bdan\b|\bjuga\b|\bsudah\b|\budah\b|\bkada\b|\btidak\b|\bgak\b|\bblm\b|\bbelum\b|$))/i;

/** The office or person an earlier complaint went to, as written (at most 60 characters), or null. */
export function findReportedTo(text: string): string | null {
  const m = REPORTED_TO.exec(text);
  const to = m?.[1]?.trim();
  return to ? to.slice(0, 60) : null;
}
