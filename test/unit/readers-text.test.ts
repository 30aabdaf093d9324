import { emptyReadersText } from '../../src/shared/contracts-notice';

describe('the staff read list when a list is empty', () => {
  it('never says everyone read a notice nobody was sent', () => {
    expect(emptyReadersText('unread', { audienceCount: 0, readCount: 0 })).toBe('这条通知现在没有发到任何人：通知对象里没有人，所以也没有人读过');
    expect(emptyReadersText('read', { audienceCount: 0, readCount: 0 })).toContain('没有发到任何人');
  });

  it('says all of them read it only when there were some, and counts them', () => {
    expect(emptyReadersText('unread', { audienceCount: 38, readCount: 38 })).toBe('发给的38人都读过了');
    expect(emptyReadersText('read', { audienceCount: 38, readCount: 0 })).toBe('还没有人读');
  });
});
