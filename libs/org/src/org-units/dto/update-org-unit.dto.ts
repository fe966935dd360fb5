import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, toBoolean, toInt } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** Rename, (de)activate or move a municipality; what is left out stays as it is. */
export class UpdateOrgUnitDto {
  @ApiPropertyOptional({ description: 'The version you read, unless sent as If-Match' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional({ example: 'Vårdsamverkan Skaraborg' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 'DR-SKB', description: 'The delregion a municipality moves to' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  parentCode?: string;
}

const SAVE_STALE = 'Sidan var inaktuell. Läs in den igen och försök på nytt.';

/** The edit page's form, as a browser posts it (all strings; an unchecked box is absent). */
export class OrgUnitFormDto {
  @Transform(toInt)
  @IsInt({ message: SAVE_STALE })
  @Min(0, { message: SAVE_STALE })
  version = 0;

  @IsOptional()
  @IsString({ message: 'Ange ett namn.' })
  @MaxLength(200, { message: 'Namnet får vara högst 200 tecken.' })
  name?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'Välj om enheten är aktiv.' })
  active?: boolean;

  @IsOptional()
  @IsString({ message: 'Välj en delregion.' })
  @MaxLength(32, { message: 'Välj en delregion.' })
  parentCode?: string;
}
