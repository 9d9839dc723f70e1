// Whole dialogues as data: what the citizen sends, the `expecting` of each reply, key texts, and the final complaint.
import type { Said } from '../helpers/harness.js';

export type Turn =
  | {
      say: Said | string;
      /** The `expecting` of every reply to this message, in order. */
      expect: string[];
      /** Locale keys whose text (placeholders aside) must appear in the replies. */
      keys?: string[];
      /** Substrings that must appear in the replies (their choices listed as "1. label"). */
      contains?: string[];
    }
  | { advanceMinutes: number; expect: string[]; keys?: string[] }
  | { restart: true };

export type Dialogue = {
  name: string;
  turns: Turn[];
  /** Fields the filed complaint must have (omitted: no complaint filed). */
  complaint?: Record<string, unknown>;
  /** The state the conversation ends in. */
  state?: string;
};

const consent: Turn[] = [
  { say: 'halo', expect: ['consent'], keys: ['greeting', 'privacy', 'ask.consent'] },
  { say: 'ya', expect: ['story'], keys: ['ask.story'] },
];

/**
 * The questions after the story for a citizen who answers exactly what is asked. A problem at a place (a road, a
 * street light) also gets the photo question; a KTP complaint gets the NIK question (Disdukcapil looks it up).
 */
const tail = (opts: { photo?: boolean; nik?: boolean } = {}): Turn[] => [
  { say: 'belum', expect: ['expectation'] },
  { say: 'KTP saya segera dicetak', expect: [opts.photo ? 'evidence' : 'identity_mode'] },
  ...(opts.photo ? [{ say: 'lewati', expect: ['identity_mode'] }] : []),
  { say: '1', expect: ['name'] },
  { say: 'Siti Rahmah', expect: [opts.nik ? 'nik' : 'phone'] },
  ...(opts.nik ? [{ say: '6371045708900001', expect: ['phone'] }] : []),
  { say: '0812-3456-7890', expect: ['confirm'], keys: ['summary.title'] },
  { say: 'kirim', expect: ['none'], keys: ['submitted'], contains: ['ADU-2611-'] },
];

export const DIALOGUES: Dialogue[] = [
  {
    name: 'a formal citizen files a complete complaint',
    turns: [
      ...consent,
      {
        say: 'Selamat pagi. Saya ingin melaporkan bahwa KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.',
        // The story says what the problem is: the guess comes at once, and invites more story.
        expect: ['confirm_guess'],
        keys: ['ask.guess', 'ask.guess.more_story'],
        contains: ['Kependudukan', 'Kota Banjarmasin', 'Instansi: Disdukcapil Kota Banjarmasin'],
      },
      // "selesai" out of habit: a pointer to the guess above, not the whole guess again.
      { say: 'selesai', expect: ['confirm_guess'], keys: ['ask.guess.short'] },
      // A KTP is an office's service: no spot and no photo are asked, the NIK is.
      { say: 'benar', expect: ['prior_report'] },
      ...tail({ nik: true }),
    ],
    complaint: {
      category: 'adminduk',
      kabkotaCode: '63.71',
      agency: 'Disdukcapil Kota Banjarmasin',
      identityMode: 'biasa',
      name: 'Siti Rahmah',
      nik: '6371045708900001',
      phone: '+6281234567890',
      incidentDate: { date: '2026-08-01', precision: 'month', tooOld: false },
      priorReport: { done: false, result: null },
      expectation: 'KTP saya segera dicetak',
      channel: 'simulate',
    },
    state: 'submitted',
  },
  {
    name: 'an informal citizen with chat abbreviations',
    turns: [
      { say: 'p', expect: ['consent'] },
      { say: 'iy', expect: ['story'] },
      {
        say: 'jln dpn rmh sy rusak parah bgt, byk lubang, udh 2 bln gk dibenerin',
        expect: ['confirm_guess'],
        contains: ['Jalan, jembatan'],
      },
      { say: 'y', expect: ['location'] },
      { say: 'jl. sultan adam dkt masjid, kec. banjarmasin utara', expect: ['prior_report'] },
      { say: 'udh prnh', expect: ['prior_result'] },
      { say: 'katanya nunggu anggaran tp gk ada kabar', expect: ['expectation'] },
      { say: 'tlg segera diperbaiki', expect: ['evidence'] },
      { say: { photo: true }, expect: ['identity_mode'] },
      { say: '3', expect: ['confirm'], keys: ['summary.title'] },
      { say: 'ok kirim', expect: ['none'], contains: ['ADU-'] },
    ],
    complaint: {
      category: 'infrastruktur',
      kabkotaCode: '63.71',
      identityMode: 'anonim',
      name: null,
      nik: null,
      phone: null,
      priorReport: { done: true, result: 'katanya nunggu anggaran tp gk ada kabar' },
      incidentDate: { date: '2026-09-01', precision: 'month', tooOld: false },
    },
  },
  {
    name: 'Banjar yes and no',
    turns: [
      { say: 'assalamualaikum', expect: ['consent'] },
      { say: 'inggih', expect: ['story'] },
      {
        say: 'banyu PDAM di rumah ulun kada mengalir sudah 4 hari di Martapura',
        expect: ['confirm_guess'],
        contains: ['Air minum', 'Kabupaten Banjar'],
      },
      { say: 'inggih', expect: ['location'] },
      { say: 'Desa Indrasari, Martapura', expect: ['prior_report'] },
      { say: 'kada', expect: ['expectation'] },
      { say: 'banyu lakas mengalir', expect: ['evidence'] },
      { say: 'kadada', expect: ['identity_mode'] },
      { say: 'rahasia', expect: ['name'] },
      { say: 'Ahmad Fauzi', expect: ['phone'] },
      { say: 'lewati', expect: ['confirm'] },
      { say: 'inggih', expect: ['none'], keys: ['submitted'] },
    ],
    complaint: {
      category: 'air_minum',
      kabkotaCode: '63.03',
      identityMode: 'rahasia',
      name: 'Ahmad Fauzi',
      nik: null,
      phone: null,
    },
  },
  {
    name: 'the story in five fragments with a photo in between, continued after quiet time',
    turns: [
      ...consent,
      // "pak", "mau lapor" tell nothing yet: the question again, never silence.
      { say: 'pak', expect: ['story'], keys: ['ask.story'] },
      { say: 'mau lapor', expect: ['story'], keys: ['ask.story'] },
      { say: 'ktp saya', expect: ['story'], keys: ['ack.story'] },
      { say: { photo: true }, expect: ['story'], keys: ['ack.media'] },
      { say: 'blm jadi', expect: [] },
      { advanceMinutes: 2, expect: ['confirm_guess'], keys: ['ask.guess'] },
      // A fact the guess lacked, instead of "ya": it confirms the guess and adds the place.
      { say: 'di disdukcapil banjarbaru', expect: ['incident_date'] },
      { say: 'sudah 2 minggu', expect: ['prior_report'] },
      { say: 'belum', expect: ['expectation'] },
      // The photo sent with the story already is evidence: that question is not asked.
      { say: 'KTP saya segera dicetak', expect: ['identity_mode'] },
      { say: '1', expect: ['name'] },
      { say: 'Budi Santoso', expect: ['nik'] },
      { say: 'lewati', expect: ['phone'] },
      { say: 'lewati', expect: ['confirm'], contains: ['ktp saya blm jadi', '1 berkas'] },
      { say: 'kirim', expect: ['none'] },
    ],
    complaint: { category: 'adminduk', kabkotaCode: '63.72', story: 'ktp saya\nblm jadi' },
  },
  {
    name: 'more story after the guess came: kept quietly, then "selesai" shows the guess again as it now stands',
    turns: [
      ...consent,
      {
        say: 'KTP-el saya belum jadi sudah 3 bulan',
        expect: ['confirm_guess'],
        keys: ['ask.guess.more_story'],
      },
      { say: 'petugasnya bilang blangko habis terus', expect: [] },
      { say: 'sudah dua kali saya tanyakan ke kantornya tapi disuruh balik terus', expect: [] },
      {
        say: 'itu saja',
        expect: ['confirm_guess'],
        keys: ['ask.guess'],
        contains: ['Sudah mengadu ke instansi: Sudah'],
      },
      { say: 'ya', expect: ['region'] },
    ],
    state: 'asking',
  },
  {
    name: 'a correction at the summary, by name and by number',
    turns: [
      ...consent,
      {
        say: 'Lampu PJU di jalan depan sekolah mati semua sejak minggu lalu, gelap dan rawan, di Kandangan',
        expect: ['confirm_guess'],
      },
      { say: 'ya', expect: ['location'] },
      { say: 'Jl. Aluh Idut depan SDN Kandangan Kota 1', expect: ['prior_report'] },
      ...tail({ photo: true }).slice(0, -1),
      { say: 'ubah lokasi', expect: ['location'] },
      {
        say: 'Jl. Soekarno Hatta dekat terminal, Kandangan',
        expect: ['confirm'],
        contains: ['Soekarno Hatta'],
      },
      { say: 'ubah 6', expect: ['incident_date'] },
      { say: 'kemarin', expect: ['confirm'], contains: ['22 November 2026'] },
      { say: 'ubah', expect: ['edit_field'] },
      { say: 'harapan', expect: ['expectation'] },
      {
        say: 'Lampu segera dinyalakan kembali',
        expect: ['confirm'],
        contains: ['Lampu segera dinyalakan kembali'],
      },
      { say: 'kirim', expect: ['none'], keys: ['submitted'] },
    ],
    complaint: {
      category: 'infrastruktur',
      kabkotaCode: '63.06',
      address: 'Jl. Soekarno Hatta dekat terminal, Kandangan',
      incidentDate: { date: '2026-11-22', precision: 'day', tooOld: false },
      expectation: 'Lampu segera dinyalakan kembali',
    },
  },
  {
    name: 'corrections at the summary are never a yes: a new phone, a new address, a named field, then a whole yes',
    turns: [
      ...consent,
      {
        say: 'Lampu PJU di jalan depan sekolah mati semua sejak minggu lalu, di Kandangan',
        expect: ['confirm_guess'],
      },
      { say: 'ya', expect: ['location'] },
      { say: 'Jl. Aluh Idut depan SDN Kandangan Kota 1', expect: ['prior_report'] },
      ...tail({ photo: true }).slice(0, -1),
      // "bnr" (benar) inside a correction decides nothing: the new value is applied and the summary shown again.
      {
        say: 'no hp nya salah, yg bnr 0813-5555-1212',
        expect: ['confirm'],
        keys: ['notice.corrected', 'summary.title'],
        contains: ['+6281355551212'],
      },
      {
        say: 'alamatnya salah, yang benar Jl. Soekarno Hatta dekat terminal',
        expect: ['confirm'],
        contains: ['Lokasi: Jl. Soekarno Hatta dekat terminal'],
      },
      { say: 'tanggalnya salah pak', expect: ['incident_date'] },
      { say: 'kemarin', expect: ['confirm'], contains: ['22 November 2026'] },
      { say: 'oke siap kirim aja', expect: ['none'], keys: ['submitted'] },
    ],
    complaint: {
      phone: '+6281355551212',
      address: 'Jl. Soekarno Hatta dekat terminal',
      incidentDate: { date: '2026-11-22', precision: 'day', tooOld: false },
    },
  },
  {
    name: 'cancel taken back: "lanjut", "tidak jadi", "kembali", and an answer meant for another question never confirms it',
    turns: [
      ...consent,
      { say: 'Sampah menumpuk di TPS dekat pasar tidak diangkut seminggu', expect: ['confirm_guess'] },
      { say: 'ya', expect: ['location'] },
      { say: 'batal', expect: ['cancel_confirm'] },
      { say: 'lanjut', expect: ['location'], keys: ['ask.location'] },
      { say: 'batal', expect: ['cancel_confirm'] },
      // "Sudah" answers another question: it is not a yes to cancelling.
      { say: 'Sudah', expect: ['cancel_confirm'], keys: ['error.choice'] },
      { say: 'tidak jadi', expect: ['location'] },
      { say: 'batal', expect: ['cancel_confirm'] },
      { say: 'kembali', expect: ['location'] },
      { say: 'Pasar Lama, Banjarmasin Tengah', expect: ['incident_date'] },
      // A cancel with words after it, at a question, is still a cancel (and still asks first).
      { say: 'batal aja lah pak, sy takut diancam jg', expect: ['cancel_confirm'] },
      { say: 'gak jadi', expect: ['incident_date'] },
      { say: 'kemarin', expect: ['prior_report'] },
      // An answer that already tells what came of it: the result is not asked again.
      { say: 'sudah, tapi kada ditanggapi', expect: ['expectation'] },
      { say: 'batal', expect: ['cancel_confirm'] },
      { say: 'Ya, batalkan', expect: ['none'], keys: ['cancel.done'] },
    ],
    state: 'idle',
  },
  {
    name: 'region not known: "tidak tahu" sends it to Ombudsman Kalsel for triage, the office complained of stays',
    turns: [
      ...consent,
      { say: 'jalan berlubang besar sekali sudah sebulan', expect: ['confirm_guess'] },
      { say: 'ya', expect: ['location'] },
      { say: 'dekat rumah', expect: ['region'], contains: ['14. Tidak tahu'] },
      { say: 'tidak tahu', expect: ['prior_report'], keys: ['notice.region_unknown'] },
      { say: 'belum', expect: ['expectation'] },
      { say: 'ditambal', expect: ['evidence'] },
      { say: 'lewati', expect: ['identity_mode'] },
      {
        say: '3',
        expect: ['confirm'],
        contains: ['Instansi: Dinas PUPR', 'Wilayah: tidak diketahui', 'Diteruskan ke: Ombudsman RI Kalsel'],
      },
      { say: 'kirim', expect: ['none'], contains: ['Ombudsman RI Kalsel'] },
    ],
    complaint: { kabkotaCode: '63.00', category: 'infrastruktur', agency: 'Dinas PUPR' },
  },
  {
    name: 'an office corrected at the guess steers where the complaint goes',
    turns: [
      ...consent,
      {
        say: 'Honor saya sebagai guru honorer di SDN 2 Pelaihari belum dibayar 4 bulan',
        expect: ['confirm_guess'],
        contains: ['BKPSDM Kabupaten Tanah Laut'],
      },
      { say: 'bukan, instansinya Dinas Pendidikan Kabupaten Tanah Laut', expect: ['incident_date'] },
      { say: 'sudah 4 bulan', expect: ['prior_report'] },
      { say: 'belum', expect: ['expectation'] },
      { say: 'honor dibayar', expect: ['identity_mode'] },
      // The office the citizen named is the routed one: the summary names it once, as Instansi.
      { say: '3', expect: ['confirm'], contains: ['Instansi: Disdik'] },
    ],
  },
  {
    name: 'voice notes only: never an empty complaint; the story question stays, with an example and help',
    turns: [
      ...consent,
      { say: { voice: true }, expect: ['story'], keys: ['error.voice'] },
      { say: { voice: true }, expect: ['story'], keys: ['error.voice'] },
      { say: { voice: true }, expect: ['story'], keys: ['error.voice', 'ask.story.example', 'help.short'] },
      { say: { voice: true }, expect: ['story'], keys: ['error.voice'] },
      { say: 'jalan di depan rumah saya berlubang besar di Banjarbaru', expect: ['confirm_guess'] },
    ],
    state: 'guess',
  },
  {
    name: '"ya, tp lokasinya …" at the guess: the place is fixed, the rest stands; a phone among words is read',
    turns: [
      ...consent,
      { say: 'listrik di desa kami sering padam tiap malam di Marabahan', expect: ['confirm_guess'] },
      { say: 'ya, tp lokasinya desa Anjir Pasar Kota dekat masjid Al Falah', expect: ['incident_date'] },
      { say: 'tiap malam sejak bulan lalu', expect: ['prior_report'] },
      { say: 'belum', expect: ['expectation'] },
      { say: 'listrik normal', expect: ['evidence'] },
      { say: 'lewati', expect: ['identity_mode'] },
      { say: '1', expect: ['name'] },
      { say: 'Rina', expect: ['phone'] },
      {
        say: 'wa aja 081351234567',
        expect: ['confirm'],
        contains: ['Lokasi: desa Anjir Pasar Kota dekat masjid Al Falah', '+6281351234567'],
      },
      {
        say: 'ceritanya kurang, kulkas warung saya rusak karena listrik naik turun',
        expect: ['confirm'],
        contains: ['kulkas warung saya rusak'],
      },
      { say: 'kirim ai', expect: ['none'], keys: ['submitted'] },
    ],
    complaint: {
      kabkotaCode: '63.04',
      address: 'desa Anjir Pasar Kota dekat masjid Al Falah',
      phone: '+6281351234567',
    },
  },
  {
    name: 'a pin sent at the summary is a new location, shown again',
    turns: [
      ...consent,
      { say: 'jalan berlubang besar di depan rumah saya di Banjarbaru', expect: ['confirm_guess'] },
      { say: 'ya', expect: ['location'] },
      { say: 'Jl. Sukamara', expect: ['incident_date'] },
      { say: 'kemarin', expect: ['prior_report'] },
      { say: 'belum', expect: ['expectation'] },
      { say: 'ditambal', expect: ['evidence'] },
      { say: 'lewati', expect: ['identity_mode'] },
      { say: '3', expect: ['confirm'] },
      {
        say: { location: { lat: -3.4415, lon: 114.8306 } },
        expect: ['confirm'],
        keys: ['notice.corrected'],
        contains: ['📍 -3.44150, 114.83060'],
      },
    ],
    state: 'summary',
  },
  {
    name: 'cancel (confirmed) and start again without asking consent twice',
    turns: [
      ...consent,
      { say: 'Sampah menumpuk di TPS dekat pasar tidak diangkut seminggu', expect: ['confirm_guess'] },
      { say: 'batal', expect: ['cancel_confirm'], keys: ['ask.cancel_confirm'] },
      { say: 'tidak', expect: ['confirm_guess'] },
      { say: 'batal', expect: ['cancel_confirm'] },
      { say: 'ya', expect: ['none'], keys: ['cancel.done'] },
      { say: 'halo lagi', expect: ['story'], keys: ['ask.story'] },
      { say: 'ulang', expect: ['story'], keys: ['ask.story'] },
      { say: 'bantuan', expect: ['story'], keys: ['help'] },
    ],
    state: 'story',
  },
  {
    name: 'resume after the runtime restarts on the same database file',
    turns: [
      ...consent,
      {
        say: 'Guru honorer di SDN 3 Barabai belum menerima gaji 3 bulan',
        expect: ['confirm_guess'],
        contains: ['Hulu Sungai Tengah'],
      },
      { restart: true },
      { say: 'ya', expect: ['incident_date'] },
      { restart: true },
      { say: 'awal bulan ini', expect: ['prior_report'] },
      ...tail(),
    ],
    complaint: { category: 'kepegawaian', kabkotaCode: '63.07' },
  },
  {
    name: 'a reminder after 20 idle hours and expiry after 72, then resuming the draft',
    turns: [
      ...consent,
      { say: 'Pungutan uang komite di SMAN 1 Amuntai terlalu mahal', expect: ['confirm_guess'] },
      { say: 'ya', expect: ['incident_date'] },
      { advanceMinutes: 19 * 60, expect: [] },
      { advanceMinutes: 60, expect: ['incident_date'], keys: ['reminder', 'ask.incident_date'] },
      { advanceMinutes: 51 * 60, expect: [] },
      { advanceMinutes: 60, expect: ['none'], keys: ['expired'] },
      { advanceMinutes: 7 * 24 * 60, expect: [] },
      { say: 'halo', expect: ['none'], keys: ['paused.ask'] },
      { say: 'lanjut', expect: ['incident_date'], keys: ['ask.incident_date'] },
      { say: 'minggu lalu', expect: ['prior_report'] },
    ],
    state: 'asking',
  },
  {
    name: 'the same message delivered twice is processed once',
    turns: [
      { say: { text: 'halo', id: 'wamid.1' }, expect: ['consent'] },
      { say: { text: 'halo', id: 'wamid.1' }, expect: [] },
      { say: { text: 'ya', id: 'wamid.2' }, expect: ['story'] },
      { say: { text: 'ya', id: 'wamid.2' }, expect: [] },
    ],
    state: 'story',
  },
  {
    name: 'an emergency is answered with the numbers before anything else',
    turns: [
      {
        say: 'tolong rumah tetangga saya kebakaran sekarang',
        expect: ['none', 'consent'],
        contains: ['113', '112'],
      },
      { say: 'ya', expect: ['story'], keys: ['ack.story'] },
    ],
    state: 'story',
  },
  {
    name: 'a refusal of consent is respected and explained',
    turns: [
      { say: 'KTP saya hilang mau urus baru gimana caranya ya', expect: ['consent'] },
      { say: 'tidak setuju', expect: ['none'], keys: ['consent.refused'] },
      { say: 'halo', expect: ['consent'], keys: ['greeting'] },
    ],
    state: 'consent',
  },
  {
    name: 'ambiguous regions are asked, not guessed: Banjar, Simpang Empat, Alalak',
    turns: [
      ...consent,
      { say: 'Jalan rusak parah di Banjar, banyak lubang', expect: ['confirm_guess'] },
      { say: 'ya', expect: ['location'] },
      {
        say: 'dekat simpang empat',
        expect: ['region'],
        keys: ['ask.region.which'],
        contains: ['1. Kabupaten Banjar', '2. Kabupaten Tanah Bumbu'],
      },
      {
        say: 'eh maksud saya di Alalak',
        expect: ['region'],
        contains: ['1. Kabupaten Barito Kuala', '2. Kota Banjarmasin'],
      },
      { say: '2', expect: ['incident_date'] },
      { say: 'minggu lalu', expect: ['prior_report'] },
    ],
    state: 'asking',
  },
  {
    name: 'after submitting: add to the ticket, check status, withdraw, and start a second complaint',
    turns: [
      ...consent,
      {
        say: 'Pungli di kantor kelurahan Sungai Miai, diminta uang 200 ribu untuk surat domisili kemarin',
        expect: ['confirm_guess'],
      },
      { say: 'ya', expect: ['prior_report'] },
      { say: 'belum', expect: ['expectation'] },
      { say: 'Uang dikembalikan dan petugas ditegur', expect: ['identity_mode'] },
      { say: 'anonim', expect: ['confirm'] },
      { say: 'kirim', expect: ['none'], contains: ['ADU-'] },
      { say: 'petugasnya bernama pak X, berkacamata', expect: ['after_submit'], keys: ['ask.after_submit'] },
      { say: '1', expect: ['none'], keys: ['ack.appended'] },
      { say: { photo: true }, expect: ['none'], keys: ['ack.appended'] },
      {
        say: 'status',
        expect: ['none'],
        keys: ['status.title'],
        contains: ['diterima, menunggu verifikasi'],
      },
      { say: 'status ADU-2611-ZZZZ', expect: ['none'], contains: ['ADU-2611-ZZZZ', 'tidak ditemukan'] },
      { say: 'saya mau cabut saja', expect: ['after_submit'] },
      { say: '3', expect: ['cancel_confirm'], keys: ['ask.withdraw_confirm'] },
      { say: 'ya', expect: ['none'], keys: ['withdrawn'] },
      // Anonim: the closed ticket's chat address is dropped, so not even this chat can list it any more.
      { say: 'status', expect: ['none'], keys: ['status.none'] },
      { say: 'Jalan di depan pasar berlubang besar', expect: ['after_submit'] },
      { say: 'baru', expect: ['story'], keys: ['ack.story'] },
    ],
    complaint: {
      category: 'desa',
      identityMode: 'anonim',
      name: null,
      nik: null,
      phone: null,
      kabkotaCode: '63.71',
    },
    state: 'story',
  },
  {
    name: 'a citizen who asks for English',
    turns: [
      { say: 'halo', expect: ['consent'] },
      { say: '/lang en', expect: ['consent'], contains: ["OK, we'll continue in English.", 'Do you agree'] },
      { say: 'yes', expect: ['story'] },
      {
        say: 'The street light in front of SDN 1 Paringin has been off since last week',
        expect: ['confirm_guess'],
        contains: ['Balangan'],
      },
      { say: 'yes', expect: ['prior_report'] },
      { say: 'no', expect: ['expectation'] },
      { say: 'Please fix the light', expect: ['evidence'] },
      { say: 'skip', expect: ['identity_mode'] },
      { say: '1', expect: ['name'] },
      { say: 'Rina Wati', expect: ['phone'] },
      { say: 'skip', expect: ['confirm'] },
      { say: 'edit date', expect: ['incident_date'] },
      { say: 'yesterday', expect: ['confirm'], contains: ['22 November 2026'] },
      { say: 'send', expect: ['none'], contains: ['ADU-', 'working days'] },
    ],
    complaint: {
      lang: 'en',
      kabkotaCode: '63.11',
      incidentDate: { date: '2026-11-22', precision: 'day', tooOld: false },
    },
  },
  {
    name: 'an earlier report that got nowhere: Ombudsman offered at the summary, with the NIK it needs',
    turns: [
      ...consent,
      {
        say: 'Anak saya ditolak daftar ulang di salah satu SMA negeri di Banjarbaru karena belum bayar uang komite 2 juta',
        expect: ['confirm_guess'],
        contains: ['Pendidikan', 'Kota Banjarbaru', 'Instansi: Disdik Provinsi Kalsel'],
      },
      { say: 'ya', expect: ['incident_date'] },
      { say: 'minggu lalu', expect: ['prior_report'] },
      { say: 'sudah', expect: ['prior_result'] },
      { say: 'sudah lapor ke sekolah tapi tidak ditanggapi', expect: ['expectation'] },
      { say: 'anak saya bisa sekolah tanpa pungutan', expect: ['identity_mode'] },
      { say: '2', expect: ['name'] },
      { say: 'Siti Rahmah', expect: ['phone'] },
      {
        say: '0812-3456-7890',
        expect: ['confirm'],
        keys: ['summary.escalate_offer'],
        contains: [
          '[Kirim]',
          '[Ubah]',
          '[Batal]',
          '[Kirim, juga ke Ombudsman]',
          '3. Instansi: Disdik Provinsi Kalsel',
        ],
      },
      // Shown as words: the choice is typed (or tapped) by its words; a bare "4" would edit row 4 instead.
      { say: 'kirim, juga ke ombudsman', expect: ['nik'], keys: ['ask.nik.ombudsman'] },
      {
        say: '6371045708900001',
        expect: ['none'],
        // No destination and no officer account in a bare install: the receipt says who holds it meanwhile.
        contains: [
          'Pengaduan ini untuk *Disdik Provinsi Kalsel + Ombudsman RI Kalsel*',
          'dipegang dulu oleh pengelola Aduan',
        ],
      },
    ],
    complaint: {
      category: 'pendidikan',
      kabkotaCode: '63.72',
      identityMode: 'rahasia',
      escalate: true,
      nik: '6371045708900001',
    },
  },
  {
    name: 'Ombudsman chosen at the summary, then its NIK skipped: filed to the agency only',
    turns: [
      ...consent,
      {
        say: 'Sertifikat tanah saya di BPN Kabupaten Banjar tidak selesai selesai sudah setahun',
        expect: ['confirm_guess'],
      },
      { say: 'ya', expect: ['prior_report'] },
      { say: 'sudah', expect: ['prior_result'] },
      { say: 'belum ada kabar', expect: ['expectation'] },
      { say: 'sertifikat terbit', expect: ['identity_mode'] },
      { say: '1', expect: ['name'] },
      { say: 'Ahmad', expect: ['phone'] },
      { say: 'lewati', expect: ['confirm'], keys: ['summary.escalate_offer'] },
      { say: 'kirim ke ombudsman juga', expect: ['nik'], keys: ['ask.nik.ombudsman'] },
      { say: 'lewati', expect: ['none'], keys: ['notice.escalate_without_nik', 'submitted'] },
    ],
    complaint: { category: 'pertanahan', kabkotaCode: '63.03', escalate: false, nik: null },
  },
  {
    name: 'an unclear story: the runner-up category is offered and picked',
    turns: [
      ...consent,
      {
        say: 'jalan rusak dekat sekolah, truk parkir sembarangan di Barabai',
        expect: ['confirm_guess'],
        keys: ['ask.guess.confirm_or_other'],
        contains: [
          'Dishub Kabupaten Hulu Sungai Tengah',
          '3. Bukan, ini soal Jalan, jembatan, drainase, PJU',
        ],
      },
      { say: '3', expect: ['location'] },
      { say: 'depan SDN 1 Barabai', expect: ['incident_date'] },
      { say: 'kemarin', expect: ['prior_report'] },
      { say: 'belum', expect: ['expectation'] },
      { say: 'jalan diperbaiki', expect: ['evidence'] },
      { say: 'lewati', expect: ['identity_mode'] },
      {
        say: '3',
        expect: ['confirm'],
        contains: ['Kategori: Jalan, jembatan', 'Instansi: Dinas PUPR Kabupaten Hulu Sungai Tengah'],
      },
      { say: 'kirim', expect: ['none'], contains: ['Dinas PUPR Kabupaten Hulu Sungai Tengah'] },
    ],
    complaint: { category: 'infrastruktur', kabkotaCode: '63.07', identityMode: 'anonim' },
  },
];
