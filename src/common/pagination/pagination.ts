import { msg } from '../../i18n/index.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiError } from '../errors/problem.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?limit=&cursor=`: keyset pagination, no OFFSET scans. */
export class PageQueryDto {
  @ApiPropertyOptional({
    description: 'Page size',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    type: 'integer',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor from the previous page's `nextCursor`", maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor is the sort key of the last row served, opaque to clients. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (cursor === undefined) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((value) => value === null || typeof value === 'string' || typeof value === 'number')
    ) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through to the error below
  }
  throw ApiError.badRequest('cursor', msg('error.cursor'));
}

/** Fetch `limit + 1` rows, serve `limit`, and derive the next cursor from the last row served. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  sortKey: (row: Row) => (string | number | null)[],
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const served = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: served.map(map),
    nextCursor: hasMore ? encodeCursor(sortKey(served[served.length - 1])) : null,
  };
}

/** Swagger helper: `{ items: T[], nextCursor }`. */
export function PageOf<T>(itemType: new () => T): new () => Page<T> {
  class PageDto {
    @ApiProperty({ type: itemType, isArray: true })
    items: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to get the next page; null on the last page',
    })
    nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${itemType.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}
