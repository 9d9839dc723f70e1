// The draft change of an identity mode: anonim drops the name, NIK and phone.
import type { IdentityMode } from '../../src/domain/complaint.js';
import type { Draft } from '../intake-context.js';

export function identityPatch(mode: IdentityMode): Partial<Draft> {
  return mode === 'anonim'
    ? { identityMode: mode, name: null, nik: null, phone: null }
    : { identityMode: mode };
}
