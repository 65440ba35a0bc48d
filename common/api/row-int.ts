/**
 * Ids and versions as requests give them. The columns that hold them are PostgreSQL's `integer`
 * (32 bits): a larger number could name no row, and would make PostgreSQL refuse the query
 * instead of the request being refused where it is read.
 */
import { z } from 'zod';

export const MAX_ROW_INT = 2_147_483_647;

/** An id or a version in a JSON body. */
export const rowInt = () => z.number().int().min(1).max(MAX_ROW_INT);

/** An id or a version in a path or a query string. */
export const rowIntParam = () => z.coerce.number().int().min(1).max(MAX_ROW_INT);
