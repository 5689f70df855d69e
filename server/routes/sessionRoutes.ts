import { Router } from 'express';
import { ARCHIVE_MAX_BYTES } from '../../shared/limits.js';
import { readArchiveOffThread } from '../export/offThread.js';
import { invalidBody } from '../errors.js';
import QRCode from 'qrcode';
import {
  createLinkBody,
  createSessionBody,
  duplicateBody,
  sessionQuery,
  updateSessionBody,
} from '../../shared/sessionSchemas.js';
import { presentParticipant } from '../sessions/SessionAccess.js';
import type { SessionCommandContext } from '../sessions/commands/SessionCommandContext.js';
import { createSession } from '../sessions/commands/createSession.js';
import { duplicateSession, importSessionArchive } from '../sessions/commands/copySession.js';
import { deleteSession } from '../sessions/commands/deleteSession.js';
import { removeParticipant } from '../sessions/commands/removeParticipant.js';
import { updateSession } from '../sessions/commands/updateSession.js';
import { withdrawContributions, type FacilitationWithdrawal } from '../sessions/commands/withdrawContributions.js';
import { presentSession, type SessionService } from '../sessions/SessionService.js';
import {
  authenticate,
  facilitatedSessionIds,
  optionalPrincipal,
  requireFacilitator,
  requireInstanceFacilitator,
  requireInstancePassword,
  requireOwner,
  type InstancePassword,
} from './authenticate.js';
import { joinUrl, publicBaseUrl } from './publicUrl.js';
import type { TemplateLibrary } from '../templates/TemplateLibrary.js';
import { validateBody } from './validateBody.js';
import { bodyParts, rawBodyInParts } from '../http/rawBodyInParts.js';

export interface SessionRouteDeps {
  sessions: SessionService;
  templates: TemplateLibrary;
  password: InstancePassword;
  publicUrl: string | undefined;
  connectedIds(sessionId: string): Set<string>;
  /** The session lifecycle commands' context (server/sessions/commands). */
  commands: SessionCommandContext;
  facilitation: FacilitationWithdrawal;
}

export function sessionRoutes(deps: SessionRouteDeps): Router {
  const { sessions } = deps;
  const router = Router();

  router.post('/', async (req, res) => {
    const body = validateBody(createSessionBody, req.body);
    await requireInstancePassword(req, deps.password, body.password);
    const templates = await deps.templates.resolve(body.templateIds ?? []);
    const { session, grant } = await createSession(deps.commands, { ...body, templates });
    res.status(201).json({ ...presentSession(session), access: grant });
  });

  // Who may import is checked before a byte of the body is read: an anonymous upload costs nothing.
  router.post(
    '/import',
    async (req, _res, next) => {
      await requireInstanceFacilitator(req, sessions, deps.password);
      next();
    },
    // Read as bytes, in parts, and parsed in a worker thread: a 50 MB archive parsed here would stall every board.
    rawBodyInParts({ type: 'application/json', limit: ARCHIVE_MAX_BYTES }),
    async (req, res) => {
      const body = bodyParts(req.body);
      if (!body) throw invalidBody([{ path: '(archive)', message: 'Une archive de séance Trame (JSON) est attendue.' }]);
      const { archive, board } = await readArchiveOffThread(body);
      const { session, grant } = await importSessionArchive(deps.commands, archive, board);
      res.status(201).json({ ...presentSession(session), access: grant });
    },
  );

  /**
   * With a facilitator password, the instance's facilitators (who hold it) see
   * every workshop. Without one, a device sees only the workshops it
   * facilitates (the tokens it sends): anyone may open the home page, and a
   * list of every join code would let them into every workshop.
   */
  router.get('/', async (req, res) => {
    await requireInstancePassword(req, deps.password, req.get('x-trame-password'));
    const query = validateBody(sessionQuery, req.query);
    const found = await sessions.find(query);
    const mine = deps.password.expected ? null : await facilitatedSessionIds(req, sessions);
    res.json({
      sessions: found
        .filter(({ session }) => !mine || mine.has(session.id))
        .map(({ session, match }) => ({ ...presentSession(session), ...(match ? { match } : {}) })),
    });
  });

  /** Anyone may read a session's title and state; its join code only its facilitators. */
  router.get('/:id', async (req, res) => {
    const session = await sessions.require(req.params.id);
    const principal = await optionalPrincipal(req, sessions, session.id);
    res.json(presentSession(session, { withJoinCode: principal?.role === 'facilitator' }));
  });

  router.patch('/:id', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const body = validateBody(updateSessionBody, req.body);
    const updated = await updateSession(deps.commands, req.params.id, body);
    res.json(presentSession(updated));
  });

  // Deleting and duplicating follow the rules of creating: the owner only, with the instance password when set.
  router.delete('/:id', async (req, res) => {
    await requireOwner(req, sessions, req.params.id);
    await requireInstancePassword(req, deps.password, req.get('x-trame-password'));
    await deleteSession(deps.commands, req.params.id);
    res.status(204).end();
  });

  router.post('/:id/duplicate', async (req, res) => {
    await requireOwner(req, sessions, req.params.id);
    const { withContributions, password } = validateBody(duplicateBody, req.body);
    await requireInstancePassword(req, deps.password, password ?? req.get('x-trame-password'));
    const { session, grant } = await duplicateSession(deps.commands, req.params.id, withContributions);
    res.status(201).json({ ...presentSession(session), access: grant });
  });

  /** Who the caller's token says they are: lets a device check a stored token. */
  router.get('/:id/me', async (req, res) => {
    await sessions.require(req.params.id);
    res.json(await authenticate(req, sessions, req.params.id));
  });

  // « Supprimer mes contributions »: the participant's own token is the authority, nobody else's.
  router.delete('/:id/me/contributions', async (req, res) => {
    await sessions.require(req.params.id);
    const principal = await authenticate(req, sessions, req.params.id);
    res.json(await withdrawContributions(deps.commands, deps.facilitation, principal));
  });

  router.get('/:id/participants', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const online = deps.connectedIds(req.params.id);
    const list = await sessions.access.participants(req.params.id);
    res.json({ participants: list.map((p) => presentParticipant(p, online.has(p.id))) });
  });

  router.delete('/:id/participants/:participantId', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    await removeParticipant(deps.commands, req.params.id, req.params.participantId);
    res.status(204).end();
  });

  router.post('/:id/links', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const { role } = validateBody(createLinkBody, req.body);
    const grant = await sessions.access.createRoleLink(req.params.id, role);
    const url = `${publicBaseUrl(req, deps.publicUrl)}/s/${grant.sessionId}#acces=${grant.token}`;
    res.status(201).json({ ...grant, url });
  });

  // The QR codes carry the join code: for the session's facilitators only (the client fetches them with its token).
  router.get('/:id/qr.svg', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const session = await sessions.require(req.params.id);
    const url = joinUrl(publicBaseUrl(req, deps.publicUrl), session.joinCode);
    const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').send(svg);
  });

  router.get('/:id/qr.png', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const session = await sessions.require(req.params.id);
    const url = joinUrl(publicBaseUrl(req, deps.publicUrl), session.joinCode);
    res.type('image/png').send(await QRCode.toBuffer(url, { type: 'png', margin: 2, width: 480 }));
  });

  return router;
}
