import type { FormRule } from 'antd';
import { checkPasswordPolicy } from '../../../common/password.ts';
import { t } from '../i18n/index.ts';

/** The shared password policy as an antd form rule (empty values are left to `required`). */
export const passwordPolicyRule: FormRule = {
  validator: (_rule, pw: string | undefined) => {
    const problem = pw ? checkPasswordPolicy(pw) : null;
    return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
  },
};
