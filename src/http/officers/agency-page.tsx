// One agency for the admins (`/petugas/instansi/:id`): its officers' accounts, destinations and opening hours, what
// came from the directory file and what an admin changed, with the forms to change them and to go back to the file.
import type { Destination } from '../../domain/destination.js';
import type { Officer } from '../../domain/officer.js';
import { WEEKDAYS, type WeeklyHours } from '../../domain/opening-hours.js';
import { t } from '../../i18n/locales.js';
import { AddDestinationForm, DestinationCard, destinationLine } from './agency-destination-forms.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

/** Monday first, as offices write their hours. */
const WEEK = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

export type AgencyView = {
  id: string;
  name: string;
  region: string;
  destinations: readonly Destination[];
  hours: WeeklyHours;
  file: { destinations: readonly Destination[]; hours: WeeklyHours };
  overridden: { destinations: boolean; hours: boolean };
  officers: readonly Officer[];
};

export function AgencyPage(props: {
  frame: Frame;
  agency: AgencyView;
  flash: { ok: boolean; text: string } | null;
}) {
  const { lang, officer } = props.frame;
  const a = props.agency;
  const csrf = officer.csrf;
  const source = (changed: boolean) =>
    t(lang, changed ? 'officer.agencies.source.override' : 'officer.agencies.source.file');
  return (
    <Layout lang={lang} title={a.name} officer={officer}>
      <p>
        <a href="/petugas/instansi">← {t(lang, 'officer.agencies.title')}</a>
      </p>
      <h1>{a.name}</h1>
      <p>
        <small>
          {a.id} · {a.region}
        </small>
      </p>
      {props.flash ? (
        <p class={props.flash.ok ? 'note' : 'note error'} role={props.flash.ok ? 'status' : 'alert'}>
          {props.flash.text}
        </p>
      ) : null}

      <h2>{t(lang, 'officer.agencies.officers')}</h2>
      {a.officers.length === 0 ? (
        <p class="note error">{t(lang, 'officer.agencies.officers_none')}</p>
      ) : (
        <ul>
          {a.officers.map((o) => (
            <li>
              {o.name ?? o.username} <small>({o.username})</small>
              {o.disabled ? <span class="badge">{t(lang, 'officer.agencies.disabled')}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t(lang, 'officer.agencies.destinations')}</h2>
      <p>
        <span class="badge">{source(a.overridden.destinations)}</span>
      </p>
      {a.destinations.length === 0 ? <p class="note">{t(lang, 'officer.agencies.dest.none')}</p> : null}
      {a.destinations.map((d) => (
        <DestinationCard lang={lang} csrf={csrf} agencyId={a.id} d={d} />
      ))}
      {a.overridden.destinations ? (
        <p>
          <small>
            {t(lang, 'officer.agencies.in_file')}{' '}
            {a.file.destinations.length === 0
              ? t(lang, 'officer.agencies.dest.none')
              : a.file.destinations.map((d) => destinationLine(lang, d)).join('; ')}
          </small>
        </p>
      ) : null}
      <AddDestinationForm lang={lang} csrf={csrf} agencyId={a.id} />

      <h2>{t(lang, 'officer.agencies.hours')}</h2>
      <p>
        <span class="badge">{source(a.overridden.hours)}</span>
      </p>
      <form method="post" action={`/petugas/instansi/${a.id}/jam`} class="card">
        <input type="hidden" name="csrf" value={csrf} />
        {WEEK.map((day) => (
          <>
            <label for={`h-${day}`}>{t(lang, `officer.agencies.day.${day}`)}</label>
            <input
              id={`h-${day}`}
              name={day}
              placeholder="08:00-16:00"
              value={a.hours[day] ?? ''}
              pattern="\d\d:\d\d-\d\d:\d\d"
            />
            {a.overridden.hours ? (
              <small>
                {t(lang, 'officer.agencies.in_file')}{' '}
                {a.file.hours[day] ?? t(lang, 'officer.agencies.closed')}
              </small>
            ) : null}
          </>
        ))}
        <p>
          <small>{t(lang, 'officer.agencies.hours_hint')}</small>
        </p>
        <button class="primary" type="submit">
          {t(lang, 'officer.agencies.save')}
        </button>
      </form>

      {a.overridden.destinations || a.overridden.hours ? (
        <form method="post" action={`/petugas/instansi/${a.id}/reset`} class="card">
          <input type="hidden" name="csrf" value={csrf} />
          <p>{t(lang, 'officer.agencies.reset_hint')}</p>
          <button class="primary" type="submit">
            {t(lang, 'officer.agencies.reset')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
