// The admins' agency list (`/petugas/instansi`): search by name or id, filter by kab/kota, and which agencies can
// receive tickets (a destination or an officer account) and which carry an admin's changes to the file.
import { t } from '../../i18n/locales.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

export type AgencyRow = {
  id: string;
  name: string;
  region: string;
  destinations: number;
  officers: number;
  overridden: boolean;
};

export function AgencyListPage(props: {
  frame: Frame;
  rows: readonly AgencyRow[];
  q: string;
  kab: string;
  kabkota: readonly { code: string; name: string }[];
  receiving: number;
  total: number;
}) {
  const { lang, officer } = props.frame;
  const title = t(lang, 'officer.agencies.title');
  return (
    <Layout lang={lang} title={title} officer={officer}>
      <h1>{title}</h1>
      <p>{t(lang, 'officer.agencies.receiving', { count: props.receiving, total: props.total })}</p>
      <form method="get" action="/petugas/instansi" class="card">
        <label for="q">{t(lang, 'officer.agencies.search')}</label>
        <input id="q" name="q" value={props.q} />
        <label for="kab">{t(lang, 'officer.agencies.region')}</label>
        <select id="kab" name="kab">
          <option value="">{t(lang, 'officer.agencies.all_regions')}</option>
          {props.kabkota.map((k) => (
            <option value={k.code} selected={k.code === props.kab}>
              {k.name}
            </option>
          ))}
        </select>
        <button class="primary" type="submit">
          {t(lang, 'officer.agencies.filter')}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p class="note">{t(lang, 'officer.agencies.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'officer.agencies.col.name')}</th>
              <th class="wide">{t(lang, 'officer.agencies.region')}</th>
              <th>{t(lang, 'officer.agencies.col.receives')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/petugas/instansi/${r.id}`}>{r.name}</a>
                  <br />
                  <small>{r.id}</small>
                  {r.overridden ? (
                    <>
                      {' '}
                      <span class="badge">{t(lang, 'officer.agencies.changed')}</span>
                    </>
                  ) : null}
                </td>
                <td class="wide">{r.region}</td>
                <td>
                  {r.destinations + r.officers > 0 ? (
                    t(lang, 'officer.agencies.receives', {
                      destinations: r.destinations,
                      officers: r.officers,
                    })
                  ) : (
                    <span class="late">{t(lang, 'officer.agencies.receives_none')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
