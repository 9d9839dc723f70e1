// A file's display name with personal data masked ("surat_balasan_Budi_Santoso.pdf" → "surat_balasan_[nama
// disamarkan].pdf"): the free-text mask runs on the name before its extension, which stays as it was.
const EXTENSION = /\.[\p{L}\p{N}]{1,8}$/u;

/** The name masked by `mask`, its extension (".pdf", ".jpeg") kept; a name that is only an extension is masked whole. */
export function maskFileName(name: string, mask: (text: string) => string): string {
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - extension.length);
  return stem === '' ? mask(name) : mask(stem) + extension;
}
