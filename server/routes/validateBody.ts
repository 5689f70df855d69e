import type { z } from 'zod';
import { invalidBody } from '../errors.js';

/** Parses a request body or throws a 400 naming every faulty field. */
export function validateBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw invalidBody(
    result.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(corps)',
      message: issue.message,
    })),
  );
}
