import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { normalizeEmail } from '../../users/email-address.util.js';

/** Forms are read leniently: a missing field is a failed attempt with a Swedish message, not a 400. */
export class LoginFormDto {
  /** `Anna@Example.SE` and its full-width look-alike sign in as `anna@example.se`. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value))
  @IsString()
  @MaxLength(320)
  email = '';

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password = '';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

export class ChangePasswordFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  currentPassword = '';

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  newPassword = '';

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  confirmPassword = '';
}

export class ResetPasswordFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password = '';

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  confirmPassword = '';
}

export class CreateTokenFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name = '';

  @IsOptional()
  @IsString()
  @MaxLength(4)
  expiresInDays?: string;
}

/** `next` after login: only a path on this site, never `//evil.example` or a full URL; else the start page. */
export function safeNextPath(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/logga-') ? next : '/';
}

/** The header's switch: one of my delregions, or empty for all of them. */
export class ActingDelregionFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  delregion = '';
}
