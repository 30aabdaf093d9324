/** Payload validators of the `member` function (registered in schemas.ts). */
import * as v from 'valibot';
import { docId, emptyPayload, int, longText, payload, text } from './fields';

/** Invitation codes: 8 characters without look-alikes (no 0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

const consentVersion = v.pipe(v.string('请先同意个人信息说明'), v.maxLength(20, '请先同意个人信息说明'));

/** A mobile (11 digits starting with 1) or a landline (0 + area code + number); spaces and dashes allowed. */
export const phone = (label = '电话') =>
  v.pipe(
    v.string(`${label}应当是数字`),
    v.trim(),
    v.maxLength(20, `${label}不对`),
    v.transform((value) => value.replace(/[\s-]/g, '')),
    v.regex(/^(1[3-9]\d{9}|0\d{9,11})$/, `${label}不对，请填写11位手机号或带区号的座机号`),
  );

const skills = v.pipe(v.array(text('特长', 20), '特长不对'), v.maxLength(12, '特长最多选12项'));
const memberType = v.picklist(['lixiu', 'tuixiu'], '请选择离休或退休');
const gender = v.picklist(['male', 'female'], '请选择性别');
const birthYear = int('出生年份', 1900, 2010);

const emergencyContact = v.nullable(
  payload({ name: text('紧急联系人姓名', 20), relation: text('与您的关系', 10), phone: phone('紧急联系人电话') }),
);

const inviteCode = v.pipe(
  v.string('邀请码不对'),
  v.maxLength(20, '邀请码不对'),
  v.transform((value) => value.replace(/[\s-]/g, '').toUpperCase()),
  v.regex(new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), '邀请码是8位字母和数字，请核对后再试'),
);

export const memberSchemas = {
  me: emptyPayload,
  bindForm: emptyPayload,
  claimAdmin: payload({
    code: v.pipe(v.string('请填写认领码'), v.trim(), v.minLength(1, '请填写认领码'), v.maxLength(40, '认领码不对')),
    /** how the administrator is named in the audit log and on staff pages */
    name: text('姓名', 20),
  }),
  bind: payload({
    consentVersion,
    name: v.optional(text('姓名', 20)),
    phoneLast4: v.optional(v.pipe(v.string('手机号后4位不对'), v.trim(), v.regex(/^\d{4}$/, '请填写手机号的最后4位数字'))),
    birthYear: v.optional(birthYear),
    rosterNo: v.optional(text('花名册编号', 32)),
  }),
  requestReview: payload({
    consentVersion,
    name: text('姓名', 20),
    memberType,
    gender,
    birthYear,
    formerUnit: text('原单位', 50),
    town: text('乡镇（街道）', 30),
    community: v.optional(text('社区（村）', 30)),
    partyMember: v.optional(v.boolean('请选择是否党员')),
    phone: phone(),
    skills: v.optional(skills),
    note: v.optional(longText('备注', 200)),
  }),
  profile: emptyPayload,
  updateProfile: v.pipe(
    payload({
      phone: v.optional(phone()),
      town: v.optional(text('乡镇（街道）', 30)),
      community: v.optional(text('社区（村）', 30)),
      skills: v.optional(skills),
      emergencyContact: v.optional(emergencyContact),
      largeText: v.optional(v.boolean('大字设置不对')),
    }),
    v.check((input) => Object.keys(input).length > 0, '没有要修改的内容'),
  ),
  createInvitation: emptyPayload,
  invitation: payload({ code: inviteCode }),
  acceptInvitation: payload({
    code: inviteCode,
    consentVersion,
    /** the helper's own name and relation, shown to the member */
    name: text('您的姓名', 20),
    relation: v.optional(text('与老人的关系', 10)),
  }),
  helpers: emptyPayload,
  revokeHelper: payload({ helperAccountId: docId('代办人') }),
  requestDeletion: payload({ reason: v.optional(longText('原因', 200)) }),
};
