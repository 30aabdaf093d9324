/**
 * Who is using the app, asked once per session (member.me) and shared by the sign-up screens, so a helper sees
 * 正在为王建国报名 on each of them without every screen asking again. A failed answer is not kept.
 */
import { useEffect, useState } from 'react';
import type { BureauInfo, MeData } from '../shared/contracts';
import { call } from './cloud';

let viewer: Promise<MeData | null> | null = null;
/** the last answer, for what must be known synchronously (inside a tap) */
let known: MeData | null = null;

/** Asks member.me once per session (shared by every screen that needs it). */
export function loadViewer(): Promise<MeData | null> {
  if (!viewer) {
    viewer = call('member', 'me', {}).then((result) => {
      if (result.ok) return (known = result.data);
      viewer = null;
      return null;
    });
  }
  return viewer;
}

/** The member's name when a helper acts for them; null otherwise (or while unknown). ask=false: no call. */
export function useActingFor(ask = true): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!ask) return undefined;
    let live = true;
    void loadViewer().then((me) => live && setName(me?.actingFor?.name ?? null));
    return () => {
      live = false;
    };
  }, [ask]);
  return name;
}

/**
 * Who is using the app (member.me, asked once per session): undefined while asking, null when unknown.
 * ask=false: no call (the screen's own answer says enough), stays undefined.
 */
export function useViewer(ask = true): MeData | null | undefined {
  const [me, setMe] = useState<MeData | null | undefined>(undefined);
  useEffect(() => {
    if (!ask) return undefined;
    let live = true;
    void loadViewer().then((answer) => live && setMe(answer));
    return () => {
      live = false;
    };
  }, [ask]);
  return me;
}

/** The bureau's settings as the session last heard them (member.me); null before the first answer. */
export function knownBureau(): BureauInfo | null {
  return known?.bureau ?? null;
}

/** Forgets the session's answer (after the viewer's role changed, e.g. 管理员认领): the next screen asks again. */
export function forgetViewer(): void {
  viewer = null;
  known = null;
}
