/**
 * Who can do what in a session, and the collèges participants belong to.
 * Colours are tldraw palette names, so a note's colour can follow its collège.
 */
export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const COLLEGES = ['elu', 'agent', 'habitant', 'partenaire', 'autre'] as const;
export type College = (typeof COLLEGES)[number];

/** French names of the collèges, as exports print them (the client translates through its locale files). */
export const COLLEGE_LABELS: Record<College, string> = {
  elu: 'Élu·e',
  agent: 'Agent·e',
  habitant: 'Habitant·e',
  partenaire: 'Partenaire',
  autre: 'Autre',
};

/** tldraw colour of each collège's notes; chosen to stay distinct for colour-blind readers with the legend's labels. */
export const COLLEGE_COLORS: Record<College, 'violet' | 'blue' | 'orange' | 'green' | 'grey'> = {
  elu: 'violet',
  agent: 'blue',
  habitant: 'orange',
  partenaire: 'green',
  autre: 'grey',
};

/** Screen colours matching the tldraw palette names in COLLEGE_COLORS (legend, picker, cursors). */
export const COLLEGE_HEX: Record<College, string> = {
  elu: '#ae3ec9',
  agent: '#4465e9',
  habitant: '#e16919',
  partenaire: '#099268',
  autre: '#9fa8b2',
};

/** The cursor colour of people without a collège (facilitators, observers). */
export const FACILITATOR_HEX = '#1f2328';

/** Join codes: six characters, none that read alike (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function normalizeJoinCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export const SESSION_STATUSES = ['preparation', 'running', 'finished', 'archived'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A finished or archived session is read-only for everyone but its facilitators. */
export function isSessionClosed(status: SessionStatus): boolean {
  return status === 'finished' || status === 'archived';
}

/** What a token grants, as the server resolves it. */
export interface Principal {
  sessionId: string;
  participantId: string;
  role: Role;
  pseudonym: string;
  college: College | null;
}
