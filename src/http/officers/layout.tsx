// The officers' pages' frame: one small stylesheet, usable on a laptop and on a 360-px phone; no scripts.
import type { Child } from 'hono/jsx';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1c2430;background:#f4f6f8}
header{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#0f5132;color:#fff}
header nav{display:flex;flex-wrap:wrap;gap:.75rem;align-items:baseline}
header a,header button{color:#fff}header form{margin:0}header button{background:none;border:1px solid #fff8;border-radius:6px;padding:.25rem .6rem;cursor:pointer}
main{max-width:1100px;margin:0 auto;padding:1rem}h1{font-size:1.3rem;margin:.2rem 0 1rem}h2{font-size:1.05rem;margin:1.2rem 0 .5rem}
.card{background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:1rem;margin-bottom:1rem}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid #e6eaef;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;color:#5b6675}.nowrap{white-space:nowrap}
.tabs{display:flex;flex-wrap:wrap;gap:.4rem;margin-bottom:.8rem}.tabs a{padding:.25rem .6rem;border-radius:999px;background:#fff;border:1px solid #cfd6de;text-decoration:none;color:inherit}
.tabs a[aria-current=page]{background:#0f5132;color:#fff;border-color:#0f5132}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:6px;background:#e8eef5;font-size:.85rem}.late{color:#a61b1b;font-weight:600}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}input,select,textarea{width:100%;padding:.5rem;border:1px solid #c3ccd6;border-radius:6px;font:inherit}
button.primary{margin-top:.8rem;background:#0f5132;color:#fff;border:0;border-radius:6px;padding:.55rem 1rem;font:inherit;cursor:pointer}
.note{padding:.6rem .8rem;border-radius:8px;background:#e7f4ec;border:1px solid #b7dfc5}.error{background:#fdecec;border-color:#f3b9b9}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem .8rem;margin:0}dt{color:#5b6675}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.search{display:flex;gap:.5rem;margin-bottom:.8rem}.search button{margin-top:0;white-space:nowrap}
.filters summary{cursor:pointer;font-weight:600}.filters .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:0 .8rem}
.check label{font-weight:400;margin-top:2.1rem}.check input{width:auto}td.story{min-width:16rem}small{color:#5b6675}
form.inline{display:inline;margin-left:.5rem}button.link{background:none;border:0;padding:0;color:#0b57d0;text-decoration:underline;cursor:pointer;font:inherit}
.files{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0;margin:0}.files img{display:block;max-width:160px;max-height:160px;border-radius:6px;border:1px solid #dde3ea}
@media (max-width:640px){.wide{display:none}dl{grid-template-columns:1fr}dt{margin-top:.4rem}td.nowrap{white-space:normal;overflow-wrap:anywhere}.tabs a.zero{display:none}}
`;

export function Layout(props: {
  lang: Lang;
  title: string;
  /**
   * The signed-in account; `admin` adds the audit log to the navigation, `templates` the response templates;
   * `handoffs` counts the chats waiting for a person.
   */
  officer?: { name: string; csrf: string; admin?: boolean; templates?: boolean; handoffs?: number };
  children: Child;
}) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t(props.lang, 'officer.title')}`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <header>
          <nav>
            <a href="/petugas">
              <strong>{t(props.lang, 'officer.title')}</strong>
            </a>
            {props.officer ? <a href="/petugas/statistik">{t(props.lang, 'officer.stats.nav')}</a> : null}
            {props.officer?.admin ? <a href="/petugas/audit">{t(props.lang, 'officer.audit.nav')}</a> : null}
            {props.officer?.admin ? (
              <a href="/petugas/instansi">{t(props.lang, 'officer.agencies.nav')}</a>
            ) : null}
            {props.officer?.templates ? (
              <a href="/petugas/templat">{t(props.lang, 'officer.templates.title')}</a>
            ) : null}
            {props.officer?.handoffs !== undefined ? (
              <a href="/petugas/handoff">
                {t(props.lang, 'officer.nav.handoff', { count: props.officer.handoffs })}
              </a>
            ) : null}
            {props.officer ? (
              <a href="/petugas/akun/telegram">{t(props.lang, 'officer.nav.telegram')}</a>
            ) : null}
            {props.officer ? (
              <a href="/petugas/akun/notifikasi">{t(props.lang, 'officer.nav.notifications')}</a>
            ) : null}
            {props.officer ? (
              <a href="/petugas/akun/dua-langkah">{t(props.lang, 'officer.nav.two_factor')}</a>
            ) : null}
          </nav>
          {props.officer ? (
            <form method="post" action="/petugas/keluar">
              <span>{props.officer.name} </span>
              <input type="hidden" name="csrf" value={props.officer.csrf} />
              <button type="submit">{t(props.lang, 'officer.logout')}</button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
