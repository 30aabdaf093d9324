/**
 * Browser tests drive real timing (animations, page transitions, speech that may end at any moment). A test that
 * fails is run once more, and its first failure is printed, so a flake shows in the log instead of hiding.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
