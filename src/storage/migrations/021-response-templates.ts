// Migration 021: officers' response templates per agency and status, and a few Indonesian defaults for all.
export const sql = `
CREATE TABLE response_templates (
  id INTEGER PRIMARY KEY,
  -- an agency id of the directory; NULL: for every agency
  agency_id TEXT,
  -- the ticket status it suits; NULL: any answer
  status TEXT,
  title TEXT NOT NULL,
  -- text with placeholders: {nomor} {instansi} {kategori} {tanggal} {petugas}
  body TEXT NOT NULL,
  -- NULL: shipped with Aduan
  updated_by INTEGER REFERENCES officers (id),
  updated_at INTEGER NOT NULL
);
CREATE INDEX response_templates_agency ON response_templates (agency_id, status);

INSERT INTO response_templates (agency_id, status, title, body, updated_at)
SELECT NULL, d.status, d.title, d.body, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM (
  SELECT 'diverifikasi' AS status, 'Pengaduan diterima dan diverifikasi' AS title,
    'Terima kasih atas pengaduan Anda. Pengaduan {nomor} tentang {kategori} sudah kami periksa dan kami terima untuk ditindaklanjuti oleh {instansi}. Kami akan mengabari Anda setiap ada perkembangan.' AS body
  UNION ALL SELECT 'diproses', 'Sedang ditindaklanjuti',
    'Pengaduan Anda {nomor} sedang kami tindak lanjuti. Petugas kami sedang menangani masalah ini dan kami akan mengabari Anda bila sudah ada hasilnya. Terima kasih atas kesabaran Anda.'
  UNION ALL SELECT 'diproses', 'Perbaikan dijadwalkan',
    'Pengaduan Anda {nomor} sudah kami jadwalkan untuk perbaikan pada {tanggal}. Terima kasih telah melapor.'
  UNION ALL SELECT 'menunggu_pelapor', 'Meminta keterangan tambahan',
    'Untuk menindaklanjuti pengaduan {nomor}, kami memerlukan keterangan tambahan dari Anda: … Mohon balas pesan ini. Terima kasih atas bantuan Anda.'
  UNION ALL SELECT 'selesai', 'Pengaduan selesai ditangani',
    'Pengaduan Anda {nomor} sudah selesai kami tindak lanjuti pada {tanggal}. Bila masalahnya ternyata belum teratasi, silakan sampaikan kepada kami melalui percakapan ini. Terima kasih atas laporan Anda.'
  UNION ALL SELECT 'ditolak', 'Di luar kewenangan instansi',
    'Mohon maaf, pengaduan Anda {nomor} tidak dapat kami tindak lanjuti karena masalah ini bukan kewenangan {instansi}. Anda dapat menyampaikannya kepada … Terima kasih atas pengertian Anda.'
  UNION ALL SELECT NULL, 'Penanganan memerlukan waktu lebih lama',
    'Mohon maaf, penanganan pengaduan {nomor} memerlukan waktu lebih lama dari perkiraan. Kami perkirakan selesai pada {tanggal}. Terima kasih atas kesabaran Anda.'
) AS d;
`;
