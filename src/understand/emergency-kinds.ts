// The kinds of emergency a message can report, and the numbers to call for each.
export type Emergency = 'fire' | 'flood' | 'accident' | 'violence' | 'crime' | 'self_harm' | 'medical';

export type EmergencyNumber = '112' | '110' | '113' | '119' | '129';

const NUMBERS: Readonly<Record<Emergency, readonly EmergencyNumber[]>> = {
  fire: ['113', '112'],
  flood: ['112'],
  accident: ['110', '119', '112'],
  medical: ['119', '112'],
  crime: ['110', '112'],
  violence: ['110', '129', '112'],
  self_harm: ['119', '112'],
};

/**
 * Numbers to show, most specific first: 113 fire brigade, 110 police, 119 ambulance and health line
 * (also Kemenkes' Healing119 for mental-health crises), 129 SAPA (violence against women and children),
 * 112 the general emergency line (BPBD/SAR for floods).
 */
export function emergencyNumbers(kind: Emergency): EmergencyNumber[] {
  return [...NUMBERS[kind]];
}
