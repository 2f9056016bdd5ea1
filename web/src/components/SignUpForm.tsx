import { type FormEvent, useState } from 'react';
import { confirmSignUp, resendSignUpCode, signIn, signUp } from 'aws-amplify/auth';
import { messageOf } from './auth-messages.js';
import { Field } from './Field.js';

interface SignUpFormProps {
  onSignedIn: () => void;
  onBack: () => void;
  /** An account created earlier but not confirmed yet: go straight to the code. */
  resume?: { username: string; password: string };
}

/** Cognito's sign-up: username, email and password, then the confirmation code Cognito sends (offline: the log). */
export function SignUpForm({ onSignedIn, onBack, resume }: SignUpFormProps) {
  const [username, setUsername] = useState(resume?.username ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState(resume?.password ?? '');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'details' | 'code'>(resume ? 'code' : 'details');
  const [note, setNote] = useState<string | null>(resume ? 'Your account is not confirmed yet: enter the code you were sent.' : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (run: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };

  const create = (event: FormEvent): Promise<void> => {
    event.preventDefault();
    return attempt(async () => {
      const { nextStep } = await signUp({ username, password, options: { userAttributes: { email } } });
      if (nextStep.signUpStep === 'DONE') return finish();
      const destination = nextStep.signUpStep === 'CONFIRM_SIGN_UP' ? nextStep.codeDeliveryDetails.destination : undefined;
      setNote(`A confirmation code was sent${destination ? ` to ${destination}` : ''}.`);
      setStep('code');
    });
  };

  const finish = async (): Promise<void> => {
    const { nextStep } = await signIn({ username, password });
    if (nextStep.signInStep === 'DONE') onSignedIn();
    else setError(`Account confirmed; sign in to continue (${nextStep.signInStep}).`);
  };

  const confirm = (event: FormEvent): Promise<void> => {
    event.preventDefault();
    return attempt(async () => {
      await confirmSignUp({ username, confirmationCode: code.trim() });
      await finish();
    });
  };

  const resend = (): Promise<void> =>
    attempt(async () => {
      await resendSignUpCode({ username });
      setNote('A new confirmation code was sent.');
    });

  return (
    <section className="card narrow" aria-labelledby="sign-up-heading">
      <h2 id="sign-up-heading">{step === 'details' ? 'Create an account' : 'Confirm your account'}</h2>
      {note ? <p role="status">{note}</p> : null}
      {step === 'details' ? (
        <form onSubmit={(event) => void create(event)}>
          <Field label="Username" value={username} onChange={setUsername} autoComplete="username" required />
          <Field label="Email" type="email" value={email} onChange={setEmail} autoComplete="email" required />
          <Field label="Password" type="password" value={password} onChange={setPassword} autoComplete="new-password" required />
          {error ? <p className="error" role="alert">{error}</p> : null}
          <button type="submit" disabled={busy}>
            Create account
          </button>
        </form>
      ) : (
        <form onSubmit={(event) => void confirm(event)}>
          <Field label="Confirmation code" value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" required />
          {error ? <p className="error" role="alert">{error}</p> : null}
          <button type="submit" disabled={busy}>
            Confirm
          </button>{' '}
          <button type="button" className="secondary" disabled={busy} onClick={() => void resend()}>
            Resend code
          </button>
        </form>
      )}
      <p>
        <button type="button" className="quiet" onClick={onBack}>
          Back to sign in
        </button>
      </p>
    </section>
  );
}
