// The public status page's frame: one small stylesheet for a 360-px phone and up, no scripts, a language link.
import type { Child } from 'hono/jsx';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1c2430;background:#f4f6f8}
header{display:flex;gap:.75rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#0f5132;color:#fff}
header a{color:#fff}main{max-width:640px;margin:0 auto;padding:1rem}h1{font-size:1.25rem;margin:.2rem 0 1rem}h2{font-size:1.05rem;margin:1.2rem 0 .5rem}
.card{background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:1rem;margin-bottom:1rem}
label{display:block;margin:.7rem 0 .2rem;font-weight:600}input{width:100%;padding:.6rem;border:1px solid #c3ccd6;border-radius:6px;font:inherit}
button{margin-top:1rem;width:100%;background:#0f5132;color:#fff;border:0;border-radius:6px;padding:.7rem 1rem;font:inherit;cursor:pointer}
.note{padding:.6rem .8rem;border-radius:8px;background:#e7f4ec;border:1px solid #b7dfc5;margin-bottom:1rem}.error{background:#fdecec;border-color:#f3b9b9}
dl{display:grid;grid-template-columns:1fr;gap:.1rem;margin:0}dt{color:#5b6675;margin-top:.5rem}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
ol{list-style:none;padding:0;margin:0}li{padding:.6rem 0;border-bottom:1px solid #e6eaef;overflow-wrap:anywhere}li:last-child{border-bottom:0}
small{color:#5b6675}p.said{margin:.3rem 0 0;white-space:pre-wrap}
`;

export function StatusLayout(props: { lang: Lang; children: Child }) {
  const other: Lang = props.lang === 'id' ? 'en' : 'id';
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${t(props.lang, 'status_page.title')} · Aduan`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <header>
          <strong>Aduan</strong>
          <a href={`/status?lang=${other}`} lang={other}>
            {t(props.lang, 'status_page.other_lang')}
          </a>
        </header>
        <main>
          <h1>{t(props.lang, 'status_page.title')}</h1>
          {props.children}
          <p>
            <small>{t(props.lang, 'status_page.privacy')}</small>
          </p>
        </main>
      </body>
    </html>
  );
}
