package fr.competences.lti.platform;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A browser's cookie jar. Like browsers (and unlike the JDK's CookieManager), it treats http://localhost as a
 * secure context, so {@code Secure} cookies of the tool under test are kept and sent as in real use. With
 * {@code thirdPartyBlocked}, the tool's cookies are refused, as Safari does for a tool framed by the platform.
 */
final class BrowserCookies extends CookieHandler {

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    volatile boolean thirdPartyBlocked;

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return jar.get(secureIfLocal(uri), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (!thirdPartyBlocked) {
            jar.put(secureIfLocal(uri), responseHeaders);
        }
    }

    List<HttpCookie> all() {
        return jar.getCookieStore().getCookies();
    }

    private static URI secureIfLocal(URI uri) {
        if ("http".equals(uri.getScheme()) && "localhost".equals(uri.getHost())) {
            return URI.create("https" + uri.toString().substring(4));
        }
        return uri;
    }
}
