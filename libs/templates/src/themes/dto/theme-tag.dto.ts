import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, toBoolean } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class ThemeTagQueryDto {
  @ApiPropertyOptional({ description: 'Also the deactivated tags (for the vocabulary editor)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeInactive?: boolean;
}

export class CreateThemeTagDto {
  @ApiProperty({ example: 'vardovergangar', description: 'Stable key: a–z, 0–9 and _' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'Nyckeln måste börja med en liten bokstav a–z och bara innehålla a–z, 0–9 och _ (högst 64 tecken).' })
  key: string;

  @ApiProperty({ example: 'Vårdövergångar' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange temats namn.' })
  @MaxLength(200)
  label: string;
}

export class UpdateThemeTagDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the tag as it is now.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange temats namn.' })
  @MaxLength(200)
  label?: string;

  @ApiPropertyOptional({ description: 'false hides the tag from new choices; analyses that carry it keep it' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class ThemeTagResponseDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}
