/** Payload validators of the `notice` function (registered in schemas.ts). Text is cleaned on the way in. */
import * as v from 'valibot';
import { NOTICE_ATTACHMENTS_MAX, NOTICE_CATEGORIES, NOTICE_TITLE_MAX } from './request-limits';
import { coded, docId, int, payload, requestKey, text } from './fields';
import { isBlank } from './text-rules';
import { cleanText, NOTICE_BLOCKS_MAX, NOTICE_BLOCK_TEXT_MAX } from './notice-body';
import { fileId } from './schemas-suggestion';

const page = v.optional(int('页码', 1, 10000));
const noticeId = docId('通知编号');
const category = v.picklist(NOTICE_CATEGORIES, '请选择通知的类别');

/** Text cleaned of control characters, then checked like `text`. */
const cleaned = (label: string, max: number) =>
  v.pipe(
    v.string(`${label}应当是文字`),
    v.maxLength(max * 2, `${label}最多${max}个字`),
    v.transform(cleanText),
    v.nonEmpty(`请填写${label}`),
    coded('INPUT.EMPTY_TEXT', v.check<string, string>((value) => !isBlank(value), `${label}：请写几个字`)),
    v.maxLength(max, `${label}最多${max}个字`),
  );

const block = v.variant('type', [
  payload({ type: v.literal('heading'), text: cleaned('小标题', 100) }),
  payload({ type: v.literal('paragraph'), text: cleaned('正文段落', NOTICE_BLOCK_TEXT_MAX), bold: v.optional(v.boolean('加粗设置不对')) }),
  payload({
    type: v.literal('list'),
    items: v.pipe(v.array(cleaned('列表项', 500), '列表不对'), v.minLength(1, '列表是空的'), v.maxLength(50, '列表最多50项')),
  }),
  payload({ type: v.literal('image'), fileId: fileId('图片'), caption: v.optional(cleaned('图片说明', 100)) }),
], '正文的格式不对');

const body = v.pipe(v.array(block, '正文的格式不对'), v.minLength(1, '请填写正文'), v.maxLength(NOTICE_BLOCKS_MAX, `正文最多${NOTICE_BLOCKS_MAX}段`));

const attachment = payload({
  fileId: fileId('附件'),
  name: v.pipe(cleaned('附件名称', 100), v.regex(/\.pdf$/i, '附件只能是PDF文件')),
  size: v.optional(int('附件大小', 0, 100 * 1024 * 1024)),
});
const attachments = v.pipe(v.array(attachment, '附件不对'), v.maxLength(NOTICE_ATTACHMENTS_MAX, `最多${NOTICE_ATTACHMENTS_MAX}个附件`));

const audience = v.variant('kind', [
  payload({ kind: v.literal('everyone') }),
  payload({ kind: v.picklist(['association', 'team', 'course', 'branch'], '通知对象不对'), id: docId('通知对象') }),
], '请选择通知对象');

const title = cleaned('标题', NOTICE_TITLE_MAX);

export const noticeSchemas = {
  list: payload({ category: v.optional(category), page }),
  open: payload({ noticeId }),
  staffList: payload({ category: v.optional(category), page }),
  /** filter: default unread */
  readers: payload({ noticeId, filter: v.optional(v.picklist(['unread', 'read'], '筛选条件不对')), page }),
  /** noticeId: the notice to edit; absent for a new one */
  publishForm: payload({ noticeId: v.optional(noticeId) }),
  publish: payload({
    /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
    requestKey: requestKey(),
    title,
    category,
    pinned: v.optional(v.boolean('置顶设置不对')),
    audience,
    body,
    attachments: v.optional(attachments),
    /** shown as the publisher; default 县委老干部局 */
    publisherName: v.optional(text('发布单位', 30)),
  }),
  update: v.pipe(
    payload({
      noticeId,
      title: v.optional(title),
      category: v.optional(category),
      pinned: v.optional(v.boolean('置顶设置不对')),
      audience: v.optional(audience),
      body: v.optional(body),
      attachments: v.optional(attachments),
    }),
    v.check((input) => Object.keys(input).length > 1, '没有要修改的内容'),
  ),
  withdraw: payload({ noticeId }),
};
