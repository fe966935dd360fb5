import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { toInt } from './query-transforms.js';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * `page` and `pageSize` query parameters with their limits, for list endpoints. Combine with a filter DTO through
 * `IntersectionType(FilterDto, PagedQuery(50, 500))`, or extend it directly.
 */
export function PagedQuery(defaultPageSize: number, maxPageSize: number): Type<PageRequest> {
  class PagedQueryDto implements PageRequest {
    @ApiPropertyOptional({ default: 1, minimum: 1 })
    @IsOptional()
    @Transform(toInt)
    @IsInt()
    @Min(1)
    page = 1;

    @ApiPropertyOptional({ default: defaultPageSize, minimum: 1, maximum: maxPageSize })
    @IsOptional()
    @Transform(toInt)
    @IsInt()
    @Min(1)
    @Max(maxPageSize)
    pageSize = defaultPageSize;
  }
  return PagedQueryDto;
}

/** The paging part of every list response; response DTOs add their typed `items`. */
export class PageMetaDto {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Matching items in all pages' }) total: number;
}
