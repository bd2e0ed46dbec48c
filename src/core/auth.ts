// Sessions and invitations as the services hand them to the web layer (the database stores
// them; db/repositories/auth-contract.ts imports these shapes from here).
import type { IsoDate } from './types.ts';

export type SessionStage = 'full' | 'second-factor';

export interface Session {
  idHash: string;
  personId: number;
  stage: SessionStage;
  csrfToken: string;
  createdAt: IsoDate;
  lastSeenAt: IsoDate;
  expiresAt: IsoDate;
  ipHash: string;
  userAgent: string;
}

export interface Invitation {
  id: number;
  personId: number;
  createdBy: number | null;
  createdAt: IsoDate;
  expiresAt: IsoDate;
  usedAt: IsoDate | null;
}
