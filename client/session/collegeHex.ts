import type { College } from '../../shared/roles.js';

/** Screen colours matching the tldraw palette names in COLLEGE_COLORS, for the legend and the picker. */
export const collegeHex: Record<College, string> = {
  elu: '#ae3ec9',
  agent: '#4465e9',
  habitant: '#e16919',
  partenaire: '#099268',
  autre: '#9fa8b2',
};
