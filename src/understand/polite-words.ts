// Address and politeness words around a chat command ("pak, data saya dong", "tolong batal ya min"): read past.
export const POLITE_WORDS: readonly string[] = [
  'pak',
  'bu',
  'kak',
  'min',
  'admin',
  'ya',
  'saja',
  'dong',
  'deh',
  'lah',
  'please',
  'pls',
  'tolong',
  'mohon',
];
