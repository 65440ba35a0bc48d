/**
 * Who may do what with a declaration beyond its own unit and its reviewer (declarations.units.ts
 * sideOf): the national recipients of a province's plan.
 */
import { hasRole, type Actor } from '../../domain/actor.ts';
import { RECIPIENT_ROLES, type RecipientRole } from './signoff-roles.ts';

/**
 * 国家发展改革委 and 财政部 receive the provinces' submitted plans and see nothing else: a user who
 * holds no other role sees a declaration only of a province that has submitted (issue 11 §2).
 */
export const receivesOnly = (actor: Actor): boolean =>
  actor.roles.length > 0 && actor.roles.every((r) => r === 'ndrc_national' || r === 'mof');

/** The recipient department the actor signs for, at the country level; undefined: none. */
export const recipientRoleOf = (actor: Actor): RecipientRole | undefined =>
  actor.regionLevel === 'country' ? RECIPIENT_ROLES.find((r) => hasRole(actor, r)) : undefined;
