import { type FormEvent, useState } from 'react';
import { signIn } from 'aws-amplify/auth';
import { messageOf } from './auth-messages.js';
import { Field } from './Field.js';
import { SignUpForm } from './SignUpForm.js';

/** Username and password, or a new account; `onSignedIn` once Amplify holds the tokens. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);

  if (mode === 'sign-up' || unconfirmed) {
    return (
      <SignUpForm
        onSignedIn={onSignedIn}
        onBack={() => {
          setMode('sign-in');
          setUnconfirmed(false);
        }}
        {...(unconfirmed ? { resume: { username, password } } : {})}
      />
    );
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { nextStep } = await signIn({ username, password });
      if (nextStep.signInStep === 'DONE') onSignedIn();
      else if (nextStep.signInStep === 'CONFIRM_SIGN_UP') setUnconfirmed(true);
      else setError(`This account needs a step the app does not offer (${nextStep.signInStep}).`);
    } catch (reason) {
      setError(`Sign-in failed: ${messageOf(reason)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <form onSubmit={(event) => void submit(event)}>
        <Field label="Username" value={username} onChange={setUsername} autoComplete="username" required />
        <Field label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" required />
        {error ? <p className="error" role="alert">{error}</p> : null}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        No account yet?{' '}
        <button type="button" className="secondary" onClick={() => setMode('sign-up')}>
          Create account
        </button>
      </p>
    </section>
  );
}
