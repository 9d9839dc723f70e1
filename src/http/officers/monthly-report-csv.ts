// The MoU's monthly report as CSV for Indonesian Excel: the project's CSV writer with `;`, a UTF-8 BOM first, CRLF
// lines, RFC 4180 quoting and cells a spreadsheet would run as a formula defused.
import type { Lang } from '../../domain/reply.js';
import { type ReportNames, reportFields, reportHeader } from '../../officers/monthly-report-files.js';
import type { MonthlyReport } from '../../officers/monthly-report.js';
import { csvRecord } from '../csv-writer.js';

export function monthlyReportCsv(lang: Lang, report: MonthlyReport, names: ReportNames): string {
  const rows = [
    reportHeader(lang),
    ...report.lines.map((l) => reportFields(lang, l, names, false)),
    reportFields(lang, report.total, names, true),
  ];
  return `\uFEFF${rows.map((r) => csvRecord(r, ';')).join('')}`;
}
