import { sendError, type SendErrorCode, type SendErrorInfo } from '../../shared/model';

/** The only error `send` throws: the code and remedy travel as data (`info`). */
export class SendFailure extends Error {
  readonly info: SendErrorInfo;
  constructor(code: SendErrorCode, message: string) {
    super(message);
    this.name = 'SendFailure';
    this.info = sendError(code, message);
  }
  get code(): SendErrorCode {
    return this.info.code;
  }
}
