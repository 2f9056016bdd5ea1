// The explorer page: a sign-in form against the local Cognito JSON API, and GraphiQL sending the chosen token.
// Plain browser script (no build step); React, ReactDOM and GraphiQL are globals from the UMD builds loaded before it.
(() => {
  'use strict';

  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const endpoints = config.endpoints || {};
  // Same-origin paths, so the page works whatever host name it was opened with.
  const pathOf = (url, fallback) => (url ? new URL(url, location.href).pathname : fallback);
  const graphqlPath = pathOf(endpoints.graphql, '/graphql');
  const cognitoPath = pathOf(endpoints.cognito, '/cognito');

  const KEYS = { id: 'explorer.idToken', access: 'explorer.accessToken', use: 'explorer.tokenUse' };
  const $ = (id) => document.getElementById(id);
  const form = $('sign-in');
  const session = $('session');
  const message = $('message');

  class SignInError extends Error {}

  function decodePayload(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return null;
    }
  }

  const tokenUse = () => (sessionStorage.getItem(KEYS.use) === 'access' ? 'access' : 'id');
  const storedToken = () => sessionStorage.getItem(tokenUse() === 'access' ? KEYS.access : KEYS.id);

  function say(text, kind) {
    message.textContent = text;
    message.className = `message ${kind || ''}`;
  }

  function clearTokens() {
    sessionStorage.removeItem(KEYS.id);
    sessionStorage.removeItem(KEYS.access);
  }

  // An expired token is dropped rather than sent, so the user sees why instead of a bare 401.
  function currentToken() {
    const token = storedToken();
    if (!token) return null;
    const payload = decodePayload(token);
    if (payload && typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now()) {
      clearTokens();
      showSession();
      say('Your session expired: sign in again.', 'error');
      return null;
    }
    return token;
  }

  function showSession() {
    const token = storedToken();
    const payload = token ? decodePayload(token) : null;
    form.hidden = Boolean(payload);
    session.hidden = !payload;
    if (!payload) return;
    const name = payload['cognito:username'] || payload.username || payload.sub || 'unknown user';
    const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
    const until = typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toLocaleTimeString() : '?';
    $('who').textContent = `Signed in as ${name} · ${groups.length ? `groups: ${groups.join(', ')}` : 'no groups'} · until ${until}`;
    for (const radio of document.querySelectorAll('input[name="token-use"]')) radio.checked = radio.value === tokenUse();
  }

  async function signIn(username, password) {
    let response;
    try {
      response = await fetch(cognitoPath, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        },
        body: JSON.stringify({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: endpoints.userPoolClientId,
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      });
    } catch (error) {
      throw new SignInError(`could not reach ${cognitoPath} (${error.message}). Is the local server running?`);
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const type = typeof body.__type === 'string' ? body.__type.split('#').pop() : `HTTP ${response.status}`;
      throw new SignInError(`${body.message || 'the user pool refused the request'} (${type})`);
    }
    const result = body.AuthenticationResult;
    if (!result) throw new SignInError(`the pool asked for a ${body.ChallengeName || 'further'} challenge, which this form does not answer`);
    sessionStorage.setItem(KEYS.id, result.IdToken);
    sessionStorage.setItem(KEYS.access, result.AccessToken);
  }

  function lowerCaseKeys(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers || {})) out[name.toLowerCase()] = value;
    return out;
  }

  function makeFetcher() {
    return async (params, options) => {
      const headers = { 'content-type': 'application/json', accept: 'application/json' };
      const token = currentToken();
      if (token) headers.authorization = token;
      // Headers typed in GraphiQL's header editor win, so a hand-made token can be tried too.
      Object.assign(headers, lowerCaseKeys(options && options.headers));
      // GraphiQL loads the schema on start; unsigned, that can only be refused, so say what to do instead.
      if (!headers.authorization && params.operationName === 'IntrospectionQuery') {
        return { errors: [{ message: 'Sign in above to load the schema: the API wants a token from the user pool.' }] };
      }
      const response = await fetch(graphqlPath, { method: 'POST', headers, body: JSON.stringify(params) });
      const text = await response.text();
      try {
        return JSON.parse(text);
      } catch {
        return { errors: [{ message: `HTTP ${response.status} from ${graphqlPath}: ${text}` }] };
      }
    };
  }

  const root = ReactDOM.createRoot($('graphiql'));
  // A new fetcher makes GraphiQL fetch the schema again, now with (or without) the new credentials.
  function renderGraphiQL() {
    root.render(
      React.createElement(GraphiQL, {
        fetcher: makeFetcher(),
        defaultQuery: config.defaultQuery,
        shouldPersistHeaders: false,
      }),
    );
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const username = String(data.get('username') || '').trim();
    const button = form.querySelector('button');
    button.disabled = true;
    say('Signing in…');
    try {
      await signIn(username, String(data.get('password') || ''));
      form.reset();
      say('');
      showSession();
      renderGraphiQL();
    } catch (error) {
      say(`Sign-in failed: ${error instanceof SignInError ? error.message : String(error)}`, 'error');
    } finally {
      button.disabled = false;
    }
  });

  $('sign-out').addEventListener('click', () => {
    clearTokens();
    showSession();
    say('Signed out.');
    renderGraphiQL();
  });

  for (const radio of document.querySelectorAll('input[name="token-use"]')) {
    radio.addEventListener('change', () => {
      sessionStorage.setItem(KEYS.use, radio.value);
      showSession();
      renderGraphiQL();
    });
  }

  showSession();
  renderGraphiQL();
})();
