/**
 * Where each person's camera goes: the current step's canvas when the board
 * opens and whenever the facilitator changes step, or the whole board before
 * the first step. Someone who pans or zooms by hand is wandering and is left
 * alone until they come back with one tap; a follow-me leader's camera wins.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useValue, type Editor, type TLEventInfo } from 'tldraw';
import { unionBox, type Box, type CanvasGeometry } from '../../shared/boardGeometry.js';
import type { FacilitationView } from '../../shared/facilitation.js';

/** Screen pixels left around a framed canvas: small, as the workshop bar already takes height and notes must read at ≥ 11 px. */
const FRAME_INSET_PX = 4;
/**
 * Fits `box` in the board, centred. Controls over the board (tldraw's menu and toolbar, the canvas navigator) may
 * cover the frame's margins: fitting between them cost a tall canvas a sixth of its zoom, and its notes their
 * readable size.
 */
export function frameBox(editor: Editor, box: Box, animate = true): void {
  const view = editor.getViewportScreenBounds();
  const width = view.w - 2 * FRAME_INSET_PX;
  const height = view.h - 2 * FRAME_INSET_PX;
  if (width <= 0 || height <= 0 || box.w <= 0 || box.h <= 0) return;
  const steps = editor.getCameraOptions().zoomSteps;
  const z = Math.min(Math.max(Math.min(width / box.w, height / box.h), steps[0] ?? 0.05), steps.at(-1) ?? 8);
  const left = FRAME_INSET_PX + (width - box.w * z) / 2;
  const upper = FRAME_INSET_PX + (height - box.h * z) / 2;
  editor.setCamera({ x: left / z - box.x, y: upper / z - box.y, z }, { force: true, ...(animate ? { animation: { duration: 300 } } : { immediate: true }) });
}

export interface CanvasFraming {
  /** The canvas of the current step, when it has one on this board. */
  stepCanvasId: string | null;
  /** The canvas last framed, or null for the whole board. */
  framedId: string | null;
  wandering: boolean;
  frame(canvasId: string | null): void;
  backToStep(): void;
}

export function useCanvasFraming(
  editor: Editor | null,
  canvases: CanvasGeometry[],
  state: FacilitationView | null | undefined,
  participantId: string | null,
): CanvasFraming {
  const [wandering, setWandering] = useState(false);
  const [framedId, setFramedId] = useState<string | null>(null);
  const step = state && state.currentStep >= 0 ? state.steps[state.currentStep] : undefined;
  const stepCanvasId = step?.canvasId && canvases.some((c) => c.canvasId === step.canvasId) ? step.canvasId : null;
  const following = Boolean(state?.follow && state.follow.leaderId !== participantId);
  const automatic = useRef(false);

  const frame = useCallback(
    (canvasId: string | null, animate = true) => {
      if (!editor) return;
      const box = canvasId ? canvases.find((c) => c.canvasId === canvasId)?.box : unionBox(canvases.map((c) => c.box));
      if (!box) return;
      automatic.current = true;
      frameBox(editor, box, animate);
      setFramedId(canvasId);
    },
    [editor, canvases],
  );

  // First open (once the board and the facilitation state are known), then every change of step.
  const opened = useRef(false);
  const lastStep = useRef<string | null | undefined>(undefined);
  const ready = Boolean(editor) && canvases.length > 0 && state !== null;
  const stepKey = state ? `${state.currentStep}:${stepCanvasId ?? ''}` : undefined;
  useEffect(() => {
    if (!ready) return;
    if (!opened.current) {
      opened.current = true;
      lastStep.current = stepKey;
      frame(stepCanvasId, false);
      return;
    }
    if (stepKey === lastStep.current) return;
    lastStep.current = stepKey;
    if (!stepCanvasId || following || wandering) return;
    frame(stepCanvasId);
  }, [ready, stepKey, stepCanvasId, following, wandering, frame]);

  // The board resized (the panel opened or closed, a phone turned): the framed canvas is fitted again, unless one wandered.
  const size = useValue('viewport size', () => (editor ? `${editor.getViewportScreenBounds().w}x${editor.getViewportScreenBounds().h}` : ''), [editor]);
  const lastSize = useRef(size);
  useEffect(() => {
    if (size === lastSize.current) return;
    lastSize.current = size;
    if (opened.current && !wandering && !following) frame(framedId, false);
  }, [size, wandering, following, framedId, frame]);

  // Panning or zooming by hand is wandering off.
  useEffect(() => {
    if (!editor) return;
    const onEvent = (info: TLEventInfo) => {
      const panned = info.type === 'pointer' && info.name === 'pointer_move' && editor.inputs.getIsPanning();
      if (info.type === 'wheel' || info.type === 'pinch' || panned) setWandering(true);
    };
    editor.on('event', onEvent);
    return () => {
      editor.off('event', onEvent);
    };
  }, [editor]);

  const choose = useCallback(
    (canvasId: string | null) => {
      frame(canvasId);
      setWandering(Boolean(stepCanvasId) && canvasId !== stepCanvasId);
    },
    [frame, stepCanvasId],
  );
  const backToStep = useCallback(() => {
    frame(stepCanvasId);
    setWandering(false);
  }, [frame, stepCanvasId]);

  return { stepCanvasId, framedId, wandering, frame: choose, backToStep };
}
