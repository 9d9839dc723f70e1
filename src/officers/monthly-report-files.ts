// The MoU's monthly report as rows of words (its header and one row per line, shared with the CSV the pages write)
// and as a PDF (pdfkit, DejaVu Sans embedded: no network, any letter).
import type { Lang } from '../domain/reply.js';
import { formatDate, t } from '../i18n/locales.js';
import type { MonthlyReport, ReportLine } from './monthly-report.js';
import { newPdfDocument } from './pdf-document.js';
import { pdfFont } from './pdf-font.js';

/** What the files call a kab/kota and an agency. */
export type ReportNames = { kabkota: (code: string) => string; agency: (id: string) => string };

const COLUMNS = ['kabkota', 'agency', 'received', 'on_time', 'escalated', 'rating', 'ratings'] as const;

/** The report's column names. */
export function reportHeader(lang: Lang): string[] {
  return COLUMNS.map((c) => t(lang, `officer.stats.report_col.${c}`));
}

/** A line of the report as cells (`total`: the totals line); decimals with a comma in Indonesian. */
export function reportFields(lang: Lang, l: ReportLine, names: ReportNames, total: boolean): string[] {
  const decimal = (n: number | null) =>
    n === null ? '' : lang === 'id' ? n.toFixed(2).replace('.', ',') : n.toFixed(2);
  return [
    total ? t(lang, 'officer.stats.report_total') : names.kabkota(l.kabkotaCode),
    total ? '' : names.agency(l.agencyId),
    String(l.received),
    String(l.answeredOnTime),
    String(l.escalated),
    decimal(l.averageRating),
    String(l.ratings),
  ];
}

/** Column widths on an A4 page in landscape (points), summing to the printable width. */
const WIDTHS = [130, 250, 70, 85, 70, 80, 77];

/** The report as a PDF: a title with the month, the scope, then one table row per kab/kota and agency, and totals. */
export async function monthlyReportPdf(
  lang: Lang,
  report: MonthlyReport,
  names: ReportNames,
  about: { scope: string; at: Date },
): Promise<Buffer> {
  const doc = await newPdfDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 40,
    info: {
      Title: t(lang, 'officer.stats.report_title', {
        month: formatDate(lang, `${report.month}-01`, 'month'),
      }),
      Subject: `MoU ${report.month}`,
      Author: 'Aduan',
      CreationDate: about.at,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', pdfFont());
  doc.font('body');
  const month = formatDate(lang, `${report.month}-01`, 'month');
  doc.fontSize(16).text(t(lang, 'officer.stats.report_title', { month }));
  doc.moveDown(0.3);
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(`${about.scope} · ${t(lang, 'officer.stats.report_note')}`);
  doc.moveDown(0.8);
  const row = (cells: string[], bold: boolean) => {
    doc.fontSize(9).fillColor(bold ? '#000' : '#222');
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (WIDTHS[i] ?? 60) - 6 })));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((c, i) => {
      const width = (WIDTHS[i] ?? 60) - 6;
      doc.text(c, x, top, { width, align: i >= 2 ? 'right' : 'left' });
      x += WIDTHS[i] ?? 60;
    });
    doc.y = top + height + 4;
    doc
      .moveTo(doc.page.margins.left, doc.y - 2)
      .lineTo(doc.page.width - doc.page.margins.right, doc.y - 2)
      .strokeColor(bold ? '#666' : '#ccc')
      .lineWidth(0.5)
      .stroke();
  };
  row(reportHeader(lang), true);
  for (const l of report.lines) row(reportFields(lang, l, names, false), false);
  if (report.lines.length === 0) row([t(lang, 'officer.stats.report_empty'), '', '', '', '', '', ''], false);
  row(reportFields(lang, report.total, names, true), true);
  doc.end();
  return done;
}
