// The explorer page: a sign-in form against the local Cognito JSON API (or, when the API has the API_KEY mode, an
// API key field), and GraphiQL sending the chosen token or key.
// Plain browser script (no build step); React, ReactDOM and GraphiQL are globals from the UMD builds loaded before it.
(() => {
  'use strict';

  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const endpoints = config.endpoints || {};
  // Same-origin paths, so the page works whatever host name it was opened with.
  const pathOf = (url, fallback) => (url ? new URL(url, location.href).pathname : fallback);
  const graphqlPath = pathOf(endpoints.graphql, '/graphql');
  const realtimePath = pathOf(endpoints.realtime, '/graphql/realtime');
  const cognitoPath = pathOf(endpoints.cognito, '/cognito');

  const KEYS = { id: 'explorer.idToken', access: 'explorer.accessToken', use: 'explorer.tokenUse', apiKey: 'explorer.apiKey' };
  // Present (a key, or null when none is valid) only when the API has the API_KEY mode.
  const apiKeyMode = config.apiKey !== undefined;
  const $ = (id) => document.getElementById(id);
  const form = $('sign-in');
  const session = $('session');
  const keyForm = $('api-key-form');
  const keySession = $('api-key-session');
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

  const currentApiKey = () => (apiKeyMode ? sessionStorage.getItem(KEYS.apiKey) : null);

  function showSession() {
    const apiKey = currentApiKey();
    const token = apiKey ? null : storedToken();
    const payload = token ? decodePayload(token) : null;
    form.hidden = Boolean(payload || apiKey);
    session.hidden = !payload;
    keyForm.hidden = !apiKeyMode || Boolean(payload || apiKey);
    keySession.hidden = !apiKey;
    // The last characters only: enough to tell keys apart on screen.
    if (apiKey) $('api-key-who').textContent = `Sending API key …${apiKey.slice(-6)} (x-api-key)`;
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
      const apiKey = currentApiKey();
      const token = apiKey ? null : currentToken();
      if (apiKey) headers['x-api-key'] = apiKey;
      if (token) headers.authorization = token;
      // Headers typed in GraphiQL's header editor win, so a hand-made token can be tried too.
      Object.assign(headers, lowerCaseKeys(options && options.headers));
      const signed = Boolean(headers.authorization || headers['x-api-key']);
      const how = apiKeyMode ? 'Sign in or use an API key above' : 'Sign in above';
      // GraphiQL loads the schema on start; unsigned, that can only be refused, so say what to do instead.
      if (!signed && params.operationName === 'IntrospectionQuery') {
        return { errors: [{ message: `${how} to load the schema: the API wants a token from the user pool${apiKeyMode ? ' or an API key' : ''}.` }] };
      }
      if (isSubscription(params)) {
        if (!signed) return { errors: [{ message: `${how} to subscribe.` }] };
        // The same credentials at the handshake and in each start: a key as x-api-key, else the token.
        const credentials = headers['x-api-key'] ? { 'x-api-key': headers['x-api-key'] } : { Authorization: headers.authorization };
        return subscribe(params, credentials);
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

  // The operation GraphiQL runs: the named one, else the document's only one.
  function isSubscription(params) {
    const text = String(params.query || '').replace(/#[^\n]*/g, '');
    if (params.operationName) return new RegExp(`\\bsubscription\\s+${params.operationName}\\b`).test(text);
    return /^\s*subscription\b/.test(text);
  }

  const base64Url = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  // AppSync's real-time protocol as Amplify speaks it: credentials in a header-<base64url> subprotocol, then
  // connection_init, start (with the token again), and data until the user stops it (stop) or the server ends it.
  // GraphiQL shows each result this async iterator yields.
  function subscribe(params, credentials) {
    const url = new URL(realtimePath, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const authorization = { ...credentials, host: location.host };
    const socket = new WebSocket(url, ['graphql-ws', `header-${base64Url(JSON.stringify(authorization))}`]);
    const id = crypto.randomUUID();
    const results = [];
    const waiting = [];
    let done = false;
    const push = (result, last) => {
      if (done) return;
      done = Boolean(last);
      const waiter = waiting.shift();
      if (waiter) waiter({ value: result, done: false });
      else results.push(result);
      if (done) socket.close();
    };
    const finish = () => {
      done = true;
      for (const waiter of waiting.splice(0)) waiter({ value: undefined, done: true });
    };
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        const data = JSON.stringify({ query: params.query, variables: params.variables || {}, operationName: params.operationName || null });
        socket.send(JSON.stringify({ id, type: 'start', payload: { data, extensions: { authorization } } }));
      } else if (message.type === 'start_ack') {
        push({ data: null, extensions: { subscription: 'started: waiting for events (press stop to end it)' } });
      } else if (message.type === 'data') {
        push(message.payload);
      } else if (message.type === 'error' || message.type === 'connection_error') {
        push({ errors: (message.payload && message.payload.errors) || [message] }, true);
      } else if (message.type === 'complete') {
        push({ data: null, extensions: { subscription: 'ended by the server' } }, true);
      }
    };
    socket.onclose = () => finish();
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        if (results.length > 0) return Promise.resolve({ value: results.shift(), done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return() {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'stop', id }));
        done = true;
        socket.close();
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
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

  if (apiKeyMode && config.apiKey) keyForm.elements['api-key'].value = config.apiKey;

  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = String(new FormData(keyForm).get('api-key') || '').trim();
    sessionStorage.setItem(KEYS.apiKey, key);
    say('');
    showSession();
    renderGraphiQL();
  });

  $('api-key-stop').addEventListener('click', () => {
    sessionStorage.removeItem(KEYS.apiKey);
    showSession();
    say('No longer sending the API key.');
    renderGraphiQL();
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
