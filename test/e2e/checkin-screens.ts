/** Kept for branches written before test/support (import ../support/e2e): remove once they are merged. */
export { checkCheckinScreen } from '../support/e2e';
