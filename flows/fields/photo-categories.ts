// Categories of problems at a place, where the spot and a photo are asked.
import type { CategoryId } from '../../src/domain/categories.js';

/** Problems at a place, which a photo shows (a road, rubbish, a pipe, a street stall): the spot and a photo are asked. */
export const PHOTO_CATEGORIES: ReadonlySet<CategoryId> = new Set([
  'infrastruktur',
  'air_minum',
  'energi_listrik',
  'lingkungan',
  'perhubungan',
  'ketertiban',
]);
