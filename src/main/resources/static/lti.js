/* Compétences LTI: the browser side of the launch and of the session, without third-party cookies.
   1. Login page: keep the browser secret in localStorage (partitioned to the platform's frame, so it
      survives where third-party cookies do not), then go to the platform.
   2. Recovery page (the state cookie did not come back): post the launch again with the secret from
      localStorage; without it, show the "open in a new window" way out.
   3. Tool pages: renew the session token while the page is in use, and update links and forms. */
(function () {
  'use strict';
  var PREFIX = 'lti_state_';

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function forgetExpired(store) {
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        try { if (JSON.parse(store.getItem(key)).expires < Date.now()) { store.removeItem(key); } }
        catch (e) { store.removeItem(key); }
      }
    }
  }

  var login = document.getElementById('lti-login');
  if (login) {
    var store = storage();
    try {
      if (store) {
        forgetExpired(store);
        store.setItem(login.dataset.storageKey, JSON.stringify({
          secret: login.dataset.storageValue, expires: Number(login.dataset.storageExpires) }));
      }
    } catch (e) { /* storage full or denied: the cookie may still do */ }
    login.submit();
  }

  var recover = document.getElementById('lti-recover');
  if (recover) {
    var saved = null;
    try { saved = JSON.parse(storage().getItem(recover.dataset.storageKey)); } catch (e) { saved = null; }
    if (saved && saved.secret && saved.expires > Date.now()) {
      storage().removeItem(recover.dataset.storageKey);
      recover.elements.lti_browser_secret.value = saved.secret;
      recover.submit();
    }
  }

  var holder = document.getElementById('lti-session');
  if (holder) {
    keepSessionAlive(holder);
  }

  /* The token in the page's links is worth minutes (copied out of a URL, it soon expires); renewing it takes the
     session's renewal key, which the launch put in the landing address's fragment (#lti_renewal=...): kept here in
     the tab's sessionStorage, out of the address bar, and used every few minutes while the page is visible, and at
     once when it becomes visible again (a token that expired meanwhile is renewed all the same). */
  function keepSessionAlive(holder) {
    var EVERY = 3 * 60 * 1000;
    var token = holder.dataset.token;
    var key = renewalStorageKey(token);
    var tabStorage = null;
    try { tabStorage = window.sessionStorage; } catch (e) { tabStorage = null; }
    var fragment = /(?:^#|&)lti_renewal=([A-Za-z0-9_-]+)/.exec(location.hash);
    if (fragment) {
      try { if (tabStorage && key) { tabStorage.setItem(key, fragment[1]); } } catch (e) { /* full or denied */ }
      history.replaceState(history.state, '', location.pathname + location.search);
    }
    var renewalKey = null;
    try { renewalKey = tabStorage && key ? tabStorage.getItem(key) : null; } catch (e) { renewalKey = null; }
    if (!renewalKey) { return; } // a page opened elsewhere than where the launch landed: its token lapses
    var renewedAt = Date.now();
    var renew = function () {
      if (document.visibilityState !== 'visible') { return; }
      renewedAt = Date.now();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/lti/session');
      xhr.setRequestHeader('X-Lti-Session', token);
      xhr.setRequestHeader('X-Lti-Renewal', renewalKey);
      xhr.onload = function () {
        var fresh = xhr.getResponseHeader('X-Lti-Session');
        if (xhr.status === 204 && fresh) {
          document.querySelectorAll('a[href], form[action]').forEach(function (element) {
            var attribute = element.tagName === 'A' ? 'href' : 'action';
            element.setAttribute(attribute, element.getAttribute(attribute).split(token).join(fresh));
          });
          token = fresh;
          holder.dataset.token = fresh;
        }
      };
      xhr.send();
    };
    setInterval(renew, EVERY);
    document.addEventListener('visibilitychange', function () {
      if (Date.now() - renewedAt >= EVERY) { renew(); }
    });
  }

  /* One key per session (member and launch time, from the token's payload): a tab may hold several. */
  function renewalStorageKey(token) {
    try {
      var payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return 'lti_renewal_' + payload.mbr + '_' + payload.auth_time;
    } catch (e) {
      return null;
    }
  }
})();
