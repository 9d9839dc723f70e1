// The complaint's fields, one record each, and the order their questions are asked in.
import { FIELDS, type Field } from '../intake-context.js';
import { agencyField } from './agency.js';
import { categoryField } from './category.js';
import { evidenceField } from './evidence.js';
import { expectationField } from './expectation.js';
import type { FieldRecord } from './field-record.js';
import { identityModeField } from './identity-mode.js';
import { incidentDateField } from './incident-date.js';
import { locationField } from './location.js';
import { nameField } from './name.js';
import { nikField } from './nik.js';
import { phoneField } from './phone.js';
import { priorReportField } from './prior-report.js';
import { priorResultField } from './prior-result.js';
import { regionField } from './region.js';
import { storyField } from './story.js';

export const FIELD_RECORDS: Record<Field, FieldRecord> = {
  story: storyField,
  category: categoryField,
  agency: agencyField,
  region: regionField,
  location: locationField,
  incident_date: incidentDateField,
  prior_report: priorReportField,
  prior_result: priorResultField,
  expectation: expectationField,
  evidence: evidenceField,
  identity_mode: identityModeField,
  name: nameField,
  nik: nikField,
  phone: phoneField,
};

/** Asked before the rest: after the story, where it happened. */
const FIRST: readonly Field[] = ['story', 'location', 'region'];
/** The natural order of the questions, the summary's but for `FIRST`: the first field still `missing` is asked next. */
export const ASK_ORDER: readonly Field[] = [...FIRST, ...FIELDS.filter((field) => !FIRST.includes(field))];
