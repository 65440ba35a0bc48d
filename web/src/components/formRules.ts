import type { FormRule } from 'antd';
import { checkPasswordPolicy } from '../../../common/password.ts';

/** The shared password policy as an antd form rule (empty values are left to `required`). */
export const passwordPolicyRule: FormRule = {
  validator: (_rule, pw: string | undefined) => {
    const problem = pw ? checkPasswordPolicy(pw) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};
