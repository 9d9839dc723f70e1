// Hand-kept words the region finder reads names by: ordinary words in names, context words, prefixes (data only).
const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));

/**
 * Ordinary Indonesian/Banjar words that are common inside place names. A name made only of these
 * ("Pasar Lama", "Air Tawar", "Jalan Lurus", "Simpang Empat") is not distinctive without a prefix.
 */
export const GENERIC_WORDS = words(
  'a i ii iii iv sungai batu baru baharu lama kota tengah utara selatan timur barat jaya makmur sari indah ' +
    'mekar raya hulu hilir ulu ilir dalam luar besar basar kecil pasar simpang satu dua tiga empat lima ' +
    'gunung tanjung teluk pulau pantai karya sumber mulya mulia mulyo harapan pengharapan kampung ' +
    'tanah air danau muara tinggi tebing padang bukit kanan kiri ujung sejahtera subur bakti bhakti karang ' +
    'telaga banua benua hanyar anyar asri rejo agung maju damai permai bumi laut darat rantau pinang durian ' +
    'kelapa nyiur pematang handil tambak murung lok bangun tani berkat berkah rahmat sentosa mandiri bersama ' +
    'barsama lestari abadi asam binjai beringin ketapang keramat mesjid masjid pandan kupang bangkal habang ' +
    'panjang lurus jalan atas bawah merah putih kuning hijau biru hitam kembang bunga kebun rumah pagar hujan ' +
    'mas emas intan senin selasa rabu kamis jumat sabtu minggu malang tawar jawa melayu bali cahaya ' +
    'bulan surya sinar harus ulang jati kayu buah batang akar daun padi sawah pondok gudang jembatan tangga ' +
    'tembok pangkalan bandar perahu api alam tunggal garis bahagia semangat tunas perintis kencana mandala ' +
    'cermin wangi manis panas datar rata kolam sumur tali pecah piring payung papan buntu kandang haji raja ' +
    'raden pangeran gusti datu tuan patih dewa kepulauan seberang pal kali luas suka ramah asih pasir abang ' +
    'damar bakar warga paku alat bawahan burung lobang antar dukuh rimbun tulang jadi rahayu masa matang ' +
    'batas laki pakan sarang gelang dwi marga tegal irigasi',
);

/** Single-word desa names that are everyday words, other places or personal names: never matched bare. */
export const COMMON_NAMES = words(
  'alat andaman andhika antasari bagus bakau bakung bata batik batuah bayur belimbing benteng bersujud ' +
    'betung bilas bungur cempaka dirgahayu gadang galam galagah gambut gemuruh halangan harusan ilung ' +
    'indrasari jambu jamil jatuh jombang juhu kalian kasai kedondong kemuning keraton kunyit labuhan langkap ' +
    'lasung madang malinau mangga manunggal mawar megasari mekarsari mustika namun nelayan paku panggung ' +
    'parigi paul pemuda penghulu pudak purut rintisan salaman sampurna sarikandi sawahan sepakat setiap sirap ' +
    'sirih stagen sukadana sukamaju sukaramai sungkai suryatama tabat tambangan tatakan telagasari wanasari ' +
    'dwipasari mandarsari damsari komet gandaria pimping lepasan baroqah tamiang ambawang ' +
    'pagaruyung purwodadi sungsum darussalam jangkung karuh',
);

/** Kecamatan names that are also ordinary words or shared with other places: weak without "kecamatan". */
export const WEAK_KECAMATAN: ReadonlySet<string> = new Set([
  'tanjung',
  'gambut',
  'cempaka',
  'angsana',
  'kuranji',
  'bungur',
  'tamban',
  'mekarsari',
  'bakumpai',
  'halong',
  'kurau',
  'simpur',
  'alalak',
  'tambangulang',
]);

/** Kecamatan named like a flower, tree or fish: a place after "di", "ke", "dari"… (or an office word). */
export const PLACE_AFTER_LOCATIVE = words(
  'cempaka angsana kuranji bungur tamban bakumpai halong kurau simpur tambangulang',
);

/** Capital towns named like ordinary words ("tanjung" cape, "rantau" abroad): towns on a trip's ends. */
export const WORD_LIKE_CAPITALS = words('tanjung rantau');

/** Names whose ordinary sense also follows "di" ("di rantau", "api di gambut"): places after an office word. */
export const PLACE_AFTER_OFFICE: ReadonlySet<string> = new Set([
  ...PLACE_AFTER_LOCATIVE,
  ...WORD_LIKE_CAPITALS,
  'gambut',
]);

/** Kecamatan made of ordinary words that together name nothing else: strong without "kecamatan". */
export const DISTINCTIVE_KECAMATAN = words(
  'karangintan muaraharus pulaulautbarat pulaulautselatan pulaulauttimur pulaulauttengah pulaulautkepulauan',
);

/** Offices and public facilities: a town named right after one is where the office is ("capil tanjung"). */
export const OFFICE_WORDS = words(
  'capil dukcapil disdukcapil samsat rsud rs rsu puskesmas pkm pustu polres polresta polsek kejari ' +
    'kejaksaan pengadilan pn bpn pdam pln ulp kantor dinas dinkes disdik dishub pupr satpol pp bapenda ' +
    'bkpsdm bkd dprd pemda bupati camat lurah pasar terminal pelabuhan bandara sekolah sd sdn smp smpn sma ' +
    'sman smk smkn man mts mtsn min slb madrasah pesantren kampus universitas stadion bank bri bni pos kua ' +
    'imigrasi lapas rutan spbu bpjs kodim koramil',
);

/** Words between an office word and its town: "SMA negeri 1 di Rantau". */
export const OFFICE_FILLERS = words('negeri n');

/** Prepositions of place; after one, a name like an ordinary word is read as a place. */
export const LOCATIVES = words('di ke ka dari dr daerah wilayah kawasan sekitar menuju arah');

/** Words before a destination ("dirujuk ke bjm"): the incident is usually elsewhere. */
export const DESTINATIONS = words('ke ka menuju arah tujuan');

/** Verbs that send a patient elsewhere, and the words that name where to ("dibawa ke rumah sakit di X"). */
export const REFERRALS = words('rujuk dirujuk merujuk dibawa diantar dilarikan');
export const FACILITY_WORDS: ReadonlySet<string> = new Set([...OFFICE_WORDS, ...words('rumah sakit umum')]);

/** Words before a former place ("alamat lama di Batola", "asal Barabai"). */
export const FORMER = words('asal dulu dahulu sebelumnya eks pindahan');
export const FORMER_OF_LAMA = words('alamat ktp kk domisili');

/** The ends of a trip ("bus ke bjm dr tanjung"): a capital named like a word is a town here. */
export const ROUTE_ENDS = words('dari dr ke ka menuju');
export const HOMECOMING = words('pulang balik kembali mudik');

/** Ordinary words one typo away from a place name: never read as a misspelt place. */
export const NOT_TYPOS = words(
  'banjir bancar bantar belakang bintang kitap kurangi taman tambah tambak tambal tambang tampan kandang ' +
    'barang bandara pengalaman perumahan pengembangan penambangan sumbangan tindakan sempurna melintang manapun',
);

type Context = { readonly before?: ReadonlySet<string>; readonly after?: ReadonlySet<string> };
const TREES = words('pohon kayu bunga daun batang buah');

/** Neighbouring words that show a bare name is not a place here ("bahasa banjar", "di rantau orang"). */
export const NOT_A_PLACE: ReadonlyMap<string, Context> = new Map([
  [
    'banjar',
    {
      before: words(
        'bahasa basa urang orang org suku adat budaya lagu masakan kue wadai logat dialek kesultanan kerajaan ' +
          'sultan tradisi etnis seni pantun tari rumah bubuhan dangsanak khas kuliner ala cara gaya bangsa',
      ),
    },
  ],
  ['rantau', { before: words('tanah anak perantauan merantau perantau'), after: words('orang urang org') }],
  [
    'tanjung',
    {
      after: words(
        'priok perak pinang redeb selor balai karang enim duren mas emas uban morawa barat pandan',
      ),
    },
  ],
  [
    'gambut',
    {
      before: words('lahan tanah hutan kebakaran rawa karhutla restorasi ekosistem kubah'),
      after: words('terbakar kering basah'),
    },
  ],
  [
    'cempaka',
    { before: words('bunga kembang pohon wangi'), after: words('putih kuning wangi raya indah sari') },
  ],
  ['tamban', { before: words('ikan iwak') }],
  ['kurau', { before: words('ikan iwak') }],
  ['simpur', { before: TREES }],
  ['angsana', { before: TREES }],
  ['kuranji', { before: TREES }],
  ['bungur', { before: TREES }],
  ['bakumpai', { before: words('suku orang urang bahasa dayak bubuhan') }],
  ['halong', { before: words('teluk') }],
  ['martapura', { before: words('sungai') }],
]);

/** Words after which a name is a street or housing estate, not where the thing happened. */
export const STREET_WORDS = words('jalan jl jln gang gg komplek kompleks komp perum perumahan blok lorong');

export type Prefix = 'kab' | 'kota' | 'kec' | 'desa';

export const PREFIXES: ReadonlyMap<string, Prefix> = new Map([
  ['kabupaten', 'kab'],
  ['kab', 'kab'],
  ['kabupatan', 'kab'],
  ['pemkab', 'kab'],
  ['kota', 'kota'],
  ['kotamadya', 'kota'],
  ['pemkot', 'kota'],
  ['pemko', 'kota'],
  ['kecamatan', 'kec'],
  ['kec', 'kec'],
  ['kecamtan', 'kec'],
  ['kecamatn', 'kec'],
  ['kcmtn', 'kec'],
  ['desa', 'desa'],
  ['ds', 'desa'],
  ['kelurahan', 'desa'],
  ['kel', 'desa'],
  ['kelurhan', 'desa'],
  ['kalurahan', 'desa'],
]);

/** Frequent chat words; those in no place name stop a name lookup. */
export const CHAT_WORDS = words(
  'yang dan di ke dari untuk dengan sudah belum tidak tak ada ini itu saya aku kami kita mereka dia anda ' +
    'pak bu bapak ibu mohon tolong karena tapi tetapi juga sangat sekali lagi akan bisa mau sampai kalau ' +
    'atau pada oleh sebagai rusak lapor hari tahun kemarin sekarang tadi masih pernah kantor petugas ' +
    'pelayanan sekolah listrik banjir lubang parah banyak semua kok ya iya nya',
);

/** First words of "Ahmad Yani" before "Yani". */
export const A_YANI_FIRST = words('a ahmad achmad ahmat');
