/**
 * The one definition of the facets that describe sessions and templates
 * (from the taxonomy in the team's templates brief): server validation,
 * client filters and template data all read them from here.
 */
export interface FacetValue<Id extends string = string> {
  id: Id;
  fr: string;
  en: string;
}

const facet = <const T extends readonly FacetValue[]>(values: T) => values;

export const PHASES = facet([
  { id: 'diagnostic', fr: 'Diagnostic', en: 'Diagnostic' },
  { id: 'ideation', fr: 'Idéation', en: 'Ideation' },
  { id: 'projet', fr: 'Projet', en: 'Project' },
  { id: 'evaluation', fr: 'Évaluation', en: 'Evaluation' },
]);

export const THEMES = facet([
  { id: 'sante', fr: 'Santé', en: 'Health' },
  { id: 'autonomie', fr: 'Dépendance, autonomie, handicap', en: 'Dependency, autonomy, disability' },
  { id: 'vieillissement', fr: 'Vieillissement, seniors', en: 'Ageing, older people' },
  { id: 'familles', fr: 'Petite enfance, familles, parentalité', en: 'Early childhood, families, parenting' },
  { id: 'jeunesse', fr: 'Jeunesse, éducation, décrochage scolaire', en: 'Youth, education, school dropout' },
  { id: 'alimentation', fr: 'Alimentation', en: 'Food' },
  { id: 'logement', fr: 'Habitat, logement', en: 'Housing' },
  { id: 'mobilite', fr: 'Mobilité', en: 'Mobility' },
  { id: 'emploi', fr: 'Emploi, insertion, formation', en: 'Employment, integration, training' },
  { id: 'pauvrete', fr: 'Pauvreté, exclusion, accès aux droits', en: 'Poverty, exclusion, access to rights' },
  { id: 'numerique', fr: 'Inclusion numérique', en: 'Digital inclusion' },
  { id: 'environnement', fr: 'Environnement, transition écologique', en: 'Environment, ecological transition' },
  { id: 'cohesion', fr: 'Cohésion sociale, lien social, isolement', en: 'Social cohesion, isolation' },
  { id: 'cadre-de-vie', fr: 'Cadre de vie, espaces publics', en: 'Living environment, public spaces' },
  { id: 'culture-sport', fr: 'Culture, sport', en: 'Culture, sport' },
  { id: 'democratie', fr: 'Démocratie, participation citoyenne', en: 'Democracy, citizen participation' },
]);

export const PUBLICS = facet([
  { id: 'familles', fr: 'Familles', en: 'Families' },
  { id: 'jeunes', fr: 'Jeunes', en: 'Young people' },
  { id: 'personnes-agees', fr: 'Personnes âgées', en: 'Older people' },
  { id: 'personnes-handicapees', fr: 'Personnes handicapées', en: 'People with disabilities' },
  { id: 'personnes-en-difficulte', fr: 'Personnes en difficulté', en: 'People in difficulty' },
  { id: 'habitants', fr: 'Habitants en général', en: 'Residents in general' },
]);

export const ECHELONS = facet([
  { id: 'quartier', fr: 'Quartier', en: 'Neighbourhood' },
  { id: 'commune', fr: 'Commune', en: 'Municipality' },
  { id: 'intercommunalite', fr: 'Intercommunalité', en: 'Inter-municipality' },
  { id: 'departement', fr: 'Département', en: 'Department' },
  { id: 'region', fr: 'Région', en: 'Region' },
]);

export const STAGES = facet([
  { id: 'emergence', fr: 'Émergence', en: 'Emergence' },
  { id: 'experimentation', fr: 'Expérimentation', en: 'Experimentation' },
  { id: 'diffusion', fr: 'Diffusion', en: 'Dissemination' },
  { id: 'evaluation', fr: 'Évaluation', en: 'Evaluation' },
]);

export const FORMATS = facet([
  { id: 'presentiel', fr: 'Présentiel', en: 'In person' },
  { id: 'distanciel', fr: 'Distanciel', en: 'Remote' },
  { id: 'hybride', fr: 'Hybride', en: 'Hybrid' },
]);

type Ids<T extends readonly FacetValue[]> = T[number]['id'];
export type PhaseId = Ids<typeof PHASES>;
export type ThemeId = Ids<typeof THEMES>;
export type PublicId = Ids<typeof PUBLICS>;
export type EchelonId = Ids<typeof ECHELONS>;
export type StageId = Ids<typeof STAGES>;
export type FormatId = Ids<typeof FORMATS>;

export function facetIds<T extends readonly FacetValue[]>(values: T): [Ids<T>, ...Ids<T>[]] {
  return values.map((v) => v.id) as [Ids<T>, ...Ids<T>[]];
}

export function facetLabel(values: readonly FacetValue[], id: string, language: string): string {
  const value = values.find((v) => v.id === id);
  if (!value) return id;
  return language.startsWith('en') ? value.en : value.fr;
}

export const PHASE_IDS = facetIds(PHASES);
export type Phase = PhaseId;
export const PHASE_LABELS = Object.fromEntries(PHASES.map((p) => [p.id, p.fr])) as Record<PhaseId, string>;
