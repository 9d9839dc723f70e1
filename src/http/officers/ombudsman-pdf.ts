// The Ombudsman-ready document as a PDF (pdfkit, DejaVu Sans embedded): numbered sections in the order of Ombudsman's
// report form, from the reporter to the missed deadlines, each field labelled; words in the reader's language.
import type { Lang } from '../../domain/reply.js';
import { witaDate, witaWallClock } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import { newPdfDocument } from '../../officers/pdf-document.js';
import { pdfFont } from '../../officers/pdf-font.js';
import type { OmbudsmanReport } from '../api/ombudsman-schema.js';
import { status } from './views.js';

/** An instant as a WITA day and time: "23 November 2026 10.00". */
function witaMoment(lang: Lang, iso: string): string {
  const at = Date.parse(iso);
  return `${formatDate(lang, witaDate(at), 'day')} ${witaWallClock(at).toISOString().slice(11, 16)}`;
}

/** The report as an A4 PDF. */
export async function ombudsmanPdf(lang: Lang, r: OmbudsmanReport): Promise<Buffer> {
  const title = t(lang, 'officer.ombudsman.title', { ticket: r.ticket.number });
  const doc = await newPdfDocument({
    size: 'A4',
    margin: 50,
    info: { Title: title, Subject: r.schema, Author: 'Aduan', CreationDate: new Date(r.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', pdfFont());
  doc.registerFont('bold', pdfFont('bold'));

  const section = (key: string) => {
    doc
      .moveDown(0.8)
      .font('bold')
      .fontSize(11)
      .fillColor('#000')
      .text(t(lang, `officer.ombudsman.section.${key}`));
    doc.moveDown(0.2);
  };
  const paragraph = (text: string, color = '#000') =>
    doc.font('body').fontSize(9.5).fillColor(color).text(text);
  const field = (label: string, value: string | null) => {
    if (value === null || value === '') return;
    doc.font('bold').fontSize(9.5).fillColor('#000').text(`${label}: `, { continued: true });
    doc.font('body').text(value);
  };

  doc.font('bold').fontSize(15).text(title);
  doc.moveDown(0.2);
  paragraph(
    t(lang, 'officer.ombudsman.prepared', {
      name: r.preparedBy,
      date: witaMoment(lang, r.generatedAt),
      status: status(lang, r.ticket.status),
      filed: witaMoment(lang, r.ticket.filedAt),
    }),
    '#444',
  );

  const p = r.reporter;
  section('reporter');
  field(t(lang, 'officer.ombudsman.mode'), t(lang, `identity.${p.identityMode}`));
  if (p.identity === 'given') {
    field(t(lang, 'officer.ombudsman.name'), p.name);
    field(t(lang, 'officer.ombudsman.nik'), p.nik);
    field(t(lang, 'officer.ombudsman.phone'), p.phone);
    paragraph(t(lang, 'officer.ombudsman.address'), '#444');
    if (p.identityMode === 'rahasia') paragraph(t(lang, 'officer.ombudsman.given_rahasia'));
  } else paragraph(t(lang, `officer.ombudsman.withheld.${p.withheldWhy ?? 'not_asked'}`));

  section('reported');
  field(t(lang, 'officer.ombudsman.agency'), r.reported.agency?.name ?? null);
  field(t(lang, 'officer.ombudsman.named'), r.reported.named);
  field(t(lang, 'officer.ticket.routing'), r.reported.why);

  const i = r.incident;
  section('incident');
  field(t(lang, 'officer.field.date'), i.date?.words ?? t(lang, 'officer.ombudsman.date_unknown'));
  if (i.tooOld) paragraph(t(lang, 'officer.ombudsman.too_old'), '#a00');
  field(
    t(lang, 'officer.field.place'),
    [i.address, i.kecamatan?.name, i.kabkota.name].filter((x): x is string => Boolean(x)).join(', '),
  );
  field(
    t(lang, 'officer.field.pin'),
    i.location ? `${i.location.lat.toFixed(5)}, ${i.location.lon.toFixed(5)}` : null,
  );
  field(t(lang, 'officer.col.category'), r.category.name);
  field(t(lang, 'officer.field.maladministration'), r.maladministration?.name ?? null);

  section('story');
  paragraph(r.story);

  section('prior');
  field(
    t(lang, 'officer.field.prior'),
    t(lang, r.priorReport.done ? 'officer.field.prior.done' : 'officer.field.prior.none'),
  );
  field(t(lang, 'officer.ombudsman.prior_to'), r.priorReport.to);
  field(t(lang, 'officer.ombudsman.prior_result'), r.priorReport.result);

  section('expectation');
  paragraph(r.expectation);

  section('evidence');
  if (r.evidence.length === 0) paragraph(t(lang, 'officer.ombudsman.evidence_none'));
  r.evidence.forEach((e, n) => {
    paragraph(
      `${n + 1}. ${e.kind} · ${e.mime} · ${Math.max(1, Math.round(e.size / 1024))} KB · sha256 ${e.sha256}`,
    );
    if (e.url) {
      doc.font('body').fontSize(8.5).fillColor('#1a4fa0').text(e.url, { link: e.url });
      paragraph(
        t(lang, 'officer.ombudsman.link_until', { date: e.expiresAt ? witaMoment(lang, e.expiresAt) : '–' }),
        '#444',
      );
    } else paragraph(t(lang, 'officer.ombudsman.no_link'), '#444');
  });

  section('history');
  for (const e of r.history) {
    const who = e.officer ?? t(lang, `officer.actor.${e.actor}`);
    paragraph(`${witaMoment(lang, e.at)} · ${who}: ${e.words}`);
    if (e.message) paragraph(`“${e.message}”`, '#444');
  }

  section('missed');
  if (r.missedDeadlines.length === 0) paragraph(t(lang, 'officer.ombudsman.missed_none'));
  for (const m of r.missedDeadlines)
    paragraph(
      t(lang, `officer.ombudsman.missed.${m.outcome}`, {
        stage: t(lang, `officer.deadline.stage.${m.stage}`),
        agency: m.agency?.name ?? '–',
        due: formatDate(lang, m.dueOn, 'day'),
        on: m.on ? formatDate(lang, m.on, 'day') : '',
      }),
    );

  doc.end();
  return done;
}
