import { DomainException, ErrorKind, FieldError } from '@arshjulet/core';

export enum HostileInputCode {
  NulCharacter = 'request.nul_character',
  UnpairedSurrogate = 'request.unpaired_surrogate',
  BadPercentEncoding = 'request.bad_percent_encoding',
  TooDeep = 'request.too_deep',
  UrlTooLong = 'request.url_too_long',
}

const DETAIL: Record<HostileInputCode, string> = {
  [HostileInputCode.NulCharacter]: 'Begäran innehåller ett NUL-tecken (\\u0000), som inte kan sparas. Ta bort det och försök igen.',
  [HostileInputCode.UnpairedSurrogate]: 'Begäran innehåller text som inte är giltig Unicode (ett ensamt surrogattecken). Kontrollera teckenkodningen.',
  [HostileInputCode.BadPercentEncoding]: 'Adressen eller formuläret innehåller en ogiltig %-kodning.',
  [HostileInputCode.TooDeep]: 'JSON-innehållet är för djupt nästlat.',
  [HostileInputCode.UrlTooLong]: 'Adressen är för lång.',
};

const FIELD_MESSAGE: Record<HostileInputCode, string> = {
  [HostileInputCode.NulCharacter]: 'Får inte innehålla NUL-tecken.',
  [HostileInputCode.UnpairedSurrogate]: 'Innehåller ogiltig Unicode.',
  [HostileInputCode.BadPercentEncoding]: 'Ogiltig %-kodning.',
  [HostileInputCode.TooDeep]: 'För djupt nästlat.',
  [HostileInputCode.UrlTooLong]: 'För lång.',
};

/** Input no route can store or read safely, refused once at the edge (400) before any route sees it. */
export class HostileInputException extends DomainException {
  constructor(code: HostileInputCode, path?: string, extraDetail = '') {
    const errors: FieldError[] = path ? [{ path, message: FIELD_MESSAGE[code] }] : [];
    super(code === HostileInputCode.UrlTooLong ? ErrorKind.UriTooLong : ErrorKind.BadRequest, { code, detail: DETAIL[code] + extraDetail, errors });
  }
}
