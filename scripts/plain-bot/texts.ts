// What the plain bot says: its questions (worded as Aduan's, in the same order), the categories and the summary.

export const WELCOME =
  'Halo! 👋 Ini layanan pengaduan pelayanan publik Kalimantan Selatan. Ceritakan masalah Anda; kami catat, beri nomor tiket, dan teruskan ke instansi yang berwenang.\n\n' +
  '🔒 Data Anda (cerita, nama, NIK, nomor HP) hanya dipakai untuk menangani pengaduan ini oleh instansi terkait dan disimpan selama pengaduan ditangani dan 2 tahun sesudahnya. Anda juga bisa melapor secara rahasia atau anonim.';

/** One text per question; the compare checks that each reply set ends with the question it expects. */
export const QUESTIONS = {
  consent: 'Apakah Anda setuju data Anda diproses untuk pengaduan ini?',
  story: 'Silakan ceritakan apa yang terjadi: apa masalahnya, di mana, kapan, dan di kantor/instansi mana.',
  category: 'Masalahnya termasuk jenis apa? Balas dengan nomornya.',
  location: '📍 Di mana tepatnya lokasinya? Tulis alamat atau patokan beserta kecamatan/kabupaten.',
  incident_date: '📅 Kapan kejadiannya?',
  prior_report: 'Apakah Anda sudah pernah menyampaikan keluhan ini langsung ke instansi tersebut?',
  prior_result: 'Apa tanggapan atau hasilnya waktu itu?',
  expectation: 'Apa yang Anda harapkan dari instansi tersebut?',
  evidence: '📷 Ada foto pendukung? Kirim sekarang, atau ketik lewati.',
  identity_mode:
    'Bagaimana identitas Anda ditampilkan?\n1. Biasa: instansi melihat nama Anda.\n2. Rahasia: hanya admin pengaduan yang tahu identitas Anda.\n3. Anonim: identitas tidak disimpan sama sekali.',
  name: 'Siapa nama lengkap Anda?',
  nik: 'Berapa NIK Anda (16 angka di KTP)? Ketik lewati bila tidak ingin.',
  phone: '📞 Nomor HP/WA yang bisa dihubungi petugas? Ketik lewati bila tidak ingin.',
  summary: 'Balas kirim bila sudah benar, atau batal untuk membatalkan.',
  submitted: '✅ Pengaduan Anda sudah kami terima dengan nomor tiket',
} as const;

export type Question = keyof typeof QUESTIONS;

export const REFUSED = 'Baik, data Anda tidak kami proses. Ketik /start bila ingin mengadu lagi.';
export const CANCELLED = 'Pengaduan dibatalkan. Ketik /start untuk memulai lagi.';
export const NOT_UNDERSTOOD = 'Maaf, jawaban itu belum bisa saya baca.';
export const OUTSIDE = 'Ketik /start untuk memulai pengaduan.';

/** The categories offered by number; `nik`: the agency needs the citizen's NIK to find their records. */
export const CATEGORIES: readonly { label: string; nik: boolean }[] = [
  { label: 'Jalan, jembatan, drainase, PJU', nik: false },
  { label: 'Kependudukan (KTP-el, KK, akta, pindah)', nik: true },
  { label: 'Kesehatan (puskesmas, RSUD, ambulans)', nik: false },
  { label: 'Pendidikan (sekolah, PPDB, ijazah)', nik: false },
  { label: 'Air minum (PDAM)', nik: false },
  { label: 'Bantuan sosial (PKH, BPNT, DTKS)', nik: true },
  { label: 'Lingkungan (sampah, limbah)', nik: false },
  { label: 'Lainnya', nik: false },
];

export const CATEGORY_QUESTION = `${QUESTIONS.category}\n${CATEGORIES.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`;

export type Answers = {
  story: string;
  category: string;
  place: string;
  incidentDate: string;
  priorReport: string | null;
  expectation: string;
  photo: string | null;
  identity: 'biasa' | 'rahasia' | 'anonim';
  name: string | null;
  nik: string | null;
  phone: string | null;
};

export function summaryText(a: Answers): string {
  const lines = [
    `1. Cerita: ${a.story}`,
    `2. Kategori: ${a.category}`,
    `3. Lokasi: ${a.place}`,
    `4. Waktu kejadian: ${a.incidentDate}`,
    `5. Sudah mengadu ke instansi: ${a.priorReport ?? 'belum'}`,
    `6. Harapan: ${a.expectation}`,
    `7. Bukti: ${a.photo ? 'foto' : '-'}`,
    `8. Identitas: ${a.identity}`,
    `9. Nama: ${a.name ?? '-'}`,
    `10. NIK: ${a.nik ? `${a.nik.slice(0, 4)}**********${a.nik.slice(-2)}` : '-'}`,
    `11. Telepon: ${a.phone ?? '-'}`,
  ];
  return `📋 Ringkasan pengaduan Anda\n\n${lines.join('\n')}\n\n${QUESTIONS.summary}`;
}

export const submittedText = (number: string): string =>
  `${QUESTIONS.submitted} ${number}.\n\nPengaduan Anda akan diteruskan ke instansi yang berwenang. Setiap perubahan status akan kami kabarkan di sini.`;
