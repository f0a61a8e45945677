package fr.competences.view;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the server-side pages: Mustache templates from {@code templates/} (HTML-escaped by default)
 * with the UI texts of {@code messages*.properties} under {@code t}.
 */
@ApplicationScoped
public class Pages {

    private final MustacheFactory templates = new DefaultMustacheFactory("templates");
    private final Map<Locale, Map<String, String>> texts = new ConcurrentHashMap<>();

    public String render(String template, Locale locale, Map<String, Object> model) {
        Map<String, Object> scope = new HashMap<>(model);
        scope.put("t", texts(locale));
        scope.put("lang", locale.getLanguage());
        scope.put("english", Language.isEnglish(locale));
        Mustache mustache = templates.compile(template + ".mustache");
        StringWriter html = new StringWriter();
        mustache.execute(html, scope);
        return html.toString();
    }

    public Map<String, String> texts(Locale locale) {
        return texts.computeIfAbsent(locale, Pages::load);
    }

    private static Map<String, String> load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, Pages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> map = new HashMap<>();
        for (String key : bundle.keySet()) {
            map.put(key, bundle.getString(key));
        }
        return Collections.unmodifiableMap(map);
    }
}
