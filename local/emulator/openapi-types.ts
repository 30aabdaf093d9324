/** What an emulated openapi method answers: WeChat's JSON body, or an image. */
export type ApiAnswer = { errcode: number; errmsg: string; [field: string]: unknown } | ImageAnswer;

export interface ImageAnswer {
  contentType: string;
  bytes: Buffer;
}

export const isImageAnswer = (answer: ApiAnswer): answer is ImageAnswer => Buffer.isBuffer(answer.bytes);
