// Stable error codes and the plain-Chinese messages a retiree sees. One place for all of them.
export const ERROR_MESSAGES = {
  'INPUT.INVALID': '填写的内容不对，请检查后再试',
  'INPUT.UNKNOWN_ACTION': '这个操作不存在',
  'INPUT.UNKNOWN_FUNCTION': '这项服务不存在',
  'INPUT.TOO_LARGE': '提交的内容太多了，请删减一些再试',
  'AUTH.NO_IDENTITY': '没有取得微信身份，请重新打开小程序',
  'AUTH.NOT_MEMBER': '您还没有登记身份，请先确认身份',
  'AUTH.FORBIDDEN': '您没有这项操作的权限',
  'DATA.NOT_FOUND': '没有找到这条信息，可能已被删除',
  'SYSTEM.TIMEOUT': '系统响应太慢，请稍后再试',
  'SYSTEM.BUSY': '系统繁忙，请稍后再试',
  'SYSTEM.ERROR': '系统出了点问题，请稍后再试',
  'NETWORK.FAILED': '网络连接失败，请检查网络后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface AppError {
  code: ErrorCode;
  message: string;
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

export function appError(code: ErrorCode, message?: string): AppError {
  return { code, message: message ?? ERROR_MESSAGES[code] };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
