// All English of the interface, one catalog per area (each kept by whoever changes that area).
// A key in two catalogs must mean the same; catalogs.test.ts refuses two different translations.
import { en as admin } from './admin.ts';
import { en as declarationsReview } from './declarations-review.ts';
import { en as declarations } from './declarations.ts';
import { en as frame } from './frame.ts';
import { en as ledgerServer } from './ledger-server.ts';
import { en as ledger } from './ledger.ts';
import { en as plans } from './plans.ts';
import { en as progress } from './progress.ts';
import { en as server } from './server.ts';
import { en as shared } from './shared.ts';

export const CATALOGS: Record<string, Record<string, string>> = {
  frame,
  server,
  shared,
  ledger,
  ledgerServer,
  declarations,
  declarationsReview,
  plans,
  admin,
  progress,
};

export const CATALOG: Record<string, string> = Object.assign({}, ...Object.values(CATALOGS));
