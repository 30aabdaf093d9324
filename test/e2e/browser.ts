/** Kept for branches written before test/support (import ../support/browser): remove once they are merged. */
export * from '../support/browser';
