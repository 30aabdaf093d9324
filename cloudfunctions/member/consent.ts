/** Nothing is stored before consent: actions that store personal data start here. */
import { CONSENT_VERSION } from '../../src/shared/consent';
import { CodedError } from '../../src/shared/errors';

export function requireConsent(version: string): void {
  if (version !== CONSENT_VERSION) throw new CodedError('CONSENT.REQUIRED');
}
