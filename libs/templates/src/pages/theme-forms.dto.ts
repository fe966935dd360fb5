import { toInt } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() || undefined : value);
const STALE = 'Sidan var inaktuell. Läs in den igen och försök på nytt.';

/** The theme page's forms as a browser posts them; every message Swedish, shown beside its field. */
export class ThemeCreateFormDto {
  @Transform(trim)
  @IsString({ message: 'Ange temats namn.' })
  @IsNotEmpty({ message: 'Ange temats namn.' })
  @MaxLength(200, { message: 'Namnet får vara högst 200 tecken.' })
  label = '';

  /** Left empty, the key is made from the name. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString({ message: 'Nyckeln ska vara text.' })
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'Nyckeln måste börja med en liten bokstav a–z och bara innehålla a–z, 0–9 och _ (högst 64 tecken).' })
  key?: string;
}

export class ThemeVersionFormDto {
  @Transform(toInt)
  @IsInt({ message: STALE })
  @Min(1, { message: STALE })
  version = 0;
}

export class ThemeRenameFormDto extends ThemeVersionFormDto {
  @Transform(trim)
  @IsString({ message: 'Ange temats namn.' })
  @IsNotEmpty({ message: 'Ange temats namn.' })
  @MaxLength(200, { message: 'Namnet får vara högst 200 tecken.' })
  label = '';
}
