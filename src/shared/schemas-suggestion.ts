/** Payload validators of the `suggestion` function (registered in schemas.ts). */
import * as v from 'valibot';
import { isFileId } from './cloud-file';
import { SUGGESTION_CATEGORIES, SUGGESTION_PHOTOS_MAX, SUGGESTION_TEXT_MAX } from './request-limits';
import { docId, emptyPayload, int, longText, payload, periodDay, text } from './fields';

export const fileId = (label: string) =>
  v.pipe(v.string(`${label}不对`), v.check(isFileId, `${label}不对，请重新上传`));

const page = v.optional(int('页码', 1, 10000));
const suggestionId = docId('建议编号');

export const suggestionSchemas = {
  form: emptyPayload,
  submit: payload({
    category: v.picklist(SUGGESTION_CATEGORIES, '请选择建议的类别'),
    text: longText('建议内容', SUGGESTION_TEXT_MAX),
    /** cloud fileIDs of photos already uploaded, at most 3 */
    photos: v.optional(
      v.pipe(
        v.array(fileId('照片'), '照片不对'),
        v.maxLength(SUGGESTION_PHOTOS_MAX, `最多${SUGGESTION_PHOTOS_MAX}张照片`),
        v.check((photos) => new Set(photos).size === photos.length, '同一张照片传了两次'),
      ),
    ),
    /** hide the author's name from handlers (the bureau can still reply) */
    hideName: v.optional(v.boolean('是否匿名不对')),
  }),
  mine: payload({ page }),
  detail: payload({ suggestionId }),
  queue: payload({
    /** default: every open one (submitted, accepted, in progress) */
    status: v.optional(v.picklist(['submitted', 'accepted', 'inProgress', 'concluded'], '状态不对')),
    /** only the overdue ones: submitted and not accepted within the working days allowed (the 工作台's red card) */
    overdue: v.optional(v.boolean('是否只看超期的不对')),
    page,
  }),
  staffDetail: payload({ suggestionId }),
  accept: payload({ suggestionId, note: v.optional(longText('备注', 200)) }),
  assign: payload({ suggestionId, department: text('承办单位', 40), note: v.optional(longText('备注', 200)) }),
  reply: payload({ suggestionId, reply: longText('答复', 1000) }),
  conclude: payload({
    suggestionId,
    outcome: v.picklist(['adopted', 'notAdopted'], '请选择是否采纳'),
    reply: longText('答复', 1000),
  }),
  /** from: default: the current year to date */
  rates: v.pipe(
    payload({ from: v.optional(periodDay('开始日期')), to: v.optional(periodDay('结束日期')) }),
    v.check((input) => (input.from === undefined) === (input.to === undefined), '请同时选择开始和结束日期'),
    v.check((input) => !input.from || !input.to || input.from <= input.to, '开始日期不能晚于结束日期'),
  ),
};
