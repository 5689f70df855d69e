import type { BoardRecord } from '../../shared/boardLayout.js';
import type { ReportData, ReportStep } from '../../shared/reportData.js';
import type { Boards } from '../board/Boards.js';
import type { SessionService } from '../sessions/SessionService.js';
import { buildReportData, type ReportOptions, type ReportVotes } from './buildReportData.js';

/** What facilitation contributes to a report: the steps run and the vote. */
export interface FacilitationFacts {
  steps: ReportStep[];
  votes: ReportVotes;
}

export type FacilitationSource = (sessionId: string) => Promise<FacilitationFacts>;

export class ReportService {
  constructor(
    private readonly sessions: SessionService,
    private readonly boards: Boards,
    private readonly facilitation: FacilitationSource,
  ) {}

  async records(sessionId: string): Promise<BoardRecord[]> {
    return this.boards.records(sessionId);
  }

  async reportData(sessionId: string, options: ReportOptions): Promise<ReportData> {
    const session = await this.sessions.require(sessionId);
    const [records, facts] = await Promise.all([this.records(sessionId), this.facilitation(sessionId)]);
    return buildReportData(session, records, facts.steps, facts.votes, options);
  }
}
