/**
 * Who is using the app, asked once per session (member.me) and shared by the sign-up screens, so a helper sees
 * 正在为王建国报名 on each of them without every screen asking again. A failed answer is not kept.
 */
import { useEffect, useState } from 'react';
import type { MeData } from '../shared/contracts';
import { call } from './cloud';

let viewer: Promise<MeData | null> | null = null;

/** Asks member.me once per session (shared by every screen that needs it). */
export function loadViewer(): Promise<MeData | null> {
  if (!viewer) {
    viewer = call('member', 'me', {}).then((result) => {
      if (result.ok) return result.data;
      viewer = null;
      return null;
    });
  }
  return viewer;
}

/** The member's name when a helper acts for them; null otherwise (or while unknown). */
export function useActingFor(): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadViewer().then((me) => live && setName(me?.actingFor?.name ?? null));
    return () => {
      live = false;
    };
  }, []);
  return name;
}

/** Who is using the app (member.me, asked once per session): undefined while asking, null when unknown. */
export function useViewer(): MeData | null | undefined {
  const [me, setMe] = useState<MeData | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadViewer().then((answer) => live && setMe(answer));
    return () => {
      live = false;
    };
  }, []);
  return me;
}
