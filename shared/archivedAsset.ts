/** An image as files carry it between instances (session archives, template files): stored bytes, base64, checked again on import. */
import { z } from 'zod';
import { ASSET_ID_PATTERN } from './assetUrls.js';

export const archivedAsset = z.object({
  id: z.string().regex(ASSET_ID_PATTERN, { error: "Identifiant d'image invalide." }),
  data: z.string().min(1).regex(/^[A-Za-z0-9+/]+=*$/, { error: "L'image n'est pas du base64 valide." }),
});
export type ArchivedAsset = z.infer<typeof archivedAsset>;
