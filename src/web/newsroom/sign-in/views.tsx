// Sign-in and second-factor forms. Errors say what is wrong without saying whether the
// e-mail exists.
import { InputField } from '../views/Field.tsx';
import type { SignInMessages } from './messages.ts';

export function SignInForm({
  t,
  csrf,
  email,
  next,
}: {
  t: SignInMessages;
  csrf: string;
  email: string;
  next: string;
}) {
  return (
    <form method="post" action="/newsroom/sign-in" class="nr-form nr-narrow">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="next" value={next} />
      <InputField
        id="email"
        name="email"
        type="email"
        dir="ltr"
        autocomplete="username"
        required
        value={email}
        label={t.email}
      />
      <InputField
        id="password"
        name="password"
        type="password"
        dir="ltr"
        autocomplete="current-password"
        required
        label={t.password}
      />
      <p>
        <button type="submit">{t.signInButton}</button>
      </p>
    </form>
  );
}

export function SecondFactorForm({ t, csrf, next }: { t: SignInMessages; csrf: string; next: string }) {
  return (
    <form method="post" action="/newsroom/sign-in/code" class="nr-form nr-narrow">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="next" value={next} />
      <p id="code-help">{t.secondFactorHelp}</p>
      <p>
        <label for="code">{t.code}</label>
        <input
          id="code"
          name="code"
          dir="ltr"
          autocomplete="one-time-code"
          inputmode="text"
          required
          aria-describedby="code-help"
          maxlength={40}
        />
      </p>
      <p>
        <button type="submit">{t.verify}</button>
      </p>
    </form>
  );
}
