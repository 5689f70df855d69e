import { useState, type ReactNode } from 'react';
import type { AccessGrant, ContributionsWithdrawn } from '../../shared/sessionSchemas.js';
import { forgetAccess } from './accessStore.js';
import { WithdrawContributions } from './WithdrawContributions.js';

/**
 * « Mes contributions » for a board (full or phone lists): the button a participant's workshop bar shows, whether a
 * withdrawal is under way (the server then closes this device's connections: not an error to show), and its result
 * once done (the device has forgotten its access).
 */
export function useWithdrawal(sessionId: string, access: AccessGrant): {
  withdrawing: boolean;
  withdrawn: ContributionsWithdrawn | null;
  tools: ReactNode;
} {
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawn, setWithdrawn] = useState<ContributionsWithdrawn | null>(null);
  const tools = access.role === 'participant' && (
    <WithdrawContributions
      sessionId={sessionId}
      token={access.token}
      onWithdrawing={setWithdrawing}
      onWithdrawn={(result) => {
        forgetAccess(sessionId);
        setWithdrawn(result);
      }}
    />
  );
  return { withdrawing, withdrawn, tools };
}
