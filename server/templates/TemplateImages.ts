/**
 * The images a template's zones lie on (a plan, a map of the territory):
 * taken from the board a template is saved from, stored beside the template
 * (never in the library's JSON), carried in its exported file, and copied to
 * each session whose board draws the template.
 */
import type { ArchivedAsset } from '../../shared/archivedAsset.js';
import { templateBackgroundIds, type Template } from '../../shared/templateSchema.js';
import { templateImagesOwner, type AssetService } from '../assets/AssetService.js';
import { invalidBody } from '../errors.js';

type Assets = Pick<AssetService, 'copyImages' | 'exportImages' | 'prepareImport' | 'deleteUnused'>;

export class TemplateImages {
  constructor(private readonly assets: Assets) {}

  /** Before the template saved from a session's board is stored: its backgrounds become the template's own. */
  async saveFrom(sessionId: string, template: Template): Promise<void> {
    const ids = templateBackgroundIds(template);
    const owner = templateImagesOwner(template.id);
    if (ids.length > 0) await this.assets.copyImages(sessionId, owner, ids);
    // A template saved again under the same id keeps only the images it now lies on.
    await this.assets.deleteUnused(owner, new Set(ids), 0);
  }

  /** What an exported file carries beside the template. */
  export(template: Template): Promise<ArchivedAsset[]> {
    const ids = templateBackgroundIds(template);
    return ids.length > 0 ? this.assets.exportImages(templateImagesOwner(template.id), ids) : Promise.resolve([]);
  }

  /**
   * Checks an imported file's images (each background needs its image; each
   * is re-encoded as uploads are) before anything is stored; the returned
   * function stores them.
   */
  async prepareImport(template: Template, archived: ArchivedAsset[]): Promise<() => Promise<void>> {
    const ids = templateBackgroundIds(template);
    const missing = ids.filter((id) => !archived.some((a) => a.id === id));
    if (missing.length > 0) {
      throw invalidBody([{ path: 'assets', message: `Le fichier ne contient pas l'image de fond « ${missing[0]} » : exportez le modèle à nouveau.` }]);
    }
    const store = await this.assets.prepareImport(archived.filter((a) => ids.includes(a.id)));
    const owner = templateImagesOwner(template.id);
    return async () => {
      await this.assets.deleteUnused(owner, new Set(), 0);
      await store(owner);
    };
  }

  /** Before a session's board draws these templates: the images their zones lie on, copied to the session. */
  async copyToSession(templates: readonly Template[], sessionId: string): Promise<void> {
    for (const template of templates) {
      const ids = templateBackgroundIds(template);
      if (ids.length > 0) await this.assets.copyImages(templateImagesOwner(template.id), sessionId, ids);
    }
  }
}
