/** Payload validators of the `enrollment` function (registered in schemas.ts). */
import * as v from 'valibot';
import { ENROLL_KINDS, parseEnrollmentId } from './enrollment-rules';
import { docId, emptyPayload, int, payload, text } from './fields';
import { nearField } from './distance';

/** kind~targetId~memberId, each part a document id. */
const enrollmentIdField = v.pipe(
  v.string('报名编号不对'),
  v.maxLength(200, '报名编号不对'),
  v.check((value) => {
    const parts = parseEnrollmentId(value);
    return parts !== null && [parts.targetId, parts.memberId].every((part) => /^[A-Za-z0-9_-]{1,64}$/.test(part));
  }, '报名编号不对'),
);

export const enrollmentSchemas = {
  associations: emptyPayload,
  association: payload({ associationId: docId('协会编号') }),
  teams: emptyPayload,
  team: payload({ teamId: docId('服务队编号') }),
  courses: payload({ termId: v.optional(docId('学期')), campusId: v.optional(docId('校区编号')), near: nearField }),
  course: payload({ courseId: docId('课程编号') }),
  activities: emptyPayload,
  activity: payload({ activityId: docId('活动编号') }),
  mine: emptyPayload,
  signUp: payload({
    kind: v.picklist(ENROLL_KINDS, '报名的类别不对'),
    targetId: docId('报名的项目'),
    /** team: which post */
    postId: v.optional(docId('岗位')),
  }),
  cancel: payload({ enrollmentId: enrollmentIdField }),
  approvals: payload({ page: v.optional(int('页码', 1, 10000)) }),
  approve: payload({ enrollmentId: enrollmentIdField }),
  reject: payload({ enrollmentId: enrollmentIdField, reason: v.optional(text('不通过的原因', 100)) }),
  drawLottery: payload({ courseId: docId('课程编号') }),
};
