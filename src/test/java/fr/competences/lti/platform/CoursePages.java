package fr.competences.lti.platform;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a real browser sees of the platform: a course page framing the tool ({@code course/view.php}, the tool in an
 * iframe as Moodle's "embed" launch container does) and the launch page inside the frame ({@code mod/lti/launch.php})
 * that auto-submits the login initiation to the tool.
 */
final class CoursePages {

    private final Map<String, Launch> launches = new ConcurrentHashMap<>();

    /** The course page's address for this launch (one use of the launch page). */
    URI coursePage(TestPlatform platform, Launch launch) {
        String key = UUID.randomUUID().toString();
        launches.put(key, launch);
        return URI.create(platform.issuer() + "/course/view.php?launch=" + key);
    }

    void course(HttpExchange exchange) throws IOException {
        Map<String, String> query = AuthorizationEndpoint.query(exchange.getRequestURI().getRawQuery());
        String key = query.get("launch");
        String[] frame = query.getOrDefault("frame", "").split("x");
        String size = frame.length == 2 ? "width:" + Integer.parseInt(frame[0]) + "px;height:"
                + Integer.parseInt(frame[1]) + "px" : "width:100%;height:1400px";
        TestPlatform.respond(exchange, 200, "text/html", "<!DOCTYPE html><html lang=\"fr\"><head><title>Moodle de test"
                + "</title></head><body style=\"margin:0\"><h1>Cours — Moodle de test</h1><iframe id=\"contentframe\" "
                + "title=\"Outil\" src=\"/mod/lti/launch.php?launch=" + key + "\" style=\"" + size + ";border:0\">"
                + "</iframe></body></html>");
    }

    void launch(TestPlatform platform, HttpExchange exchange) throws IOException {
        Launch launch = launches.remove(String.valueOf(
                AuthorizationEndpoint.query(exchange.getRequestURI().getRawQuery()).get("launch")));
        if (launch == null) {
            TestPlatform.respond(exchange, 404, "text/html", "<p>unknown launch</p>");
            return;
        }
        TestPlatform.respond(exchange, 200, "text/html", platform.loginInitiation(launch).autoSubmitted());
    }
}
