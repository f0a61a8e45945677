package fr.competences.lti.ags;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL handling every LTI service needs, lenient where platforms are (docs/moodle.md P-8, P-11). */
public final class ServiceUrls {

    /** One link-value of a Link header: {@code <url>} and its parameters, up to the next {@code <}. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    /**
     * {@code rel=next} whatever surrounds the value: straight quotes, none, or Moodle's typographic ones, which arrive
     * as UTF-8 bytes read as ISO-8859-1 (anything but a letter or a digit).
     */
    private static final Pattern REL_NEXT = Pattern.compile("\\brel\\s*=\\s*[^a-z0-9]*next(?![a-z0-9])",
            Pattern.CASE_INSENSITIVE);

    private ServiceUrls() {
    }

    /** Appends a path segment before the query string: {@code …/lineitem?type_id=1} → {@code …/lineitem/scores?type_id=1}. */
    public static String withPath(String url, String segment) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + segment + rest;
    }

    /** Adds query parameters (URL-encoded) after those the URL already has. */
    public static String withQuery(String url, Map<String, String> parameters) {
        StringBuilder result = new StringBuilder(url);
        parameters.forEach((name, value) -> result.append(result.indexOf("?") < 0 ? '?' : '&')
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return result.toString();
    }

    /** The URL of the {@code rel="next"} link of a Link header, if any. */
    public static Optional<String> nextLink(String linkHeader) {
        if (linkHeader == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(linkHeader);
        while (link.find()) {
            if (REL_NEXT.matcher(link.group(2)).find()) {
                return Optional.of(link.group(1).trim());
            }
        }
        return Optional.empty();
    }
}
