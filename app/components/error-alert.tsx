/** A refusal as the API reported it: the readable message beside its stable error code. */
export function ErrorAlert({ error, testId }: { error: { message: string; code: string }; testId: string }) {
  return (
    <div className="alert" role="alert" data-testid={testId}>
      <span>{error.message}</span>
      <code>{error.code}</code>
    </div>
  );
}
