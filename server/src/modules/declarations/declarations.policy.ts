/**
 * Who may do what with a declaration beyond its own unit and its reviewer (declarations.units.ts
 * sideOf): the national recipients of a province's plan.
 */
import { hasRole, type Actor } from '../../domain/actor.ts';
export { receivesOnly } from '../../domain/actor.ts';
import { RECIPIENT_ROLES, type RecipientRole } from '../../../../common/declaration.ts';

/** The recipient department the actor signs for, at the country level; undefined: none. */
export const recipientRoleOf = (actor: Actor): RecipientRole | undefined =>
  actor.regionLevel === 'country' ? RECIPIENT_ROLES.find((r) => hasRole(actor, r)) : undefined;
