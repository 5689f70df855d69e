/**
 * The facets Trame sorts workshops and templates by, with their French
 * labels. One place for every facet, so the library filters, the session
 * tags and the reports all speak the same words.
 */

/** Phases of a co-design journey, in the order a workshop series goes through them. */
export const PHASES = ['diagnostic', 'ideation', 'projet', 'evaluation'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  diagnostic: 'Diagnostic',
  ideation: 'Idéation',
  projet: 'Projet',
  evaluation: 'Évaluation',
};
