import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class KoladaFetchDto {
  @ApiProperty({ example: 'HF01', description: 'Catalogue code of an indicator with a Kolada KPI id' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  indicator: string;

  @ApiProperty({ example: [2023, 2024] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1900, { each: true })
  @Max(2100, { each: true })
  years: number[];

  @ApiPropertyOptional({ example: ['0014', '0000', '1486'], description: 'Kolada municipality ids; all when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^\d{4}$/, { each: true })
  municipalities?: string[];
}
