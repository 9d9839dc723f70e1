// The category classifier on realistic messages of every category (written for this test), ambiguous cases and its reasons.
import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../../src/domain/categories.js';
import { buildClassifier } from '../../src/understand/classify.js';
import { suggestCategories } from '../../src/understand/suggest-categories.js';

const EXAMPLES: Record<CategoryId, string[]> = {
  adminduk: [
    'KTP saya rusak, mau ganti baru disuruh tunggu blangko sampai bulan depan',
    'sudah 3 minggu urus kk di capil belum jadi juga',
    'ulun handak maulah akta kelahiran anak, disuruh bulik tarus ka kantor capil',
    'Dengan hormat, permohonan perubahan data pada Kartu Keluarga kami belum diproses oleh Disdukcapil.',
    'anak sy umur 17 mau rekam e-ktp, petugas bilang alatnya rusak',
    'SURAT PINDAH SAYA DARI KOTABARU BELUM BISA DIPAKAI DI BANJARBARU',
    'akte kematian bapak sy salah tanggal meninggalnya',
    'KIA anak sy gk bisa dicetak katanya kartunya habis',
    'nik anak saya belum masuk kk padahal aktanya sudah jadi',
    'loket dukcapil cuma dibuka setengah hari, antre dari subuh',
  ],
  kesehatan: [
    'anak saya kejang dibawa ke ugd malah disuruh daftar dulu di loket',
    'puskesmas di kampung kami dokternya cuma datang seminggu sekali',
    'obat darah tinggi di apotek rumah sakit habis, disuruh beli di luar',
    'perawat rsud bentak-bentak keluarga pasien yang nanya',
    'ambulan desa tidak bisa dipakai antar orang melahirkan, sopirnya tidak ada',
    'imunisasi bayi di posyandu ditunda terus karena vaksinnya belum dikirim',
    'ulun garing parah, ka puskesmas kadada dokter, cuma perawat haja',
    'Pasien rawat inap di rumah sakit daerah tidur di lorong karena kamar penuh.',
    'antrean poli jantung di rsud sampai 5 jam, pasien lansia kelelahan',
    'rumah sakit menolak pasien gawat darurat karena tidak bawa uang jaminan',
  ],
  jaminan_sosial: [
    'kartu bpjs saya non aktif padahal tiap bulan bayar',
    'klaim JHT sy udh 2 bulan gk cair2',
    'kis bapak sy dicabut, skrg disuruh bayar mandiri',
    'gimana cara pindah faskes bpjs dari puskesmas ke klinik dekat rumah',
    'bos tidak daftarkan kami ke bpjs ketenagakerjaan padahal sudah kerja 3 tahun',
    'BPJS ulun nunggak 6 bulan, dendanya larang banar',
    'di puskesmas ditolak berobat karena bpjs katanya tidak aktif',
    'iuran bpjs sy terpotong dua kali bulan ini',
  ],
  pendidikan: [
    'sekolah anak sy minta uang buku 400rb, kalau gk bayar gk dapat buku',
    'guru matematika di smp sering kosong, murid disuruh belajar sendiri',
    'ppdb sma jalur zonasi kacau, rumah dekat tidak diterima',
    'ijazah sma anak saya ditahan sekolah karena tunggakan spp',
    'sakulah minta duit gasan perpisahan, kada mampu ulun',
    'dana PIP anak sy gk pernah cair, sekolah bilang belum masuk',
    'atap ruang kelas SD roboh, anak-anak belajar di musala',
    'uang komite di sman naik terus tiap semester',
    'kepala sekolah mewajibkan siswa ikut les tambahan berbayar',
    'rapor anak saya tidak dibagikan karena belum bayar kegiatan',
  ],
  infrastruktur: [
    'jalan ke desa kami hancur, lubangnya segede kolam',
    'jembatan kayu di kampung sudah lapuk, takut ambruk',
    'lampu jalan di depan komplek mati sebulan, gelap',
    'drainase mampet, tiap hujan jalan banjir setinggi lutut',
    'jalan bolong2 di depan pasar, motor sering jatuh',
    'jalan kampung ulun licak banar, kada kawa dilalui mobil',
    'proyek pengaspalan jalan berhenti di tengah, tinggal batu kerikil',
    'trotoar di depan sekolah rusak dan berlubang',
    'PJU di jalan raya padam sejak seminggu, rawan begal',
    'gorong-gorong di ujung gang ambruk dan belum diganti',
  ],
  air_minum: [
    'air pdam mati dari kemarin, gk ada pemberitahuan',
    'tagihan pdam sy bulan ini 500rb padahal biasanya 60rb',
    'air ledeng keruh dan bau tanah',
    'banyu pdam kada mengalir sudah tiga hari',
    'pipa pdam bocor di depan rumah, air muncrat ke jalan',
    'meteran air di rumah sy macet tp tagihan tetap naik',
    'air bersih belum masuk ke komplek kami',
    'aliran air kecil sekali, tidak sampai ke tandon',
  ],
  energi_listrik: [
    'listrik padam tiap malam di kampung kami',
    'token listrik sy gk masuk padahal udh bayar',
    'mati lampu dari jam 5 sore sampai sekarang',
    'tiang listrik di depan rumah hampir roboh',
    'lampu pajah tarus, kulkas ulun rusak',
    'tagihan listrik bulan ini naik dua kali lipat',
    'trafo dekat rumah meledak, pln belum datang',
    'kabel listrik putus kena angin, bahaya buat anak-anak',
  ],
  pertanahan: [
    'sertifikat tanah sy 2 thn gk selesai2 di bpn',
    'PTSL di desa kami ditarik biaya 700rb per bidang',
    'petugas ukur tanah minta uang bensin',
    'tanah warisan mau dipecah sertifikatnya, berkas bolak balik',
    'sertifikat sy ditahan di kantor pertanahan karena katanya ada blokir',
    'tanah kami diklaim perusahaan, padahal kami punya segel',
    'balik nama sertifikat tanah udh setahun belum beres',
    'Pengukuran ulang bidang tanah kami tidak kunjung dijadwalkan oleh Kantor Pertanahan.',
  ],
  kepolisian: [
    'bikin skck di polres antre seharian',
    'laporan motor hilang di polsek tidak ada kabarnya',
    'ditilang polisi lalu diajak damai 200rb',
    'perpanjang sim dipersulit, disuruh lewat calo',
    'balap liar tiap malam minggu, polisi tidak pernah datang',
    'kasus penipuan sy udh lapor polisi 4 bulan gk ada perkembangan',
    'ulun lapor ka polsek masalah pencurian, kada ditanggapi',
    'banyak pemakai narkoba di gang kami, lapor polisi tidak ada tindakan',
  ],
  perizinan: [
    'urus nib di oss error terus',
    'izin usaha warung makan sy belum keluar 3 bulan',
    'pengajuan pbg rumah sudah 6 bulan tanpa kabar',
    'izin reklame ditolak tanpa alasan',
    'perpanjang izin praktik apoteker lama bgt',
    'petugas dpmptsp minta uang supaya izin cepat terbit',
    'izin operasional paud kami tidak diproses',
  ],
  bansos: [
    'pkh sy gk cair bulan ini',
    'bansos beras di desa kami dipotong 5 kg',
    'nama saya hilang dari dtks padahal masih miskin',
    'bpnt ibu sy diputus tanpa alasan',
    'yang dapat bantuan malah orang kaya, yang miskin tidak dapat',
    'pendamping pkh minta uang tiap pencairan',
    'bantuan bedah rumah tidak tepat sasaran',
    'ulun kada dapat bansos, ujar dinsos data ulun dicoret',
  ],
  lingkungan: [
    'sampah di tps depan pasar numpuk tidak diangkut',
    'pabrik buang limbah ke sungai, air jadi hitam',
    'asap pembakaran sampah tetangga masuk rumah tiap sore',
    'debu batubara dari jalan tambang bikin anak batuk',
    'sampah kada diangkut saminggu, babau banar',
    'bau busuk dari peternakan babi dekat kampung',
    'kebakaran lahan gambut, asapnya sampai ke kota',
    'sungai tercemar oli dari bengkel, ikan mati',
  ],
  perhubungan: [
    'lampu merah di perempatan mati dari kemarin',
    'tukang parkir di minimarket minta 5 ribu',
    'angkot trayek ke pasar sudah tidak ada lagi',
    'terminal kotor dan banyak calo',
    'uji kir di dishub dipungut biaya tambahan',
    'lampu habang di simpang kada hidup',
    'kapal penyeberangan penuh sesak, tidak ada pelampung',
    'rambu lalu lintas di tikungan tertutup pohon',
  ],
  ketertiban: [
    'pkl jualan di trotoar, pejalan kaki harus turun ke jalan',
    'bangunan liar di bantaran sungai makin banyak',
    'tempat karaoke berisik sampai jam 3 pagi',
    'pedagang bajualan di tengah jalan, macet tiap pagi',
    'satpol pp menyita gerobak pedagang tanpa surat',
    'pengemis dan anak punk di setiap lampu merah',
    'warung jual miras dekat masjid',
  ],
  kepegawaian: [
    'gaji honorer sy 4 bulan blm dibayar',
    'honorer 15 tahun tidak diangkat pppk',
    'tpp asn dipotong tanpa penjelasan',
    'kenaikan pangkat pns di bkpsdm diminta uang',
    'guru pppk belum terima sk',
    'sk pensiun bapak sy belum keluar setahun',
    'pns di kantor kami sering bolos tapi tetap terima tunjangan',
  ],
  pajak_daerah: [
    'pbb rumah sy naik 3 kali lipat',
    'bayar pajak motor di samsat online tapi status belum lunas',
    'retribusi pasar dipungut tanpa karcis',
    'pajak kendaraan sy kena denda padahal ada pemutihan',
    'PBB ulun ditagih dua kali',
    'antrean samsat panjang, loket cuma satu yang buka',
    'bphtb jual beli rumah dihitung kemahalan',
  ],
  ketenagakerjaan: [
    'gaji sy di bawah umk dan lembur tidak dibayar',
    'di phk sepihak tanpa pesangon',
    'thr tidak dibayar perusahaan',
    'sy dipecat karena sakit, gaji terakhir tidak dibayar',
    'buruh sawit kerja tanpa kontrak',
    'disnaker tidak menanggapi laporan kami soal upah',
    'ulun bagawi di toko, gaji dipotong kada jelas',
  ],
  desa: [
    'kades jarang ngantor, surat tidak bisa ditandatangani',
    'dana desa tidak transparan, tidak ada baliho apbdes',
    'perangkat desa minta uang buat surat keterangan usaha',
    'pambakal kada mau tanda tangan surat pengantar',
    'surat keterangan tidak mampu di kelurahan dipersulit',
    'kantor desa tutup terus di jam kerja',
    'BLT dana desa cuma dikasih ke keluarga kades',
  ],
  lainnya: [
    'damkar datang telat waktu rumah tetangga terbakar',
    'gas melon langka di pangkalan',
    'pupuk subsidi tidak ada di kios',
    'sinyal hp di desa kami hilang terus',
    'salinan putusan pengadilan belum diberikan',
    'harga beras naik terus',
    'bot ini bisa buat apa aja',
  ],
};

describe('suggestCategories: realistic messages per category', () => {
  const cases = Object.entries(EXAMPLES).flatMap(([category, texts]) =>
    texts.map((t) => [category, t] as const),
  );
  it.each(cases)('%s ← %s', (category, text) => {
    const top = suggestCategories(text)[0];
    expect(top?.category).toBe(category);
    expect(top?.score).toBeGreaterThanOrEqual(2);
  });

  it('gets nearly all of them right as a whole (guards against silent regressions)', () => {
    const right = cases.filter(([category, text]) => suggestCategories(text)[0]?.category === category);
    expect(right.length).toBe(cases.length);
  });
});

describe('suggestCategories: ambiguous cases follow the agency that has to act', () => {
  it.each([
    ['pungutan di sekolah anak saya 300 ribu', 'pendidikan'],
    ['pungutan liar di kantor bpn saat ukur tanah', 'pertanahan'],
    ['jalan rusak parah di depan rumah', 'infrastruktur'],
    ['lampu lalu lintas di jalan ahmad yani mati', 'perhubungan'],
    ['lampu jalan di jalan ahmad yani mati', 'infrastruktur'],
    ['parkir liar di jalan depan pasar bikin macet', 'perhubungan'],
    ['angkot ngetem di jalan sembarangan', 'perhubungan'],
    ['PJU di gang kami mati, bukan listrik rumah', 'infrastruktur'],
    ['puskesmas menolak pasien bpjs yang datang malam', 'kesehatan'],
    ['kartu bpjs sy tidak aktif waktu berobat ke puskesmas', 'jaminan_sosial'],
    ['bayar pajak kendaraan di samsat antre lama', 'pajak_daerah'],
    ['bikin sim di samsat disuruh lewat calo', 'kepolisian'],
    ['skck di polres lama sekali', 'kepolisian'],
    ['listrik pln padam seharian', 'energi_listrik'],
    ['air pdam keruh seminggu', 'air_minum'],
    ['pkh sy dicoret dari dtks', 'bansos'],
    ['honorer di dinas belum gajian', 'kepegawaian'],
    ['gaji di pabrik di bawah ump', 'ketenagakerjaan'],
    ['dana desa dipakai kades untuk kepentingan pribadi', 'desa'],
    ['pambakal minta duit gasan surat pengantar', 'desa'],
    ['Guru honorer di SDN 3 Barabai belum menerima gaji 3 bulan', 'kepegawaian'],
    ['guru sering tidak masuk kelas, murid main saja', 'pendidikan'],
    ['pedagang kaki lima buang sampah sembarangan dan menutup trotoar', 'ketertiban'],
    ['sampah pasar tidak diangkut, bau', 'lingkungan'],
    ['BLT dana desa tidak dibagikan', 'desa'],
    ['dana PIP anak saya dipotong', 'pendidikan'],
    ['retribusi parkir di pasar mahal', 'perhubungan'],
    ['retribusi los pasar naik', 'pajak_daerah'],
    ['sertifikat ptsl ditahan kepala desa', 'pertanahan'],
    ['pbb sy belum masuk padahal sertifikat sudah balik nama', 'pajak_daerah'],
    ['stnk sy hilang mau urus yang baru', 'kepolisian'],
    ['galian pdam di jalan tidak ditutup lagi', 'air_minum'],
    ['puskesmas tidak punya genset, listrik mati pasien kepanasan', 'kesehatan'],
    ['saluran irigasi sawah jebol', 'infrastruktur'],
    ['baliho liar menutupi rambu lalu lintas', 'ketertiban'],
    ['surat keterangan kematian dari kelurahan belum jadi', 'desa'],
    ['NIK saya ganda jadi BPJS tidak bisa diaktifkan dan bank menolak buka rekening', 'adminduk'],
    ['lampu jalan di depan rumah mati, sudah lapor pln katanya bukan urusan mereka', 'infrastruktur'],
    ['PJU mati sejak listrik padam minggu lalu, belum menyala lagi', 'infrastruktur'],
    ['pbb tanah saya tertagih atas nama pemilik lama padahal sertifikat sudah balik nama', 'pajak_daerah'],
    ['sudah bayar retribusi PBG tapi izinnya belum terbit juga', 'perizinan'],
    ['kecelakaan kerja di pabrik, perusahaan tidak bayar gaji selama saya dirawat', 'ketenagakerjaan'],
    ['perusahaan tidak daftarkan pekerja ke bpjs ketenagakerjaan', 'jaminan_sosial'],
    ['rumah sakit mendahulukan pasien umum, pasien bpjs disuruh menunggu sampai sore', 'kesehatan'],
    ['blt dd di desa kami cuma untuk keluarga perangkat', 'desa'],
    ['mobil damkar lama datang, rumah habis terbakar', 'lainnya'],
    ['bantuan bpbd untuk korban banjir belum sampai', 'lainnya'],
    ['pedagang jualan di bahu jalan bikin macet parah tiap sore', 'ketertiban'],
  ] as const)('%s → %s', (text, category) => {
    expect(suggestCategories(text)[0]?.category).toBe(category);
  });
});

describe('suggestCategories: shape, reasons and the confident threshold', () => {
  it('carries the deciding words and phrases as reasons, heaviest first', () => {
    const [top] = suggestCategories('Lampu lalu lintas di simpang empat mati total');
    expect(top?.category).toBe('perhubungan');
    expect(top?.reasons[0]).toBe('lampu lalu lintas');
    const [pdam] = suggestCategories('air PDAM mati sudah 3 hari');
    expect(pdam?.reasons).toContain('pdam');
  });

  it('gives every suggestion reasons, ranks best first, and scores with one decimal', () => {
    const all = suggestCategories('jalan rusak dekat sekolah, sampah menumpuk dan pdam mati');
    expect(all.length).toBeGreaterThan(2);
    for (const s of all) {
      expect(s.reasons.length).toBeGreaterThan(0);
      expect(Math.round(s.score * 10) / 10).toBe(s.score);
    }
    const scores = all.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds nothing in a greeting or an empty message', () => {
    expect(suggestCategories('')).toEqual([]);
    expect(suggestCategories('halo selamat pagi')).toEqual([]);
    expect(suggestCategories('ok terima kasih')).toEqual([]);
  });

  it('names the service with a word that counts as confident (score >= 2)', () => {
    for (const t of ['ktp', 'pdam', 'skck', 'sertifikat', 'bansos']) {
      expect(suggestCategories(t)[0]?.score).toBeGreaterThanOrEqual(2);
    }
  });

  it('counts a phrase once however often it is repeated', () => {
    const once = suggestCategories('ktp belum jadi')[0]?.score ?? 0;
    const thrice = suggestCategories('ktp ktp ktp belum jadi')[0]?.score ?? 0;
    expect(thrice).toBe(once);
  });

  it('reads "-nya" forms of known words and Banjar spellings', () => {
    expect(suggestCategories('sertifikatnya belum jadi')[0]?.category).toBe('pertanahan');
    expect(suggestCategories('sekolahnya minta duit')[0]?.category).toBe('pendidikan');
    expect(suggestCategories('sakulah minta duit')[0]?.category).toBe('pendidikan');
    expect(suggestCategories('jalan licak banar')[0]?.category).toBe('infrastruktur');
  });
});

describe('buildClassifier', () => {
  const classifier = buildClassifier({
    categories: ['air_minum', 'energi_listrik', 'lainnya'],
    lexicon: { air_minum: { pdam: 6, 'air mati': 5 }, energi_listrik: { 'mati lampu': 6, padam: 3 } },
    seed: { air_minum: ['keran kering tiap pagi'], energi_listrik: ['kulkas rusak karena tegangan turun'] },
    neutral: new Set(['tiap']),
  });

  it('matches the longest phrase and does not reuse its words', () => {
    const out = classifier.suggest('mati lampu dan air mati');
    expect(out.map((s) => s.category)).toEqual(['energi_listrik', 'air_minum']);
    expect(out[0]?.reasons).toEqual(['mati lampu']);
  });

  it('learns words from the seed corpus that no lexicon lists', () => {
    expect(classifier.suggest('keran kering')[0]).toMatchObject({ category: 'air_minum' });
    expect(classifier.suggest('kulkas rusak')[0]?.reasons).toContain('kulkas');
  });

  it('ignores neutral words', () => {
    expect(classifier.suggest('tiap')).toEqual([]);
  });
});
