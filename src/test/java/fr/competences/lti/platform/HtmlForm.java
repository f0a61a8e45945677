package fr.competences.lti.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML form as a browser submits it: method, action, fields (hidden inputs). Parsed from the tool's and the
 * platform's pages with a tiny parser, enough for the auto-submitted forms of the launch flow.
 */
public record HtmlForm(String method, String action, Map<String, String> fields, Map<String, String> data) {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");

    public HtmlForm(String method, String action, Map<String, String> fields) {
        this(method, action, fields, Map.of());
    }

    /** The form with this id (or the first form when id is null) in a page relative to {@code base}. */
    public static Optional<HtmlForm> in(String html, URI base, String id) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            if (id != null && !id.equals(attributes.get("id"))) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> inputAttributes = attributes(input.group(1));
                if (inputAttributes.containsKey("name")) {
                    fields.put(inputAttributes.get("name"), inputAttributes.getOrDefault("value", ""));
                }
            }
            Map<String, String> data = new LinkedHashMap<>();
            attributes.forEach((name, value) -> {
                if (name.startsWith("data-")) {
                    data.put(name.substring(5), value);
                }
            });
            return Optional.of(new HtmlForm(attributes.getOrDefault("method", "get").toUpperCase(),
                    base.resolve(attributes.getOrDefault("action", "")).toString(), fields, data));
        }
        return Optional.empty();
    }

    public HtmlForm with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return new HtmlForm(method, action, changed, data);
    }

    public HtmlForm without(String name) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.remove(name);
        return new HtmlForm(method, action, changed, data);
    }

    public String encoded() {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return body.toString();
    }

    /** The page a platform answers with: the form and the script that submits it (Moodle's ltiAuthForm). */
    String autoSubmitted() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><form action=\"" + escape(action)
                + "\" name=\"ltiAuthForm\" id=\"ltiAuthForm\" method=\"" + method.toLowerCase() + "\">");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\"/>"));
        return html.append("</form><script>document.ltiAuthForm.submit();</script></body></html>").toString();
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
        }
        return attributes;
    }

    public static String unescape(String value) {
        Matcher entity = Pattern.compile("&(#x?[0-9a-fA-F]+|quot|amp|lt|gt|apos);").matcher(value);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "quot" -> "\"";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> Character.toString(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1)));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return entity.appendTail(out).toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
