// SP4N-LAPOR!'s category ("kategori laporan") for each of Aduan's categories, for the LAPOR!-ready export.
//
// The names are the topics of LAPOR!'s report form as lapor.go.id lists them under "Pilih Kategori Laporan Anda" (the
// `topic_name`s its data API's `gettopics` answers), written exactly as LAPOR! writes them so that its admins can pick
// the same entry. LAPOR! changes its list now and then (topics come and go, such as "Corona Virus"): check this table
// against the instance the file goes to. A category without an entry keeps Aduan's own label.
import { type CategoryId, isCategoryId } from '../domain/categories.js';

const LAPOR_TOPICS: Partial<Record<CategoryId, string>> = {
  adminduk: 'Kependudukan',
  kesehatan: 'Kesehatan',
  jaminan_sosial: 'Sosial dan Kesejahteraan',
  pendidikan: 'Pendidikan dan Kebudayaan',
  infrastruktur: 'Pekerjaan Umum dan Penataan Ruang',
  air_minum: 'Pekerjaan Umum dan Penataan Ruang',
  energi_listrik: 'Energi dan Sumber Daya Alam',
  pertanahan: 'Pertanahan',
  kepolisian: 'TNI/Polri',
  perizinan: 'Pelayanan Publik',
  bansos: 'Sosial dan Kesejahteraan',
  lingkungan: 'Lingkungan Hidup dan Kehutanan',
  perhubungan: 'Perhubungan',
  ketertiban: 'Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat',
  kepegawaian: 'Manajemen ASN',
  pajak_daerah: 'Ekonomi dan Keuangan',
  ketenagakerjaan: 'Ketenagakerjaan',
  desa: 'Pembangunan Desa, Daerah Tertinggal, dan Transmigrasi',
  // lainnya: none. What fits no category is triaged by LAPOR!'s admin, as by Aduan's coordinator.
};

/** LAPOR!'s category for ours, or null when the table has none (the export writes Aduan's label then). */
export function laporTopic(category: string): string | null {
  return isCategoryId(category) ? (LAPOR_TOPICS[category] ?? null) : null;
}
