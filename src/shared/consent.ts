/**
 * The consent text (个人信息说明) shown before anything is stored, shared by the app (which shows it) and the
 * member function (which refuses a bind, review request or invitation acceptance without the current version).
 * Changing the text means a new version: people then agree again.
 */
export const CONSENT_VERSION = '2026-01';

export interface ConsentText {
  version: string;
  title: string;
  paragraphs: string[];
  agreeLabel: string;
}

export const CONSENT: ConsentText = {
  version: CONSENT_VERSION,
  title: '个人信息说明',
  paragraphs: [
    '为了给您办理报名、签到和通知，县委老干部局需要保存您的以下信息：姓名、离休或退休、原单位、所在乡镇和社区、是否党员、电话、特长和紧急联系人。',
    '这些信息只用于老干部工作，不会卖给或交给别人。在名单里别人看到的电话号码会遮住中间几位。',
    '您可以随时在“我的”里查看和修改自己的信息，也可以申请注销，工作人员确认后会删除您的个人信息。',
    '如果家人替您办理，他们做的每一件事都会记下来，您可以随时查看，也可以随时取消他们的代办权限。',
    '点“同意”以前，我们不会保存您填写的任何内容。',
  ],
  agreeLabel: '我已了解，同意',
};
