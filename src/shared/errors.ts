// Stable error codes and the plain-Chinese messages a retiree sees. One place for all of them.
export const ERROR_MESSAGES = {
  'INPUT.INVALID': '填写的内容不对，请检查后再试',
  'INPUT.UNKNOWN_ACTION': '这个操作不存在',
  'INPUT.UNKNOWN_FUNCTION': '这项服务不存在',
  'INPUT.TOO_LARGE': '提交的内容太多了，请删减一些再试',
  'INPUT.CONTROL_CHAR': '有看不见的控制字符，请删掉后再试',
  'INPUT.BIDI_CHAR': '有会改变文字方向的特殊字符，请删掉后再试',
  'INPUT.EMPTY_TEXT': '请写几个字',
  'INPUT.BAD_DATE': '日期不对，请按日历选择',
  'INPUT.DATE_RANGE': '日期超出了可以填写的范围',
  'INPUT.BAD_POSITION': '位置不对，请重新取位置，或按您家所在乡镇排序',
  'AUTH.NO_IDENTITY': '没有取得微信身份，请重新打开小程序',
  'AUTH.NOT_MEMBER': '您还没有登记身份，请先确认身份',
  'AUTH.FORBIDDEN': '您没有这项操作的权限',
  'DATA.NOT_FOUND': '没有找到这条信息，可能已被删除',
  'HOTLINE.NO_CALLER': '请选好打电话的老同志，或者填写来电号码',
  'HOTLINE.NO_FOLLOW_UP': '这次来电不用回访，或者回访已经办完了',
  'ROSTER.BAD_FILE': '这不是Excel表格文件，请在Excel里“另存为”.xlsx格式后再上传',
  'ROSTER.BAD_HEADER': '表格第一行的列名不对，请按花名册模板填写',
  'ROSTER.NO_ROWS': '表格里没有人员信息',
  'ROSTER.TOO_MANY_ROWS': '一次最多导入20000行，请分成几个文件上传',
  'ROSTER.FILE_TOO_LARGE': '文件太大，请分成几个文件导入',
  'FILE.TOO_LARGE': '文件太大了，图片和PDF不能超过10MB',
  'FILE.BAD_TYPE': '只能上传图片（JPG、PNG）或PDF文件',
  'FILE.OPEN_FAILED': '表格没能打开，请再点一次；还不行就检查网络',
  'FILE.PHOTO_ONLY': '只能加照片（JPG、PNG格式）',
  'FILE.PHOTO_TOO_LARGE': '这张照片太大了，每张不能超过5MB',
  'ROSTER.REQUEST_DONE': '这条申请已经处理过了',
  'AUTH.HELPER_REVOKED': '您代办的权限已被老人取消，如需继续代办，请让老人重新邀请您',
  'CONSENT.REQUIRED': '请先阅读并同意《个人信息说明》，再继续',
  'BIND.NO_MATCH': '没有找到与您填写的姓名和手机尾号相符的登记信息，请核对后再试',
  'BIND.LOCKED': '核对错误次数太多，请过一小时再试',
  'BIND.TAKEN': '这位老同志的信息已经绑定了另一个微信。如不是您本人绑定的，请联系老干部局',
  'BIND.AMBIGUOUS': '找到了不止一位相符的老同志，请联系老干部局帮您确认',
  'BIND.HAS_ACCOUNT': '这个微信已经登记过身份了，不能再绑定别人',
  'INVITE.NOT_FOUND': '邀请码不对，请核对后再试',
  'INVITE.USED': '这个邀请码已经用过了，请让老人重新生成一个',
  'INVITE.EXPIRED': '这个邀请码已经过期（24小时内有效），请让老人重新生成一个',
  'ENROLL.NOT_OPEN': '报名还没有开始',
  'ENROLL.CLOSED': '报名已经截止了',
  'ENROLL.TERM_LIMIT': '本学期报名的课程已经够数了，不能再报。可以先取消一门再报',
  'ENROLL.CANCEL_CLOSED': '现在不能取消了',
  'ENROLL.NOT_CANCELLABLE': '这条报名已经取消或未通过，不用再取消',
  'ENROLL.NOT_PENDING': '这条申请已经处理过了',
  'ENROLL.NOT_LOTTERY': '这门课不是摇号课程',
  'ENROLL.LOTTERY_NOT_CLOSED': '报名还没有截止，截止后才能摇号',
  'ENROLL.ONE_POST': '您已报名本队的另一个岗位，如要换岗请先退出原岗位',
  'ENROLL.BUSY': '报名的人太多，请稍后再点一次',
  'SUGGESTION.RISKY_TEXT': '您写的内容里有不适合发布的文字，建议没有提交。请修改后再提交',
  'SUGGESTION.DAILY_LIMIT': '今天提交的建议已经够数了，请明天再提交。急事请打电话给老干部局',
  'SUGGESTION.BAD_TRANSITION': '这条建议现在的状态不能这样办理，请刷新后再看',
  'SUGGESTION.BAD_PHOTO': '照片没有传好，请删掉这张照片重新加一次',
  'NOTICE.WITHDRAWN': '这条通知已经撤回了',
  'NOTICE.EMPTY_AUDIENCE': '要通知的范围里现在没有人，发出去谁也收不到。请换一个通知对象',
  'UPLOAD.FAILED': '照片或文件没有传上去，请检查网络后再试一次',
  'BRANCH.NOT_BOUND': '这位老同志还没有在小程序里确认身份，确认后才能设为支部书记',
  'BRANCH.NOT_IN_BRANCH': '这位老同志不在这个党支部',
  'BRANCH.NOT_PARTY_MEMBER': '这位老同志在花名册上不是党员，不能加入党支部',
  'BRANCH.BAD_MATERIAL': '这份学习资料不是发给这个党支部的',
  'BRANCH.NO_BRANCH': '您还没有加入党支部，请联系老干部局',
  'CHECKIN.BAD_CODE': '这个签到码不对，请扫描现场屏幕上的签到码',
  'CHECKIN.CODE_EXPIRED': '签到码已经过期了，请扫描现场屏幕上最新的签到码',
  'CHECKIN.NOT_OPEN': '签到还没有开始',
  'CHECKIN.CLOSED': '签到已经结束了',
  'CHECKIN.NOT_SIGNED_UP': '您没有报名这一场，不能签到。请找现场工作人员',
  'CHECKIN.WAITLISTED': '您还在候补名单上，没有名额，不能签到。请找现场工作人员',
  'CHECKIN.FULL': '名额已满，不能现场报名了。请找现场工作人员',
  'CHECKIN.HELPER_SERVICE': '志愿服务要本人扫码签到签退，家属不能代签。可以请队长帮忙确认时长',
  'TIMEBANK.NOT_CREDIT': '只能更正记入时长的记录',
  'TIMEBANK.ALREADY_REVERSED': '这条记录已经更正过了',
  'STAFF.SEATS_BELOW_TAKEN': '名额不能少于已经报上名的人数',
  'STAFF.BAD_DATES': '时间先后不对：报名截止要早于开始，结束要晚于开始',
  'STAFF.ACTIVITY_CANCELLED': '这个活动已经取消了，不能再修改',
  'STAFF.POST_IN_USE': '这个岗位还有人报名，不能删掉',
  'SETTINGS.INVALID': '设置的内容格式不对，请核对后再保存',
  'SETTINGS.PLACEHOLDER': '这一项还是示例值，正式使用前必须换成真实的内容',
  'ADMIN.CLAIM_WRONG': '认领码不对，请核对部署时显示的认领码',
  'ADMIN.CLAIM_USED': '已经有管理员了，请让管理员为您开通权限',
  'LESSON.NOT_JOINED': '您还没有报上这门课，报上名以后才能看这门课的云课堂',
  'LESSON.BAD_POSITION': '播放位置超出了这一课的长度，请重新打开这一课',
  'SYSTEM.TIMEOUT': '系统响应太慢，请稍后再试',
  'SYSTEM.BUSY': '系统繁忙，请稍后再试',
  'SYSTEM.ERROR': '系统出了点问题，请稍后再试',
  'NETWORK.FAILED': '网络连接失败，请检查网络后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface AppError {
  code: ErrorCode;
  message: string;
  /** for a refused payload: the field at fault, as a dotted path (e.g. 'title', 'posts.0.name') */
  field?: string;
}

/** Thrown by handlers for expected failures; createHandler turns it into {ok:false,error}. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERROR_MESSAGES[code]);
    this.code = code;
    this.name = 'CodedError';
  }
}

export function appError(code: ErrorCode, message?: string, field?: string): AppError {
  const error: AppError = { code, message: message ?? ERROR_MESSAGES[code] };
  if (field) error.field = field;
  return error;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
