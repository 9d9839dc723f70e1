// GET /api/v1/statistics (the statistics page's figures, same filters and scope) and the MoU's monthly report as
// JSON, CSV or PDF (/api/v1/statistics/monthly[.csv|.pdf]?month=), mounted into the officers' API behind its bearer
// check. Each report download is audited as an export.
import { OpenAPIHono, type OpenAPIHonoOptions, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate } from '../../domain/wita.js';
import { monthlyReportPdf } from '../../officers/monthly-report-files.js';
import { monthlyReport } from '../../officers/monthly-report.js';
import { scopeOf } from '../../officers/policy.js';
import { statisticsFigures } from '../../officers/statistics-figures.js';
import { ReportMonth, StatisticsQuery, statisticsRange } from '../../officers/statistics-query.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import { monthlyReportCsv } from '../officers/monthly-report-csv.js';
import { scopeLabel, statNames } from '../officers/statistics-routes.js';
import { ErrorBody } from './api-schemas.js';

type Env = { Variables: { officer: Officer } };

const Count = z.object({ key: z.string(), n: z.number().int() });
const Duration = z.object({
  count: z.number().int(),
  medianHours: z.number().int().nullable(),
  p90Hours: z.number().int().nullable(),
});
const Statistics = z
  .object({
    asOf: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'when the figures were last brought up to date (ms)' }),
    range: z.object({ from: z.string(), to: z.string(), bucket: z.enum(['day', 'week', 'month']) }),
    total: z.number().int(),
    byCategory: z.array(Count),
    byKabkota: z.array(Count),
    byAgency: z.array(Count).openapi({ description: '`key` the agency id ("" for none)' }),
    byStatus: z.array(Count),
    byForm: z.array(Count).openapi({ description: 'forms of maladministration; `none` without one' }),
    volume: z.array(Count).openapi({ description: 'tickets filed per day, week (its Monday) or month' }),
    firstAnswer: Duration.openapi({ description: 'hours on working days to the first officer message' }),
    selesai: Duration.openapi({ description: 'hours on working days to the first `selesai`' }),
    compliance: z.array(
      z.object({
        agencyId: z.string(),
        stage: z.enum(['verify', 'answer', 'field_check']),
        onTime: z.number().int(),
        late: z.number().int(),
        missedOpen: z.number().int(),
        missedEnded: z.number().int(),
        running: z.number().int(),
      }),
    ),
    rating: z.object({ count: z.number().int(), average: z.number().nullable(), byScore: z.array(Count) }),
    escalated: z.number().int(),
    answeredOnTime: z.number().int(),
    byKecamatan: z.array(Count),
    clusters: z.array(z.object({ kecamatan: z.string(), category: z.string(), n: z.number().int() })),
  })
  .openapi('Statistics');

const ReportLine = z.object({
  kabkotaCode: z.string(),
  agencyId: z.string(),
  received: z.number().int(),
  answeredOnTime: z.number().int(),
  escalated: z.number().int(),
  ratings: z.number().int(),
  averageRating: z.number().nullable(),
});
const Report = z
  .object({ month: z.string(), lines: z.array(ReportLine), total: ReportLine })
  .openapi('MonthlyReport');
const MonthQuery = z.object({ month: ReportMonth.openapi({ example: '2026-11' }) });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  401: json(ErrorBody, 'no token, or a wrong one'),
  422: json(ErrorBody, 'a query parameter is not valid'),
};
const security = [{ bearer: [] }];

const statisticsRoute = createRoute({
  method: 'get',
  path: '/v1/statistics',
  security,
  request: { query: StatisticsQuery },
  responses: { 200: json(Statistics, 'the figures within the caller’s scope'), ...errors },
});
const reportRoute = createRoute({
  method: 'get',
  path: '/v1/statistics/monthly',
  security,
  request: { query: MonthQuery },
  responses: { 200: json(Report, 'the MoU report of the month, within the caller’s scope'), ...errors },
});
const fileRoute = (format: 'csv' | 'pdf') =>
  createRoute({
    method: 'get',
    path: `/v1/statistics/monthly.${format}`,
    security,
    request: { query: MonthQuery },
    responses: {
      200: {
        content: {
          [format === 'csv' ? 'text/csv' : 'application/pdf']: {
            schema: z.string().openapi({ format: format === 'csv' ? 'text' : 'binary' }),
          },
        },
        description:
          format === 'csv' ? 'UTF-8 with BOM, `;`-separated (Indonesian Excel)' : 'A4 PDF, font embedded',
      },
      ...errors,
    },
  });

export function statisticsApi(deps: {
  store: Store;
  directory: Directory;
  clock: Clock;
  hook: OpenAPIHonoOptions<Env>['defaultHook'];
  langOf: (c: Context) => Lang;
}): OpenAPIHono<Env> {
  const { store, directory, clock } = deps;
  const app = new OpenAPIHono<Env>({ defaultHook: deps.hook });

  app.openapi(statisticsRoute, (c) => {
    const query = c.req.valid('query');
    const today = witaDate(clock.now());
    const scope = scopeOf(c.get('officer'), directory);
    const figures = statisticsFigures(store, scope, query, statisticsRange(query, today), today);
    const asOf = store.statisticsSources.marks().refreshedAt;
    return c.json({ asOf: asOf > 0 ? asOf : null, ...figures }, 200);
  });

  const report = (officer: Officer, month: string, format: 'json' | 'csv' | 'pdf') => {
    store.audit.record({
      at: clock.now(),
      actor: `officer:${officer.id}`,
      type: 'officer.exported_statistics',
      data: { format, month },
    });
    return monthlyReport(store, scopeOf(officer, directory), month);
  };
  const headers = (type: string, name: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'private, no-store',
  });

  app.openapi(reportRoute, (c) => c.json(report(c.get('officer'), c.req.valid('query').month, 'json'), 200));

  app.openapi(fileRoute('csv'), (c) => {
    const { month } = c.req.valid('query');
    const lang = deps.langOf(c);
    const text = monthlyReportCsv(lang, report(c.get('officer'), month, 'csv'), statNames(lang, directory));
    return c.body(text, 200, headers('text/csv; charset=utf-8', `laporan-mou-${month}.csv`));
  });

  app.openapi(fileRoute('pdf'), async (c) => {
    const { month } = c.req.valid('query');
    const lang = deps.langOf(c);
    const officer = c.get('officer');
    const pdf = await monthlyReportPdf(lang, report(officer, month, 'pdf'), statNames(lang, directory), {
      scope: scopeLabel(lang, officer, directory),
      at: new Date(clock.now()),
    });
    return c.body(new Uint8Array(pdf), 200, headers('application/pdf', `laporan-mou-${month}.pdf`));
  });

  return app;
}
