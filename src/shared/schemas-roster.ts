/** Payload validators of the `roster` function (registered in schemas.ts). */
import * as v from 'valibot';
import { ROSTER_FILE_MAX_BYTES } from './request-limits';
import { docId, int, keyword, longText, payload, text } from './fields';

/** base64 length of the largest accepted file */
const MAX_BASE64 = Math.ceil(ROSTER_FILE_MAX_BYTES / 3) * 4;

const page = v.optional(int('页码', 1, 10000));
const requestId = docId('申请编号');

export const rosterSchemas = {
  importRoster: payload({
    fileName: text('文件名', 200),
    /** the .xlsx file, base64 */
    contentBase64: v.pipe(
      v.string('文件内容不对'),
      v.nonEmpty('文件是空的'),
      v.maxLength(MAX_BASE64, '文件太大了，不能超过2MB，请分成几个文件上传'),
      v.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不对，请重新选择文件'),
    ),
  }),
  /** page: 1-based */
  members: payload({
    /** part of a name or a roster number */
    keyword: v.optional(keyword('搜索内容', 30)),
    town: v.optional(text('乡镇街道', 30)),
    memberType: v.optional(v.picklist(['lixiu', 'tuixiu'], '类别不对')),
    page,
  }),
  reviewRequests: payload({
    /** default pending */
    status: v.optional(v.picklist(['pending', 'approved', 'rejected'], '状态不对')),
    page,
  }),
  approveRequest: payload({ requestId }),
  rejectRequest: payload({ requestId, reason: longText('不通过的原因', 200) }),
  deletionRequests: payload({
    /** default pending */
    status: v.optional(v.picklist(['pending', 'done'], '状态不对')),
    page,
  }),
  confirmDeletion: payload({ requestId }),
};
