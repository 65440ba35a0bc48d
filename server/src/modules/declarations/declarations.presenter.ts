/**
 * The declaration page as the API answers it, from facts already read (declarations.facts.ts).
 * Pure: no database, no clock but the `now` the facts carry, so what a user sees is decided here
 * and tested without one (declarations.presenter.test.ts).
 */
import type { Actor } from '../../domain/actor.ts';
import { declarationCan, stateLabel, unacceptedChildren } from '../../domain/declaration.ts';
import { presentDeadline } from './declarations.deadlines.ts';
import type { DeclarationFacts } from './declarations.facts.ts';
import { receivesOnly } from './declarations.policy.ts';
import { sideOf, type SnapshotContent } from './declarations.units.ts';

export function presentDeclaration(actor: Actor, f: DeclarationFacts) {
  const { region, level, declaration: d, submitted, current, province } = f;
  const state = d?.state ?? 'draft';
  // 国家发展改革委 and 财政部 receive the submitted plan: its figures, not the live ledger's checks
  // or the units below (readableUnit has made sure there is a submitted version).
  const received = receivesOnly(actor) && submitted ? submitted : null;
  const byCheck = new Map(f.justifications.map((j) => [j.check_id, j]));
  const side = sideOf(actor, region, level);
  const children = received ? [] : f.children;
  return {
    /** login name → the person as pages show them (unit and display name) */
    people: f.people,
    unit: { code: region.code, name: region.name, level },
    year: f.year,
    state,
    stateLabel: stateLabel(state, d?.revision ?? 0),
    version: d?.version ?? 0,
    /** the revision under way or last accepted, and the version in force (计划调整) */
    ...f.revision,
    submittedAt: d?.submitted_at ?? null,
    ...presentDeadline(f.deadline, f.reviewer, f.now),
    policyDeadline: f.deadline.policy,
    /** the latest internal deadline this unit may be given; a province's is the policy's */
    parentDeadline: level === 'province' ? null : f.deadline.parent,
    side,
    /** what this user may do now, from the transition table (the web does not re-derive it) */
    can: declarationCan(state, side),
    currentHash: current.hash,
    totals: received
      ? (JSON.parse(received.content) as SnapshotContent).totals
      : current.content.totals,
    submitted: submitted
      ? {
          version: submitted.version,
          hash: submitted.hash,
          at: submitted.created_at,
          by: submitted.created_by,
          unchanged: submitted.hash === current.hash,
        }
      : null,
    checks: received
      ? []
      : f.checks.map((c) => ({ ...c, justification: byCheck.get(c.id)?.text ?? null })),
    returnNotes: f.notes.map((n) => ({
      communityId: n.community_id,
      name: n.name ?? '',
      reason: n.reason,
      at: n.at,
    })),
    events: f.events.map((e) => ({
      action: e.action,
      username: e.username,
      at: e.at,
      reason: e.reason,
      hash: e.hash,
    })),
    children,
    /** units below with plan communities whose declaration is not accepted: submitting waits */
    unacceptedChildren: unacceptedChildren(children).map((c) => ({
      code: c.code,
      name: c.name,
      state: c.state,
      stateLabel: c.stateLabel,
    })),
    province: province && {
      ...province,
      candidate: province.candidate && {
        ...province.candidate,
        current: province.candidate.hash === current.hash,
      },
    },
  };
}
