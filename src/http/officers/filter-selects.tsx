// The filter selects the inbox and the statistics page share: category, kab/kota and agency (the last two only when
// the account sees more than one), each with "any" first.
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

/** What an account may filter by: its scope's categories, kab/kota and agencies. */
export type FilterOptions = {
  categories: readonly string[];
  kabkota: { code: string; name: string }[];
  agencies: { id: string; name: string }[];
};

/** One select of a filter form (`id` prefixed by the form's `prefix`), "any" first. */
function Select(props: {
  lang: Lang;
  id: string;
  name: string;
  label: string;
  selected: string | undefined;
  options: { value: string; text: string }[];
}) {
  return (
    <div>
      <label for={props.id}>{t(props.lang, props.label)}</label>
      <select id={props.id} name={props.name}>
        <option value="">{t(props.lang, 'officer.filter.any')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.selected === o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The category select. */
export function CategorySelect(props: {
  lang: Lang;
  prefix: string;
  options: FilterOptions;
  selected?: string;
}) {
  const { lang } = props;
  return (
    <Select
      lang={lang}
      id={`${props.prefix}-category`}
      name="category"
      label="officer.filter.category"
      selected={props.selected}
      options={props.options.categories.map((c) => ({ value: c, text: t(lang, `category.${c}`) }))}
    />
  );
}

/** The kab/kota and agency selects, each only when there is a choice to make. */
export function PlaceSelects(props: {
  lang: Lang;
  prefix: string;
  options: FilterOptions;
  selected: { kabkota?: string | undefined; agency?: string | undefined };
}) {
  const { lang, prefix, options } = props;
  return (
    <>
      {options.kabkota.length > 1 ? (
        <Select
          lang={lang}
          id={`${prefix}-kabkota`}
          name="kabkota"
          label="officer.filter.kabkota"
          selected={props.selected.kabkota}
          options={options.kabkota.map((k) => ({ value: k.code, text: k.name }))}
        />
      ) : null}
      {options.agencies.length > 1 ? (
        <Select
          lang={lang}
          id={`${prefix}-agency`}
          name="agency"
          label="officer.filter.agency"
          selected={props.selected.agency}
          options={options.agencies.map((a) => ({ value: a.id, text: a.name }))}
        />
      ) : null}
    </>
  );
}
