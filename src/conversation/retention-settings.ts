// How long Aduan keeps a citizen's data (RETENTION_DAYS, DRAFT_RETENTION_DAYS) and how long backups may still hold it:
// what the retention sweep acts on and what "data saya" and "hapus data saya" tell the citizen.
export type RetentionSettings = {
  /** Days after a ticket is closed (ditutup, ditolak, dicabut) before its identity and files are erased. */
  days: number;
  /** Days after a draft expired before it is dropped. */
  draftDays: number;
  /** About how many days the scheduled backups reach back (BACKUP_KEEP × BACKUP_EVERY_HOURS). */
  backupDays: number;
};

export const DEFAULT_RETENTION: RetentionSettings = { days: 730, draftDays: 30, backupDays: 7 };
