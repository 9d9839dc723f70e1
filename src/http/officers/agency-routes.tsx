// The admins' agency pages (`/petugas/instansi`): the list, one agency, and its forms (destinations, hours, back to
// the file). Mounted behind the workspace's session and CSRF checks; any other account gets the plain 404.
import { type Context, Hono } from 'hono';
import type { Clock } from '../../clock.js';
import { KABKOTA } from '../../data/regions-data.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { type AgencyEditResult, AgencyEdits } from '../../officers/agency-edits.js';
import { DestinationForm, HoursForm, RemoveForm, hoursOf } from '../../officers/agency-forms.js';
import type { Agency } from '../../routing/directory-schema.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import { kabkotaByCode } from '../../understand/region-lookup.js';
import { AgencyListPage } from './agency-list-page.js';
import { AgencyPage } from './agency-page.js';
import type { SignedIn } from './officer-session.js';
import type { Frame } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

const FLASH_OK = new Set(['saved', 'removed', 'hours_saved', 'reset']);
const FLASH_PROBLEM = new Set([
  'invalid',
  'bad_id',
  'bad_url',
  'bad_secret',
  'bad_email',
  'bad_chat',
  'bad_hours',
  'duplicate_id',
  'unknown_destination',
  'secret_in_file',
]);

export function agencyPages(deps: {
  store: Store;
  directory: Directory;
  clock: Clock;
  frame: (c: Context, me: SignedIn) => Frame;
}): Hono<Env> {
  const { store, directory } = deps;
  const edits = new AgencyEdits(deps);
  const app = new Hono<Env>();
  const regionName = (lang: Lang, a: Agency) =>
    a.region === null ? t(lang, 'officer.agencies.province') : (kabkotaByCode(a.region)?.name ?? a.region);

  /** The signed-in admin and the agency the path names, or null: the caller answers as for an unknown page. */
  const target = (c: Context<Env>): { me: SignedIn; agency: Agency } | null => {
    const me = c.get('me');
    const agency = directory.agency(c.req.param('id') ?? '');
    return me.officer.role === 'admin' && agency ? { me, agency } : null;
  };
  const back = (c: Context<Env>, id: string, r: AgencyEditResult, ok: string) =>
    c.redirect(`/petugas/instansi/${id}?done=${r.ok ? ok : r.problem}`, 303);

  app.get('/', (c) => {
    const me = c.get('me');
    if (me.officer.role !== 'admin') return c.notFound();
    const lang = c.get('lang');
    const q = (c.req.query('q') ?? '').trim().toLowerCase().slice(0, 100);
    const kab = c.req.query('kab') ?? '';
    const officers = store.officers.list().filter((o) => !o.disabled);
    const overrides = store.agencyOverrides.all();
    const all = directory.all().map((a) => ({
      agency: a,
      row: {
        id: a.id,
        name: a.name,
        region: regionName(lang, a),
        destinations: a.destinations.length,
        officers: officers.filter((o) => o.agencies.includes(a.id)).length,
        overridden: overrides.has(a.id),
      },
    }));
    const rows = all
      .filter(
        ({ agency: a }) =>
          (q === '' ||
            a.id.includes(q) ||
            a.name.toLowerCase().includes(q) ||
            a.shortName.toLowerCase().includes(q)) &&
          (kab === '' || a.region === kab || a.serves.includes(kab)),
      )
      .map((x) => x.row);
    return c.html(
      <AgencyListPage
        frame={deps.frame(c, me)}
        rows={rows}
        q={q}
        kab={kab}
        kabkota={KABKOTA.map((k) => ({ code: k.code, name: k.name }))}
        receiving={all.filter((x) => x.row.destinations + x.row.officers > 0).length}
        total={all.length}
      />,
    );
  });

  app.get('/:id', (c) => {
    const found = target(c);
    if (!found) return c.notFound();
    const { me, agency } = found;
    const lang = c.get('lang');
    const file = directory.fromFile(agency.id) ?? agency;
    const done = c.req.query('done') ?? '';
    const flash =
      FLASH_OK.has(done) || FLASH_PROBLEM.has(done)
        ? { ok: FLASH_OK.has(done), text: t(lang, `officer.agencies.done.${done}`) }
        : null;
    return c.html(
      <AgencyPage
        frame={deps.frame(c, me)}
        flash={flash}
        agency={{
          id: agency.id,
          name: agency.name,
          region: regionName(lang, agency),
          destinations: agency.destinations,
          hours: agency.hours,
          file: { destinations: file.destinations, hours: file.hours },
          overridden: edits.overridden(agency.id),
          officers: store.officers.list().filter((o) => o.agencies.includes(agency.id)),
        }}
      />,
    );
  });

  app.post('/:id/tujuan', async (c) => {
    const found = target(c);
    if (!found) return c.notFound();
    const form = DestinationForm.safeParse(await c.req.parseBody());
    const id = found.agency.id;
    if (!form.success) return back(c, id, { ok: false, problem: 'invalid' }, 'saved');
    return back(c, id, edits.saveDestination(found.me.officer.id, id, form.data), 'saved');
  });

  app.post('/:id/tujuan/hapus', async (c) => {
    const found = target(c);
    if (!found) return c.notFound();
    const form = RemoveForm.safeParse(await c.req.parseBody());
    const id = found.agency.id;
    if (!form.success) return back(c, id, { ok: false, problem: 'invalid' }, 'removed');
    return back(c, id, edits.removeDestination(found.me.officer.id, id, form.data.destination), 'removed');
  });

  app.post('/:id/jam', async (c) => {
    const found = target(c);
    if (!found) return c.notFound();
    const form = HoursForm.safeParse(await c.req.parseBody());
    const hours = form.success ? hoursOf(form.data) : null;
    const id = found.agency.id;
    if (!hours) return back(c, id, { ok: false, problem: 'bad_hours' }, 'hours_saved');
    return back(c, id, edits.saveHours(found.me.officer.id, id, hours), 'hours_saved');
  });

  app.post('/:id/reset', (c) => {
    const found = target(c);
    if (!found) return c.notFound();
    return back(c, found.agency.id, edits.reset(found.me.officer.id, found.agency.id), 'reset');
  });

  return app;
}
