package fr.competences.lti.platform;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** An HTTP answer as the browser got it. */
public record Page(URI uri, int status, String body, HttpResponse<String> response) {

    public Optional<HtmlForm> form(String id) {
        return HtmlForm.in(body, uri, id);
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    public List<String> headers(String name) {
        return response.headers().allValues(name);
    }

    public Optional<URI> location() {
        return header("Location").map(uri::resolve);
    }
}
