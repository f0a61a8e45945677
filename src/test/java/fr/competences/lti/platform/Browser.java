package fr.competences.lti.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated browser for the launch flow over real HTTP: a cookie jar, a localStorage, auto-submitted forms,
 * and the two steps of the tool's {@code assets/lti.js} (keep the browser secret in localStorage, post it back
 * when the cookie is missing) replayed from the same {@code data-} attributes the script reads.
 */
public final class Browser {

    private final BrowserCookies cookies = new BrowserCookies();
    private final Map<String, String> localStorage = new ConcurrentHashMap<>();
    private final HttpClient http;
    private volatile boolean storageBlocked;
    private volatile String renewalKey;
    private String language = "fr";

    public Browser() {
        // HTTP/1.1, as a browser reaches the tool through its proxy: Java's default upgrades to cleartext HTTP/2, which
        // no browser does, and the tool's HTTP/2 code then served every request of the tests and benchmarks
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Safari in the platform's iframe: the tool's cookies are refused. */
    public Browser blockingThirdPartyCookies() {
        cookies.thirdPartyBlocked = true;
        return this;
    }

    /** No storage either: only a new window can help. */
    public Browser blockingStorage() {
        storageBlocked = true;
        return this;
    }

    public Browser inEnglish() {
        language = "en";
        return this;
    }

    public List<HttpCookie> cookies() {
        return cookies.all();
    }

    /** The whole flow: platform launch page → tool login → platform auth → tool launch → landing page. */
    public Page launch(TestPlatform platform, Launch launch) {
        Page launched = untilLaunchAnswer(platform, launch, form -> form);
        return launched.status() == 303 ? get(launched.location().orElseThrow()) : launched;
    }

    /**
     * The flow up to the tool's answer to the id_token POST, after {@code change} edited the platform's form
     * (to drop or swap the state). The recovery step of lti.js runs when the tool asks for it.
     */
    public Page untilLaunchAnswer(TestPlatform platform, Launch launch,
            java.util.function.UnaryOperator<HtmlForm> change) {
        Page platformAnswer = untilPlatformAnswer(platform, launch);
        HtmlForm post = platformAnswer.form("ltiAuthForm")
                .orElseThrow(() -> new AssertionError("La plateforme n'a rien posté : " + platformAnswer.body()));
        return recoverIfAsked(submit(change.apply(post)));
    }

    /** Tool login, then the platform's authorization answer (its auto-submitted form). */
    public Page untilPlatformAnswer(TestPlatform platform, Launch launch) {
        Page login = submit(platform.loginInitiation(launch));
        HtmlForm toPlatform = login.form("lti-login")
                .orElseThrow(() -> new AssertionError("Pas de formulaire de connexion : " + login.status() + " "
                        + login.body()));
        if (!storageBlocked) {
            localStorage.put(toPlatform.data().get("storage-key"), toPlatform.data().get("storage-value"));
        }
        return submit(toPlatform);
    }

    /** lti.js on the recovery page: post the launch again with the secret kept in localStorage, if any. */
    public Page recoverIfAsked(Page page) {
        Optional<HtmlForm> recover = page.form("lti-recover");
        if (recover.isEmpty()) {
            return page;
        }
        String secret = localStorage.remove(recover.get().data().get("storage-key"));
        // the page's own form, so the browser says the request is same-origin (Fetch Metadata) and where it comes from
        return secret == null ? page : submit(recover.get().with("lti_browser_secret", secret),
                "Sec-Fetch-Site", "same-origin", "Origin", origin(page.uri()));
    }

    /**
     * The session's renewal key the last launch gave the landing page (in its address's fragment), which lti.js keeps in
     * the tab's sessionStorage.
     */
    public String renewalKey() {
        return renewalKey;
    }

    /** The browser secret this browser keeps in localStorage for a login (what an attacker would take from theirs). */
    public Optional<String> storedSecret(String storageKey) {
        return Optional.ofNullable(localStorage.get(storageKey));
    }

    /** Submits a form; {@code headers} (name, value…) are those the browser adds, e.g. Fetch Metadata. */
    public Page submit(HtmlForm form, String... headers) {
        if ("GET".equals(form.method())) {
            String query = form.encoded();
            return get(URI.create(form.action() + (query.isEmpty() ? "" : "?" + query)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.encoded()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    public Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public Page post(URI uri, Map<String, String> fields) {
        return submit(new HtmlForm("POST", uri.toString(), fields));
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", language).timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Location").map(URI::create).map(URI::getFragment)
                    .filter(fragment -> fragment.startsWith("lti_renewal="))
                    .ifPresent(fragment -> renewalKey = fragment.substring("lti_renewal=".length()));
            return new Page(built.uri(), response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
