import { toInt } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS, IndicatorDirection, IndicatorUnit } from '../../catalogue/indicator-vocabulary.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
/** An empty optional text field clears it. */
const emptyToNull = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() || null : value);
/** "12,5", "1 000" or "80" as a number; an empty field clears the target; anything else stays for the validator. */
const swedishNumber = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
};

const STALE = 'Sidan var inaktuell. Läs in den igen och försök på nytt.';

/** The indicator edit form as a browser posts it; every message Swedish, shown beside its field. A field left out is left as it is. */
export class IndicatorEditFormDto {
  @Transform(toInt)
  @IsInt({ message: STALE })
  @Min(1, { message: STALE })
  version = 0;

  @Transform(trim)
  @IsString({ message: 'Ange indikatorns namn.' })
  @MinLength(2, { message: 'Ange indikatorns namn (minst 2 tecken).' })
  @MaxLength(500, { message: 'Namnet får vara högst 500 tecken.' })
  name = '';

  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'Beskrivningen ska vara text.' })
  @MaxLength(5000, { message: 'Beskrivningen får vara högst 5 000 tecken.' })
  description?: string | null;

  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'Frasen ska vara text.' })
  @MaxLength(300, { message: 'Frasen får vara högst 300 tecken.' })
  phrase?: string | null;

  @Transform(swedishNumber)
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Ange målet som ett tal, till exempel 80 eller 12,5, eller lämna fältet tomt.' })
  target?: number | null;

  @IsIn(INDICATOR_DIRECTIONS, { message: 'Välj en riktning.' })
  direction = '' as IndicatorDirection;

  @IsIn(INDICATOR_UNITS, { message: 'Välj en enhet.' })
  unit = '' as IndicatorUnit;

  @IsIn(['ja', 'nej'], { message: 'Välj om indikatorn är aktiv.' })
  active = 'ja';
}
