import { test } from 'node:test';
import { expectRejected as rejects, PROVIDER, ROLE } from './test-fixtures';

test('a role ARN with an extra ",arn:…" is rejected', async () => {
  const roleArn = `${ROLE},arn:aws:iam::999999999999:role/Evil`;
  await rejects({ roles: [{ roleArn, providerArn: PROVIDER }] }, 'SAML_ATTRIBUTE_INVALID', roleArn);
  const providerArn = `${PROVIDER},arn:aws:iam::999999999999:role/Evil`;
  await rejects({ roles: [{ roleArn: ROLE, providerArn }] }, 'SAML_ATTRIBUTE_INVALID', providerArn);
});

test('malformed role/provider ARNs and cross-account or cross-partition pairs → AWS_VALUE_INVALID', async () => {
  const pair = (roleArn: string, providerArn: string) => ({ roles: [{ roleArn, providerArn }] });
  await rejects(
    pair(ROLE, 'arn:aws:iam::210987654321:saml-provider/Rolegate'),
    'AWS_VALUE_INVALID',
  );
  await rejects(
    pair(ROLE, 'arn:aws-cn:iam::123456789012:saml-provider/Rolegate'),
    'AWS_VALUE_INVALID',
  );
  await rejects(pair('arn:aws:iam::123456789012:user/Admin', PROVIDER), 'AWS_VALUE_INVALID');
  await rejects(pair(ROLE, 'arn:aws:iam::123456789012:role/Rolegate'), 'AWS_VALUE_INVALID');
  await rejects(pair(ROLE, 'arn:aws:iam::12345678901:saml-provider/Rolegate'), 'AWS_VALUE_INVALID');
  await rejects(
    pair(ROLE, `arn:aws:iam::123456789012:saml-provider/${'p'.repeat(129)}`),
    'AWS_VALUE_INVALID',
  );
  const gov = {
    roleArn: 'arn:aws-us-gov:iam::123456789012:role/A',
    providerArn: 'arn:aws-us-gov:iam::123456789012:saml-provider/R',
  };
  await rejects({ roles: [{ roleArn: ROLE, providerArn: PROVIDER }, gov] }, 'AWS_VALUE_INVALID');
  await rejects(
    {
      roles: [
        { roleArn: ROLE, providerArn: PROVIDER },
        { roleArn: ROLE, providerArn: PROVIDER },
      ],
    },
    'AWS_VALUE_INVALID',
  );
});

test('empty roles → AWS_VALUE_INVALID', async () => {
  await rejects({ roles: [] }, 'AWS_VALUE_INVALID');
});

test('recipient of another partition than the roles → AWS_VALUE_INVALID', async () => {
  await rejects({ recipient: 'https://signin.amazonaws.cn/saml' }, 'AWS_VALUE_INVALID');
});
