import { DomainException, ErrorKind, readIfMatch } from '@arshjulet/core';

export enum OrgUnitErrorCode {
  VersionConflict = 'org_unit.version_conflict',
  Invalid = 'org_unit.invalid',
  IfMatchUnreadable = 'org_unit.if_match_unreadable',
  VersionRequired = 'org_unit.version_required',
}

export class OrgUnitException extends DomainException {
  /** A change the tree does not allow; the message is shown beside its field. */
  static invalid(path: string, message: string): OrgUnitException {
    return new OrgUnitException(ErrorKind.Validation, {
      code: OrgUnitErrorCode.Invalid,
      detail: 'Ändringen av organisationsenheten kan inte göras.',
      errors: [{ path, message }],
    });
  }

  static versionRequired(): OrgUnitException {
    return new OrgUnitException(ErrorKind.Validation, {
      code: OrgUnitErrorCode.VersionRequired,
      detail: 'Ange versionen du utgick från (If-Match: "3" eller version i kroppen), så skriver du inte över någon annans ändringar.',
      errors: [{ path: 'version', message: 'Ange versionen du utgick från.' }],
    });
  }

  static ifMatchUnreadable(): OrgUnitException {
    return new OrgUnitException(ErrorKind.BadRequest, { code: OrgUnitErrorCode.IfMatchUnreadable, detail: 'If-Match ska vara versionen inom citattecken, till exempel "3".' });
  }
}

/** The version in `If-Match: "3"` (weak `W/"3"` and bare `3` accepted), else the body's `version`. */
export function orgUnitVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const read = readIfMatch(ifMatch);
  if (read === 'unreadable') throw OrgUnitException.ifMatchUnreadable();
  if (read !== 'absent') return read.version;
  if (bodyVersion === undefined) throw OrgUnitException.versionRequired();
  return bodyVersion;
}
