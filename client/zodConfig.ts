/**
 * zod tries `new Function` to see whether it may compile its parsers, when a
 * schema is built: under Trame's script policy every page load then reported
 * a violation to the server (one request, one log line). Parsing without it
 * changes nothing a person sees. Imported first by main.tsx, before any schema.
 */
import { config } from 'zod';

config({ jitless: true });
