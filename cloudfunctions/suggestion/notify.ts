/** The subscribe message a member gets at each change of their suggestion (best effort, see _lib/wxapi). */
import { SUGGESTION_SUBSCRIBE_TEMPLATE } from '../../src/shared/contracts-suggestion';
import type { SuggestionDoc } from '../../src/shared/documents';
import { beijingDateTime, SUGGESTION_STATUS_LABELS } from '../../src/shared/suggestion-rules';
import type { Cloud, Db } from '../_lib/db';
import { templateId } from '../_lib/settings';
import { memberOpenids, sendSubscribe } from '../_lib/wxapi';

/** Sends the suggestion's current status to the member's WeChat and their helpers'; answers how many were taken. */
export async function notifyProgress(db: Db, cloud: Cloud, doc: SuggestionDoc, remark: string): Promise<number> {
  const { page, keywords } = SUGGESTION_SUBSCRIBE_TEMPLATE;
  const id = await templateId(db, 'tplSuggestionProgress');
  if (!id) return 0;
  const openids = await memberOpenids(db, doc.memberId);
  const sent = await Promise.all(
    openids.map((touser) =>
      sendSubscribe(cloud, {
        touser,
        templateId: id,
        page: `${page}?id=${doc._id}`,
        data: {
          [keywords.trackingNo]: doc.trackingNo,
          [keywords.status]: SUGGESTION_STATUS_LABELS[doc.status],
          [keywords.summary]: doc.text,
          [keywords.time]: beijingDateTime(doc.updatedAt),
          [keywords.remark]: remark,
        },
      }),
    ),
  );
  return sent.filter(Boolean).length;
}
