import Link from 'next/link';

export interface ErrorViewProps {
  /** A client-safe GatewayErrorCode (or `INTERNAL`). */
  code: string;
  /** The public message for `code`: never internal detail. */
  message: string;
}

/** Client-safe error card: the public message, the code for support, and a way back. */
export function ErrorView({ code, message }: ErrorViewProps) {
  return (
    <div className="auth">
      <section className="card auth-card" aria-labelledby="error-title">
        <div className="error-icon" aria-hidden="true">
          !
        </div>
        <h1 id="error-title">We couldn’t complete this request</h1>
        <p className="muted" data-testid="error-message">
          {message}
        </p>
        <p className="error-code-line">
          Error code
          <code className="error-code" data-testid="error-code">
            {code}
          </code>
        </p>
        <div>
          <Link className="btn btn-primary" href="/signin">
            Back to sign in
          </Link>
        </div>
      </section>
    </div>
  );
}
