/**
 * An email as the admin pages show it (issue 12 §1): an email the IdP did not verify is marked
 * "unverified" — it is what the user typed, it grants nothing and names nobody in AWS — and one recorded
 * before Rolegate kept the verification (or without it) is marked "not known".
 */
export function EmailLabel({ email, verified }: { email: string; verified: boolean | undefined }) {
  return (
    <>
      {email}
      {verified === false && <> <span className="chip chip-bad" data-testid="email-unverified">unverified</span></>}
      {verified === undefined && <> <span className="chip muted" data-testid="email-verification-unknown">verification not known</span></>}
    </>
  );
}

/** The same for plain-text places (select options). */
export function emailText(email: string, verified: boolean | undefined): string {
  return verified === true ? email : `${email} (${verified === false ? 'unverified' : 'verification not known'})`;
}
