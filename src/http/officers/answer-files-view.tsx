// The officers' files of an answer on the ticket page: the file input of the status and reply forms, and the links
// under each event of the history (served through the ticket, like the citizen's files).
import type { Child } from 'hono/jsx';
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { t } from '../../i18n/locales.js';
import { ANSWER_TYPES, MAX_ANSWER_FILES } from '../../officers/answer-files.js';
import type { AnswerFile } from '../../storage/answer-files.js';

/** Up to three files (the forms that carry it are multipart/form-data). */
export function AnswerFileInput(props: { lang: Lang; id: string }) {
  const { lang } = props;
  return (
    <>
      <label for={props.id}>{t(lang, 'officer.ticket.files', { max: MAX_ANSWER_FILES })}</label>
      <input id={props.id} type="file" name="files" multiple accept={[...ANSWER_TYPES].join(',')} />
    </>
  );
}

/** The files that went with each event of a ticket, as links through the ticket's own file route. */
export function eventFiles(files: readonly AnswerFile[], ticketNumber: string): (e: TicketEvent) => Child {
  return (e) => {
    const mine = files.filter((f) => e.id !== undefined && f.eventId === e.id);
    if (mine.length === 0) return null;
    return (
      <ul class="files">
        {mine.map((f) => (
          <li>
            <a href={`/petugas/tiket/${ticketNumber}/lampiran/${f.id}`}>
              {`📎 ${f.filename ?? f.id} · ${Math.max(1, Math.round(f.size / 1024))} KB`}
            </a>
          </li>
        ))}
      </ul>
    );
  };
}
