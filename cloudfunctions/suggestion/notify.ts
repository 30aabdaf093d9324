/** The message a member gets at each change of their suggestion, through the one sending module (_lib/messages.ts). */
import { SUGGESTION_SUBSCRIBE_TEMPLATE } from '../../src/shared/contracts-suggestion';
import type { SuggestionDoc } from '../../src/shared/documents';
import { beijingDateTime, SUGGESTION_STATUS_LABELS } from '../../src/shared/suggestion-rules';
import type { Cloud, Db } from '../_lib/db';
import { deliver } from '../_lib/messages';

/** Sends the suggestion's current status to the member's 消息, WeChat and their helpers'; answers how many WeChats took it. */
export async function notifyProgress(db: Db, cloud: Cloud, doc: SuggestionDoc, remark: string): Promise<number> {
  const { page, keywords } = SUGGESTION_SUBSCRIBE_TEMPLATE;
  const updatedAt = new Date(doc.updatedAt);
  const status = SUGGESTION_STATUS_LABELS[doc.status];
  const report = await deliver(
    db,
    cloud,
    [
      {
        key: `suggestion:${doc._id}:${doc.status}:${updatedAt.getTime()}`,
        memberId: doc.memberId,
        kind: 'suggestion',
        template: 'suggestion',
        page: `${page}?id=${doc._id}`,
        title: `您的建议（${doc.trackingNo}）：${status}`,
        body: remark,
        data: {
          [keywords.trackingNo]: doc.trackingNo,
          [keywords.status]: status,
          [keywords.summary]: doc.text,
          [keywords.time]: beijingDateTime(updatedAt),
          [keywords.remark]: remark,
        },
      },
    ],
    updatedAt,
  );
  return report.sends;
}
