/**
 * The member's submit screen and submitting. Order matters: the text is checked by msgSecCheck before anything is
 * stored (a risky text leaves no trace, not even a used daily slot); then a daily slot is taken (one conditional
 * increment), a tracking number drawn (one atomic increment per year) and the suggestion inserted. A failure after
 * the slot was taken gives the slot back.
 */
import {
  SUGGESTION_CATEGORIES,
  SUGGESTION_PHOTOS_MAX,
  SUGGESTION_TEXT_MAX,
  type SubmitSuggestionRequest,
  type SuggestionDetail,
  type SuggestionFormData,
} from '../../src/shared/contracts-suggestion';
import type { MemberDoc, SuggestionDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { isInFolder, photoFolder } from '../../src/shared/member-uploads';
import { formatTrackingNo } from '../../src/shared/suggestion-rules';
import { beijingDay } from '../../src/shared/date-rules';
import { recordIfOnBehalf, type Actor } from '../_lib/actor';
import type { Cloud, Db } from '../_lib/db';
import { hotlineOf } from '../_lib/hotline';
import { tempUrls, urlLookup } from '../_lib/files';
import { releaseDailySlot, takeDailySlot, usedToday } from '../_lib/quota';
import { nextInSequence } from '../_lib/sequence';
import { readSettings, usableTemplate } from '../_lib/settings';
import { assertTextSafe } from '../_lib/wxapi';
import { newDocId } from '../_lib/writes';
import { insertCounted } from '../_domain/tallies/tally';
import { suggestionSettings } from './settings';
import { memberView } from './views';
import { notifyProgress } from './notify';
import { canReach } from '../_lib/messages';
import { howToldText, TEMPLATE_SETTING } from '../../src/shared/messages';

const QUOTA_KIND = 'suggestion';

async function memberOf(db: Db, memberId: string): Promise<MemberDoc> {
  const member = await db.byId<MemberDoc>('members', memberId);
  if (!member || member.erasedAt) throw new CodedError('DATA.NOT_FOUND');
  return member;
}

/** Photos only from the caller's own folder: nobody attaches a file someone else uploaded. */
function assertOwnPhotos(actor: Actor, photos: readonly string[]): void {
  const folder = photoFolder(actor.account.openid);
  if (photos.some((fileId) => !isInFolder(fileId, folder))) throw new CodedError('SUGGESTION.BAD_PHOTO');
}

export async function suggestionForm(db: Db, actor: Actor, now: Date): Promise<SuggestionFormData> {
  // the bureau's settings are read once: the template to ask for, and the hotline
  const [member, settings, used, bureau] = await Promise.all([
    memberOf(db, actor.memberId),
    suggestionSettings(db),
    usedToday(db, QUOTA_KIND, actor.memberId, now),
    readSettings(db),
  ]);
  const subscribeTemplateId = usableTemplate(TEMPLATE_SETTING.suggestion, bureau);
  const hotline = hotlineOf(bureau);
  const reachable = await canReach(db, actor.account.openid, subscribeTemplateId);
  return {
    categories: [...SUGGESTION_CATEGORIES],
    textMax: SUGGESTION_TEXT_MAX,
    photosMax: SUGGESTION_PHOTOS_MAX,
    dailyLimit: settings.dailyLimit,
    usedToday: used,
    remainingToday: Math.max(0, settings.dailyLimit - used),
    subscribeTemplateId: subscribeTemplateId ?? '',
    notify: { kind: 'askSubscribe', templateIds: subscribeTemplateId ? [subscribeTemplateId] : [] },
    howTold: howToldText(reachable),
    viewer: { name: actor.account.name, onBehalf: actor.onBehalf, memberName: member.name },
    photoFolder: photoFolder(actor.account.openid),
    hotline,
  };
}

export async function submitSuggestion(
  db: Db,
  cloud: Cloud,
  actor: Actor,
  input: SubmitSuggestionRequest,
  now: Date,
): Promise<SuggestionDetail> {
  assertOwnPhotos(actor, input.photos ?? []);
  const member = await memberOf(db, actor.memberId);
  // The person typing is the caller (the member, or their helper): msgSecCheck wants a user active in the app.
  await assertTextSafe(cloud, actor.account.openid, input.text, 'SUGGESTION.RISKY_TEXT');

  const { dailyLimit } = await suggestionSettings(db);
  if (!(await takeDailySlot(db, QUOTA_KIND, actor.memberId, dailyLimit, now))) throw new CodedError('SUGGESTION.DAILY_LIMIT');

  let doc: SuggestionDoc;
  try {
    const year = Number(beijingDay(now).slice(0, 4));
    const trackingNo = formatTrackingNo(year, await nextInSequence(db, `suggestion-${year}`));
    const fields: Omit<SuggestionDoc, '_id'> = {
      trackingNo,
      memberId: member._id,
      memberName: member.name,
      category: input.category,
      text: input.text,
      photos: input.photos ?? [],
      hideName: input.hideName ?? false,
      status: 'submitted',
      outcome: null,
      department: null,
      reply: null,
      timeline: [
        {
          step: 'submit',
          status: 'submitted',
          at: now,
          byOpenid: actor.account.openid,
          byName: actor.account.name,
          byRole: actor.account.role,
          note: null,
        },
      ],
      submittedAt: now,
      acceptedAt: null,
      concludedAt: null,
      updatedAt: now,
    };
    doc = { _id: newDocId('suggestion'), ...fields };
    await insertCounted(db, 'suggestions', { ...doc });
  } catch (error) {
    await releaseDailySlot(db, QUOTA_KIND, actor.memberId, now).catch(() => undefined);
    throw error;
  }

  await recordIfOnBehalf(db, actor, 'suggestion.submit', `替您提交了建议（受理编号 ${doc.trackingNo}）`);
  await notifyProgress(db, cloud, doc, '已收到您的建议');
  const urls = await tempUrls(cloud, doc.photos);
  return memberView(doc, urlLookup(urls));
}
