import { DomainException, ErrorKind, type FieldError } from '@arshjulet/core';

export enum TemplateErrorCode {
  NotFound = 'template.not_found',
  VersionNotFound = 'template.version_not_found',
  VersionConflict = 'template.version_conflict',
  VersionRequired = 'template.version_required',
  Published = 'template.version_published',
  DraftExists = 'template.draft_exists',
  InvalidDefinition = 'template.invalid_definition',
  ThemeTagNotFound = 'template.theme_tag_not_found',
  ThemeTagExists = 'template.theme_tag_exists',
  ThemeTagVersionConflict = 'template.theme_tag_version_conflict',
}

/** Everything the templates lib refuses, with a code and a Swedish detail; the app's filter maps the kind. */
export class TemplateException extends DomainException {
  static notFound(): TemplateException {
    return new TemplateException(ErrorKind.NotFound, { code: TemplateErrorCode.NotFound, detail: 'Mallen finns inte.' });
  }

  static versionNotFound(): TemplateException {
    return new TemplateException(ErrorKind.NotFound, { code: TemplateErrorCode.VersionNotFound, detail: 'Mallversionen finns inte.' });
  }

  static versionConflict(current: unknown): TemplateException {
    return new TemplateException(ErrorKind.Conflict, {
      code: TemplateErrorCode.VersionConflict,
      detail: 'Någon annan har ändrat utkastet under tiden. Läs in den senaste versionen och försök igen.',
      extensions: { current },
    });
  }

  static versionRequired(): TemplateException {
    const message = 'Ange versionen du läste (If-Match eller rowVersion), så att ingen annans ändring skrivs över.';
    return new TemplateException(ErrorKind.Validation, { code: TemplateErrorCode.VersionRequired, detail: message, errors: [{ path: 'rowVersion', message }] });
  }

  static published(number: number): TemplateException {
    return new TemplateException(ErrorKind.Conflict, {
      code: TemplateErrorCode.Published,
      detail: `Version ${number} är publicerad och kan inte ändras. Kopiera den till ett nytt utkast.`,
    });
  }

  static draftExists(draftId: string, number: number): TemplateException {
    return new TemplateException(ErrorKind.Conflict, {
      code: TemplateErrorCode.DraftExists,
      detail: `Mallen har redan ett utkast (version ${number}). Publicera eller fortsätt med det.`,
      extensions: { draftId },
    });
  }

  static invalidDefinition(errors: FieldError[]): TemplateException {
    return new TemplateException(ErrorKind.Validation, {
      code: TemplateErrorCode.InvalidDefinition,
      detail: `Mallen har ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`}. Rätta dem och försök igen.`,
      errors,
    });
  }

  static themeTagNotFound(): TemplateException {
    return new TemplateException(ErrorKind.NotFound, { code: TemplateErrorCode.ThemeTagNotFound, detail: 'Temat finns inte.' });
  }

  static themeTagExists(key: string): TemplateException {
    return new TemplateException(ErrorKind.Conflict, {
      code: TemplateErrorCode.ThemeTagExists,
      detail: `Temat ”${key}” finns redan.`,
      errors: [{ path: 'key', message: `Temat ”${key}” finns redan.` }],
    });
  }

  static themeTagVersionConflict(current: unknown): TemplateException {
    return new TemplateException(ErrorKind.Conflict, {
      code: TemplateErrorCode.ThemeTagVersionConflict,
      detail: 'Någon annan har ändrat temat under tiden. Läs in det igen och försök på nytt.',
      extensions: { current },
    });
  }
}
