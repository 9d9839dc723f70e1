// The doctor's two-step login check: every TOTP secret that is on opens with this server's secret (LINK_SECRET or
// `$DATA_DIR/link-secret`). A database restored without that secret locks out every account using two-step login.
import { totpSecretBox } from '../officers/totp-secret-box.js';
import type { Db } from '../storage/db.js';
import { sealedTotpSecrets } from '../storage/second-factors.js';
import { existingLinkSecret } from './build-forwarder.js';
import type { Config } from './config.js';
import type { Check } from './doctor-check.js';

const NAME = 'two-step login';
const FIX =
  'put back the LINK_SECRET (or $DATA_DIR/link-secret) of the server these accounts were set up on; or reset each account: npm run user -- --reset-2fa USERNAME';

export function checkTwoFactor(config: Pick<Config, 'LINK_SECRET' | 'dataDir'>, db: Db): Check {
  const sealed = sealedTotpSecrets(db);
  if (sealed.length === 0) return { mark: 'ok', name: NAME, detail: 'no account has it on yet' };
  const secret = existingLinkSecret(config.LINK_SECRET, config.dataDir);
  if (secret === null) {
    return {
      mark: 'fail',
      name: NAME,
      detail: `${sealed.length} account(s) use it, but there is no LINK_SECRET and no ${config.dataDir}/link-secret`,
      fix: FIX,
    };
  }
  const box = totpSecretBox(secret);
  const locked = sealed.filter((s) => box.open(s.officerId, s.sealedSecret) === null).length;
  return locked === 0
    ? {
        mark: 'ok',
        name: NAME,
        detail: `${sealed.length} account(s); every secret opens with this server's secret`,
      }
    : {
        mark: 'fail',
        name: NAME,
        detail: `${locked} of ${sealed.length} account(s) cannot sign in: their secret was sealed with another server's secret`,
        fix: FIX,
      };
}
